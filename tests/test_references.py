"""The References page and citations: entries from docs/references.yml, numbered through the book in the
original's groups, each with a stable anchor and links back; citations in the text link to their entry."""

from __future__ import annotations

import html as html_module
import re

import pytest

from book import project
from book.errors import BookError
from book.references import bibliography, citations
from conftest import ROOT

DOCS = ROOT / "docs"
GROUPS = bibliography.load(DOCS / "references.yml")
ENTRIES = bibliography.entries(GROUPS)


def built(site, lang: str, page: str) -> str:
    prefix = "" if lang == project.default_language() else f"{lang}/"
    return (site / prefix / page / "index.html").read_text(encoding="utf-8")


def test_the_data_numbers_every_entry_once_in_order():
    assert [entry.number for entry in ENTRIES.values()] == list(range(1, len(ENTRIES) + 1))
    assert len(ENTRIES) == 19, "the original lists 19 references"


@pytest.mark.parametrize("lang", project.languages())
def test_the_references_page_lists_every_entry_in_its_group_with_links_back(site, lang):
    html = built(site, lang, "references")
    for group in GROUPS:
        assert f'id="{group.id}"' in html
        first = group.entries[0]
        assert f'<ol class="book-references" start="{first.number}">' in html
        for entry in group.entries:
            item = re.search(rf'<li id="ref-{re.escape(entry.key)}">(.*?)</li>', html, re.S)
            assert item, entry.key
            assert html_module.escape(entry.text("title", lang)) in item[1]
            if entry.fields.get("url"):
                assert f'href="{entry.fields["url"]}"' in item[1]
    # Every entry the text cites links back to the pages that cite it.
    pages = citations.cited_in(
        DOCS, lang, [p.relative_to(DOCS / lang).as_posix() for p in sorted((DOCS / lang).rglob("*.md"))], str
    )
    for key in pages:
        item = re.search(rf'<li id="ref-{re.escape(key)}">(.*?)</li>', html, re.S)[1]
        assert item.count('<a href="../') + item.count('<a href="part-') + item.count('<a href="conclusion') >= 1, key


@pytest.mark.parametrize("lang", project.languages())
def test_a_citation_is_a_numbered_link_to_its_entry(site, lang):
    page = next(p for p in sorted((DOCS / lang).rglob("*.md")) if citations.find(p.read_text(encoding="utf-8")))
    first = citations.find(page.read_text(encoding="utf-8"))[0]
    entry = ENTRIES[first.key]
    rel = page.relative_to(DOCS / lang).with_suffix("").as_posix()
    html = built(site, lang, rel.removesuffix("/index").removesuffix("index"))
    link = re.search(
        rf'<a class="book-cite" href="([^"]*)#ref-{re.escape(entry.key)}" title="[^"]*">\[{entry.number}\]</a>', html
    )
    assert link, f"{page}: no link for [@{entry.key}]"
    assert link[1].endswith("references/")
    assert f"[@{entry.key}]" not in html


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
