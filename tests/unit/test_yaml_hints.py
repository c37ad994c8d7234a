"""YAML a contributor writes by hand (front matter, chart markers, the references): a mistake is named by its line,
with the fix written in that line's own words."""

from __future__ import annotations

import pytest

from book.charts.spec import find_charts
from book.errors import BookError
from book.sources import frontmatter


def front_matter_error(matter: str) -> str:
    with pytest.raises(BookError) as raised:
        frontmatter.read(f"---\n{matter}---\n\n# T {{#t}}\n", "docs/en/part-1/1-9.md")
    return str(raised.value)


@pytest.mark.parametrize(
    "matter, line, fix",
    [
        ("title: Part 1: The Convergence\n", 2, 'quote it: title: "Part 1: The Convergence"'),
        ("title: T\ndescription: 'The author's view'\n", 3, 'write description: "The author\'s view" (double quotes)'),
        ('title: "An open quote\ndescription: x\n', 2, 'close the quotation marks: title: "An open quote"'),
        ("title: [draft] A title\n", 2, 'if it is text, quote it: title: "[draft] A title"'),
        ("title: T\n\tdescription: x\n", 3, "indent with spaces, not tabs"),
    ],
)
def test_front_matter_says_what_to_quote_and_how(matter, line, fix):
    error = front_matter_error(matter)
    assert error.startswith(f"docs/en/part-1/1-9.md:{line}: the front matter is not valid YAML"), error
    assert fix in error.split(" — ", 1)[1], error


def test_a_chart_caption_with_an_apostrophe_inside_single_quotes():
    marker = "<!-- chart\nid: x\ntype: bar\nlabels: a\nvalues: [b]\ntitle: T\ncaption: 'Source: each company's report'\n-->\n"
    with pytest.raises(BookError) as raised:
        find_charts(marker + "\n| a | b |\n| --- | ---: |\n| x | 1 |\n", "p.md")
    assert str(raised.value).startswith("p.md:7: the chart settings are not valid YAML")
    assert 'write caption: "Source: each company\'s report" (double quotes)' in str(raised.value)


def test_a_mistyped_chart_setting_gets_the_closest_one():
    marker = "<!-- chart\nid: x\ntype: bar\nlabels: a\nvalue: [b]\nvalues: [b]\ntitle: T\ncaption: C\n-->\n"
    with pytest.raises(BookError) as raised:
        find_charts(marker + "\n| a | b |\n| --- | ---: |\n| x | 1 |\n", "p.md")
    assert str(raised.value) == "p.md:5: unknown chart setting `value` — did you mean `values`?"
