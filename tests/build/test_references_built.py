"""The References page and citations in the built book: every entry in its group, with links back; each citation a
numbered link to its entry."""

from __future__ import annotations

import html as html_module
import re

import pytest

from book import project
from book.references import bibliography, citations
from conftest import ROOT

DOCS = ROOT / "docs"
GROUPS = bibliography.load(DOCS / "references.yml")
ENTRIES = bibliography.entries(GROUPS)


def built(site, lang: str, page: str) -> str:
    prefix = "" if lang == project.default_language() else f"{lang}/"
    return (site / prefix / page / "index.html").read_text(encoding="utf-8")


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
            assert html_module.escape(entry.text("title", lang), quote=False) in item[1]
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
