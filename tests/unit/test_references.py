"""The References page and citations: entries from docs/references.yml, numbered through the book in the
original's groups, each with a stable anchor and links back; citations in the text link to their entry."""

from __future__ import annotations

import pytest

from book.errors import BookError
from book.references import bibliography, citations
from conftest import FIXTURE, ROOT
from convert import convert

DOCS = ROOT / "docs"
GROUPS = bibliography.load(DOCS / "references.yml")
FIXTURE_DOCS = FIXTURE / "docs"
ENTRIES = bibliography.entries(GROUPS)


def test_the_data_numbers_every_entry_once_in_order():
    assert [entry.number for entry in ENTRIES.values()] == list(range(1, len(ENTRIES) + 1))
    assert len({entry.key for entry in ENTRIES.values()}) == len(ENTRIES)


def cited(text: str, lang: str = "en", page: str = "part-1/1-1.md") -> str:
    """The page as the citations extension makes it, with the fixture book's references."""
    from book.contents import read

    return convert(text, lang=lang, page=page, contents=read(FIXTURE_DOCS, ["ja", "en"])[lang])


def test_a_citation_is_a_numbered_link_to_its_entry_and_code_is_left_alone():
    html = cited("A claim [@glm5].\n\n`[@kimi-k25]`")
    assert html == (
        '<p>A claim <a class="book-cite" href="../references.md#ref-glm5" title="z.AI, GLM-5 Technical Report">[1]</a>.</p>\n'
        "<p><code>[@kimi-k25]</code></p>"
    )


def test_a_citation_of_nothing_names_the_closest_key():
    with pytest.raises(BookError) as raised:
        cited("A claim [@glm-5].")
    assert str(raised.value) == "citation [@glm-5] names no entry of the references — did you mean [@glm5]?"


def test_the_references_page_lists_each_group_with_links_back_to_the_citing_sections():
    html = cited("# References {#references}\n\n<!-- references -->\n", "ja", "references.md")
    assert '<h2 id="primary">一次資料</h2>\n<ol class="book-references" start="1">' in html
    assert '<ol class="book-references" start="3">' in html, "numbered through the book"
    assert (
        '<li id="ref-glm5"><strong>z.AI</strong>, “GLM-5 Technical Report”, arXiv: 2602.15763, 2026年2月. '
        '<a href="https://arxiv.org/abs/2602.15763">arxiv.org/abs/2602.15763</a><br />\n'
        '<span class="book-reference-cited">参照箇所: <a href="part-1/1-1.md#s1-1">1-1</a></span></li>'
    ) in html
    assert '<span class="book-reference-note">第1部の証拠。</span>' in html


def test_dates_read_as_each_language_writes_them():
    assert bibliography.format_date("2026-01-30", True, "en") == "as of 30 January 2026"
    assert bibliography.format_date("2026-01-30", True, "ja") == "2026年1月30日時点"
    assert bibliography.format_date("2026-02", False, "en") == "February 2026"
    assert bibliography.format_date(None, False, "ja") == ""


@pytest.mark.parametrize(
    "text, line, problem",
    [
        (
            "- group: a\n  title: {ja: あ, en: A}\n  entries:\n    - key: x\n      title: T\n",
            4,
            "entry has unknown or missing fields",
        ),
        (
            "- group: a\n  title: {ja: あ, en: A}\n  entries:\n    - {key: x, author: A, title: T}\n    - {key: x, author: B, title: U}\n",
            5,
            "key 'x' is used twice",
        ),
        ("- group: a\n  title: [\n", 3, "is not valid YAML"),
        ("group: a\n", 1, "is not a list of groups"),
    ],
)
def test_a_bad_bibliography_names_its_line(tmp_path, text, line, problem):
    path = tmp_path / "references.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BookError) as caught:
        bibliography.load(path)
    assert str(caught.value).startswith(f"docs/references.yml:{line}: {problem}")


def test_citations_in_code_are_left_alone():
    text = "```\n[@nowhere]\n```\nA claim [@glm5].\n"
    assert [c.key for c in citations.find(text)] == ["glm5"]
    assert citations.problems("p.md", text, ENTRIES) == []
