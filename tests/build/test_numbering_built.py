"""Numbered tables and figures in the built book: each caption has its number and anchor, each reference links to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from book import project
from book.numbering import labels
from book.numbering.scan import scan
from book.references.pages import nav_pages
from conftest import ROOT

DOCS = ROOT / "docs"
LANGS = ["ja", "en"]
ORDER = labels.complete_order(nav_pages(project.config()["nav"]), DOCS, "ja")


def book_labels(lang: str) -> dict:
    return labels.number(labels.scan_language(DOCS, lang, ORDER))


def _built(site: Path, lang: str, page: str) -> str:
    stem = page.removesuffix(".md")
    url = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
    return (site / ("" if lang == "ja" else f"{lang}/") / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_show_numbered_captions_and_linked_references(site, lang):
    numbered = book_labels(lang)
    for label in numbered.values():
        page = _built(site, lang, label.page)
        name = re.escape(label.name(lang))
        assert re.search(rf'id="{label.anchor}"[^>]*>.*?<span class="book-caption__number">{name}</span>', page, re.S), (
            f"{label.page}: {label.name(lang)} has its number and anchor"
        )
        if label.kind == "tbl":
            assert f'aria-labelledby="{label.anchor}"' in page
        elif label.table:  # a chart names its data table, with a link
            table = numbered["tbl", label.table]
            same = re.search(rf'id="{label.anchor}".*?book-chart__same-data">(.*?)</span>', page, re.S)[1]
            assert f'href="#{table.anchor}">{table.name(lang)}</a>' in same
    links = 0
    for page in ORDER:
        source = DOCS / lang / page
        for ref in scan(source.read_text(encoding="utf-8"), str(source), True).references:
            label = numbered[ref.kind, ref.id]
            built = _built(site, lang, page)
            link = re.search(rf'<a class="book-ref" href="([^"]*)#{label.anchor}">{re.escape(label.name(lang))}</a>', built)
            assert link, f"{page}:{ref.line}: [[{ref.kind}:{ref.id}]] is a link to {label.name(lang)}"
            target = _built(site, lang, label.page) if link[1] else built
            assert f'id="{label.anchor}"' in target
            assert ("" if label.page == page else "../") in link[1]
            links += 1
    assert links, "the text refers to its tables"
