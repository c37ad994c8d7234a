"""Printing a section from the browser gives a clean document: Chromium prints a page of each language to PDF,
and pdftotext (poppler-utils) reads it back. The text, captions, tables, charts and the licence are there; the
site's navigation is not; external links show their address; no table or chart is split across pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from book import project
from book.charts.spec import find_charts
from book.numbering import labels
from book.references.pages import nav_pages
from book.site.strings import STRINGS
from book.sources import frontmatter
from book.sources.tables import parse_table, plain_text, starts_table
from conftest import ROOT

pytestmark = pytest.mark.browser

DOCS = ROOT / "docs"
SECTION = "part-1/1-3.md"  # a section with numbered tables, charts and citations
ORDER = nav_pages(project.config()["nav"])


def pdf_text(pdf: Path) -> list[str]:
    """The PDF's text, one string per page."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing — run `make test`, which installs poppler-utils")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")]


def squeeze(text: str) -> str:
    """Text as pdftotext gives it back, without spaces (Japanese lines break anywhere)."""
    return "".join(text.split())


def title(lang: str, page: str) -> str:
    return frontmatter.read((DOCS / lang / page).read_text(encoding="utf-8"), page).keys["title"][1].value


def tables(text: str) -> list:
    lines = text.split("\n")
    return [parse_table(lines, i, SECTION) for i in range(len(lines)) if starts_table(lines, i)]


@pytest.fixture(scope="module", params=["ja", "en"])
def printed(request, browser, site_url, tmp_path_factory):
    """The section as Chromium prints it, after the reader drew its charts on screen, in the dark scheme."""
    lang = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    tab = context.new_page()
    tab.goto(site_url + ("en/" if lang == "en" else "") + SECTION.removesuffix(".md") + "/")
    for figure in tab.locator("figure.book-chart").all():  # plotly draws each chart, as a reader's pointer would
        figure.scroll_into_view_if_needed()
        figure.locator(".book-chart__plot").hover()
        tab.wait_for_function("f => f.classList.contains('book-chart--drawn')", arg=figure.element_handle())
    tab.emulate_media(media="print")
    hidden = tab.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer__inner',
                  '.md-top', '.md-content__button']
             .filter(s => document.querySelector(s))
             .map(s => [s, getComputedStyle(document.querySelector(s)).display])"""
    )
    drawings = tab.evaluate("[...document.querySelectorAll('.book-chart__svg')].map(s => getComputedStyle(s).display)")
    font = tab.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    session = context.new_cdp_session(tab)  # which fonts Chromium renders the first paragraph with
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    paragraph = session.send("DOM.querySelector", {"nodeId": root, "selector": "article p"})["nodeId"]
    rendered = [f["familyName"] for f in session.send("CSS.getPlatformFontsForNode", {"nodeId": paragraph})["fonts"]]
    pdf = tmp_path_factory.mktemp("print") / f"{lang}.pdf"
    tab.pdf(path=str(pdf), format="A4", print_background=True)
    context.close()
    return {"lang": lang, "pages": pdf_text(pdf), "hidden": hidden, "font": font, "rendered": rendered, "drawings": drawings}


def test_the_text_captions_tables_and_charts_are_printed(printed):
    lang, text = printed["lang"], squeeze(" ".join(printed["pages"]))
    source = (DOCS / lang / SECTION).read_text(encoding="utf-8")
    assert squeeze(title(lang, SECTION)) in text
    numbered = labels.number(labels.scan_language(DOCS, lang, ORDER))
    on_page = [label for label in numbered.values() if label.page == SECTION]
    assert on_page
    for label in on_page:
        assert squeeze(label.name(lang)) in text and squeeze(label.caption) in text, label
    for table in tables(source):
        for row in table.rows:
            assert squeeze(plain_text(row[0])) in text
    for chart in find_charts(source, SECTION):
        assert squeeze(chart.title) in text
        assert all(squeeze(row.label) in text for row in chart.rows), f"{chart.id}: the chart prints as its drawing"
    assert printed["drawings"] and "none" not in printed["drawings"], "each chart prints as the build's drawing"


def test_the_licence_and_attribution_are_printed_and_external_links_show_their_address(printed):
    lang, text = printed["lang"], squeeze(" ".join(printed["pages"]))
    strings = STRINGS[lang]
    assert squeeze(strings["licence"]) in text and squeeze(strings["attribution"]) in text
    unhyphenated = text.replace("-", "")  # pdftotext drops a hyphen where a line breaks after it
    assert "<https://creativecommons.org/licenses/by/4.0/>" in text
    assert "<https://github.com/LeadingAIIO/edgeaiintelligence>" in unhyphenated


def test_no_navigation_search_or_footer_links_are_printed(printed):
    lang, text = printed["lang"], squeeze(" ".join(printed["pages"]))
    assert all(display == "none" for _, display in printed["hidden"]), printed["hidden"]
    assert len(printed["hidden"]) >= 5
    source = (DOCS / lang / SECTION).read_text(encoding="utf-8")
    elsewhere = [page for page in ORDER if page != SECTION and page.removesuffix(".md").split("/")[-1] not in source]
    titles = [title(lang, page) for page in elsewhere if (DOCS / lang / page).is_file()]
    assert titles
    shown = [t for t in titles if squeeze(t) in text]
    assert shown == [], f"navigation printed: {shown}"
    for word in ("検索", "Search", STRINGS[lang]["downloads"].strip(" ：:"), STRINGS[lang]["download_offline"]):
        assert squeeze(word) not in text


def test_the_books_fonts_are_used(printed):
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "book.css").read_text(encoding="utf-8")
    stack = css[css.index("--md-text-font-family:") + len("--md-text-font-family:") :].split(";")[0]
    first = stack.split(",")[0].strip()
    assert printed["font"].startswith(first), f"{printed['font']} is not the book's {stack}"
    assert printed["rendered"], "Chromium names the fonts it rendered the text with"
    if printed["lang"] == "ja":  # Japanese in a Japanese face the book names, not a fallback's boxes
        assert any(f in stack for f in printed["rendered"] if "CJK" in f or "JP" in f), printed["rendered"]


def test_no_table_or_chart_is_split_across_pages(printed):
    lang, pages = printed["lang"], [squeeze(page) for page in printed["pages"]]
    source = (DOCS / lang / SECTION).read_text(encoding="utf-8")

    def page_of(words: str, start: int = 0) -> int:
        """The first page from `start` on that holds the words."""
        return next(i for i, page in enumerate(pages) if i >= start and squeeze(words) in page)

    assert len([p for p in pages if p]) > 1, "the section runs over more than one page, so a break could split"
    numbered = labels.number(labels.scan_language(DOCS, lang, ORDER))
    captions = [label for label in numbered.values() if label.page == SECTION and label.kind == "tbl"]
    for table, label in zip(tables(source), captions, strict=True):
        last_row = "".join(plain_text(cell) for cell in table.rows[-1])
        top = page_of(label.caption)
        assert page_of(last_row, top) == top, f"{label.name(lang)} is split across pages"
    for chart in find_charts(source, SECTION):
        top = page_of(chart.title)
        assert page_of(chart.rows[-1].label, top) == top, f"chart {chart.id} is split across pages"
