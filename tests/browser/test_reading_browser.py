"""What a reader sees of the new ways to read, in Chromium, online and from file://: pairs aligned side by side on
a wide screen and stacked with their language named on a phone, the chosen view remembered, downloads that parse to
the numbers of the table beside them, and Markdown twins that hold the pages' text."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pytest

from book import project
from book.checks import parity
from book.parallel import pages as parallel_pages
from book.site import languages
from book.sources.numbers import NotANumber, parse_number
from browser import click_where_it_is, laid_out, record_requests
from conftest import ROOT, marked_charts

pytestmark = pytest.mark.browser

DOCS = ROOT / "docs"
LANGS = project.languages()
DEFAULT = LANGS[0]
NAMES = {"ja": "日本語", "en": "English"}


def rows_geometry(page) -> list[list[dict]]:
    """Each pair's sides: their language, box and whether their language's name shows."""
    return page.eval_on_selector_all(
        ".book-pair:not(.book-pair--head)",
        """rows => rows.map(row => Array.from(row.children).map(side => {
            const box = side.getBoundingClientRect(), label = side.querySelector('.book-pair__lang');
            return {lang: side.lang, x: box.x, top: box.top, bottom: box.bottom,
                    label: label.getBoundingClientRect().height > 0 ? label.textContent : null};
        }))""",
    )


@pytest.mark.parametrize("interface", LANGS)
def test_pairs_stand_side_by_side_on_a_wide_screen(browser, site_url, interface):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + parallel_pages.url("part-1/1-3.md", interface, DEFAULT, True))
    rows = rows_geometry(page)
    assert len(rows) > 10
    for ja, en in rows:
        assert (ja["lang"], en["lang"]) == ("ja", "en")
        assert en["x"] > ja["x"] + 300 and abs(en["top"] - ja["top"]) < 1  # two columns, each pair on one line
        assert ja["label"] is None and en["label"] is None  # the columns are named once, above them
    heads = page.eval_on_selector_all(".book-pair--head .book-pair__lang", "els => els.map(e => e.innerText)")
    assert heads == [NAMES["ja"], NAMES["en"]]
    page.close()


@pytest.mark.parametrize("interface", LANGS)
def test_pairs_stack_on_a_phone_each_named_by_its_language(browser, site_url, interface):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + parallel_pages.url("part-1/1-1.md", interface, DEFAULT, True))
    for ja, en in rows_geometry(page):
        assert abs(ja["x"] - en["x"]) < 1 and en["top"] >= ja["bottom"] - 1  # the English block below the Japanese
        assert (ja["label"], en["label"]) == (NAMES["ja"], NAMES["en"])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "nothing runs off the side of a phone"
    page.close()


def test_the_chosen_view_is_remembered_and_keeps_the_section(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + "part-1/1-3/")
    with page.expect_navigation():
        page.click("a.book-view")  # 対訳で読む, at the top of the page
    assert page.url == site_url + "parallel/part-1/1-3/"
    assert page.evaluate("localStorage.getItem('book.view')") == "parallel"
    page.goto(site_url + "part-1/1-4/")  # another section, from the navigation or a search result
    page.wait_for_url(site_url + "parallel/part-1/1-4/")
    with page.expect_navigation():
        page.click("a.book-view")  # 日本語だけで読む
    assert page.url == site_url + "part-1/1-4/"
    page.goto(site_url + "part-1/1-5/")
    assert page.url == site_url + "part-1/1-5/"  # one language, as chosen
    context.close()


def test_the_language_switch_offers_the_side_by_side_view(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + "en/part-1/1-3/")
    laid_out(page)
    page.evaluate("document.getElementById('evidence-2').scrollIntoView({block: 'start'})")
    page.evaluate("window.scrollBy(0, 60)")  # the reader is inside a section
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        click_where_it_is(page, "a[data-book-view=parallel].md-select__link")
    assert page.url == site_url + "en/parallel/part-1/1-3/#evidence-2"
    top = page.evaluate("document.getElementById('evidence-2').getBoundingClientRect().top")
    assert 0 <= top < 200, f"the section's heading is at {top}px, not at the top of the view"
    page.evaluate("document.getElementById('ja-evidence-3').scrollIntoView({block: 'start'})")
    page.evaluate("window.scrollBy(0, 60)")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        click_where_it_is(page, "a[data-book-switch][hreflang=ja]")  # from the Japanese column's section, to the Japanese page
    assert page.url == site_url + "part-1/1-3/#evidence-3"
    assert page.evaluate("localStorage.getItem('book.view')") == "single"
    context.close()


def test_the_view_is_remembered_from_disk_too(browser, unzipped):
    context = browser.new_context()
    page = context.new_page()
    page.goto((unzipped / "part-1" / "1-1.html").as_uri())
    with page.expect_navigation():
        page.click("a.book-view")
    assert page.url == (unzipped / "parallel" / "part-1" / "1-1.html").as_uri()
    assert page.eval_on_selector_all(".book-pair__side", "els => els.length") > 10
    page.goto((unzipped / "part-1" / "1-2.html").as_uri())
    page.wait_for_url((unzipped / "parallel" / "part-1" / "1-2.html").as_uri())
    context.close()


def shown_numbers(cell: str):
    try:
        return parse_number(cell).value
    except NotANumber:
        return cell


@pytest.mark.parametrize("lang", LANGS)
def test_each_download_parses_to_the_numbers_of_the_table_beside_it(browser, site_url, lang):
    """On every page with a chart, each table's CSV, as the browser downloads it, holds the numbers the reader sees."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    checked = 0
    for url in marked_charts(lang):
        page.goto(site_url + languages.language_root(lang, DEFAULT) + url)
        for caption in page.locator("p.book-caption").all():
            table = caption.locator("xpath=following-sibling::*[1]//self::table | following-sibling::*[1]//table").first
            cells = table.evaluate("t => Array.from(t.tBodies[0].rows, r => Array.from(r.cells, c => c.innerText.trim()))")
            with page.expect_download() as download:
                caption.locator("a[download]").click()
            text = open(download.value.path(), encoding="utf-8").read()
            got = list(csv.reader(io.StringIO(text)))[1:]
            for seen, row in zip(cells, got, strict=True):
                numbers = [shown_numbers(c) for c in seen if not isinstance(shown_numbers(c), str)]
                read = [float(v) for v in row if re.fullmatch(r"-?\d+(\.\d+)?", v)]
                assert [n for n in numbers if n is not None] == read, (url, seen, row)
            checked += 1
    assert checked
    context.close()


CITED = re.compile(r"\s?\[\[\d+\]\]\([^)]*\)")  # a citation in a twin, which the page shows as a numbered link


def plain(text: str) -> str:
    """Text as both a page and a twin show it: no Markdown marks, links as their words, spaces as one."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]|\[\^[^\]]+\]", "", text)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("lang", LANGS)
def test_twins_hold_the_text_of_their_pages(browser, site_url, lang):
    """Every paragraph, list item and heading a reader sees on a page is in its Markdown twin."""
    page = browser.new_page()
    for source in parity.pages(DOCS, lang):
        url = site_url + languages.page_url(source, lang, DEFAULT, True)
        page.goto(url, wait_until="domcontentloaded")  # the words are in the HTML: no need to wait for the rest
        twin = plain(CITED.sub("", page.request.get(url + "index.md").text()))
        blocks = page.eval_on_selector_all(
            ".md-content article > p:not(.book-caption), .md-content article > ul > li, .md-content article > h2",
            """els => els.map(e => {
                const copy = e.cloneNode(true);  // the words themselves: no footnote marks, citations or permalinks
                copy.querySelectorAll('sup, a.book-cite, a.headerlink, .book-term__tip').forEach(n => n.remove());
                return copy.textContent;
            })""",
        )
        assert blocks, source
        for block in blocks:
            seen = plain(block)
            words = [w for w in re.split(r"[\s、。，．,.;:()（）「」“”\"]+", seen) if w]
            assert all(w in twin for w in words), (source, seen[:80], [w for w in words if w not in twin][:5])
    page.close()


def test_no_page_requests_anything_beside_its_twin(browser, site_url):
    page = browser.new_page()
    seen = record_requests(page)
    for url in ("part-1/1-1/", "en/part-1/1-3/"):
        page.goto(site_url + url, wait_until="networkidle")
    assert not [u for u in seen if u.endswith("sitemap.xml") or u.endswith(".md")], seen
    page.close()


def test_the_side_by_side_view_is_reached_by_keyboard(browser, site_url):
    """Tab to the language switch's entry (the menu opens on focus within) and press Enter; then Tab from the top
    of the side-by-side page reaches the way back to one language."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "part-1/1-1/")
    page.locator("a[data-book-view=parallel].md-select__link").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "parallel/part-1/1-1/"
    for _ in range(200):  # past the header and the navigation
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.book-view')"):
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "日本語だけで読む"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "part-1/1-1/"
    page.close()
