"""Text for one edition: `<!-- site -->` and `<!-- book -->` blocks, as the site's and the books' Markdown read them."""

from __future__ import annotations

import markdown
import pytest

from book.errors import BookError
from book.sources import editions

PAGE = """# About {#about}

<!-- site -->
This site shows interactive charts.
<!-- /site -->
<!-- book -->
This book shows charts.
<!-- /book -->

- one
<!-- site -->
- a tooltip
<!-- /site -->
- two

```markdown
<!-- book -->
shown as code
```
"""


def convert(text: str, edition: str) -> str:
    return markdown.markdown(
        text,
        extensions=["book.markdown.editions", "fenced_code"],
        extension_configs={"book.markdown.editions": {"edition": edition}},
    )


def test_each_edition_keeps_its_own_blocks_and_drops_the_others():
    site, book = convert(PAGE, "site"), convert(PAGE, "book")
    assert "This site shows interactive charts." in site and "This book shows charts." not in site
    assert "This book shows charts." in book and "This site" not in book
    assert "<li>a tooltip</li>" in site and "tooltip" not in book
    assert "<li>one</li>\n<li>two</li>" in book  # a dropped block leaves the list tight
    assert "&lt;!-- book --&gt;" in site and "&lt;!-- book --&gt;" in book  # a marker in code is an example
    assert editions.problems("p.md", PAGE) == []


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a\n<!-- book -->\nb\n", 2, "<!-- book --> is never closed"),
        ("a\n<!-- /site -->\n", 2, "<!-- /site --> closes no site block"),
        (
            "<!-- site -->\n<!-- book -->\nb\n<!-- /book -->\n<!-- /site -->\n",
            2,
            "<!-- book --> opens inside the site block of line 1",
        ),
        ("<!-- book -->\n## Print {#print}\n<!-- /book -->\n", 2, "a heading inside a <!-- book --> block"),
    ],
)
def test_mistakes_are_reported_with_their_line(text, line, problem):
    found = editions.problems("docs/en/about.md", text)
    assert found and str(found[0]).startswith(f"docs/en/about.md:{line}: {problem} — ")
    if "heading" not in problem:
        with pytest.raises(BookError):
            editions.for_edition(text, "site", "docs/en/about.md")
