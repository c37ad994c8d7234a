"""The front door and the place kept, as a reader finds them in Chromium: both languages, online and from file://,
at phone and desktop widths, light and dark. Nothing is sent anywhere and no cookie is set."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from test_accessibility import _axe, axe_context

from book import outline, project
from book.site import front_door
from book.site.strings import STRINGS
from browser import record_requests
from conftest import ROOT

pytestmark = pytest.mark.browser

LANGS = project.languages()
OUTLINES = outline.read(ROOT / "docs", LANGS, project.config()["nav"], project.nav_names())
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ["light", "dark"]


def home(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


def longest_section(lang: str) -> outline.Entry:
    """A section long enough to stop in the middle of."""
    return max((s for part in OUTLINES[lang].parts for s in part.sections), key=lambda s: s.minutes)


def url_of(root: str, lang: str, rel: str, offline: bool = False) -> str:
    stem = rel.removesuffix(".md")
    if offline:
        return root + home(lang) + stem + ".html"
    return root + home(lang) + (stem.removesuffix("index") if stem.endswith("index") else stem + "/")


def heading(page) -> str:
    """The page's title as shown: its first heading without the permalink sign."""
    return page.evaluate(
        "(() => { const h = document.querySelector('article h1').cloneNode(true);"
        " h.querySelectorAll('.headerlink').forEach(a => a.remove()); return h.textContent.trim(); })()"
    )


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    yield context
    context.close()


def settled(page) -> None:
    """Until the place the page keeps has stopped changing (it is written a moment after scrolling stops)."""
    lang = page.evaluate("document.documentElement.lang")
    before, quiet = None, 0
    for _ in range(100):
        now = page.evaluate(f"localStorage.getItem('{front_door.STORE}{lang}')")
        quiet = quiet + 1 if now == before and now else 0
        if quiet >= 4:
            return
        before = now
        page.wait_for_timeout(200)
    raise AssertionError("the page never kept its place")


def stop_in_the_middle(page) -> float:
    """Scroll with the wheel, as a reader does, to about 40% of the page; the scroll position then."""
    page.mouse.move(600, 400)
    target = page.evaluate("document.documentElement.scrollHeight * 0.4")
    while page.evaluate("scrollY") < target:
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(50)
    settled(page)
    return page.evaluate("scrollY")


def read_to_the_end(page) -> None:
    """The End key, as a reader presses it; polled from here (the site's policy refuses the page evaluating strings)."""
    page.keyboard.press("End")
    for _ in range(50):
        if page.evaluate("innerHeight + scrollY >= document.documentElement.scrollHeight - 2"):
            break
        page.wait_for_timeout(100)
    page.locator(".md-nav--primary .book-read").first.wait_for(state="attached")
    settled(page)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_cover_shows_the_way_in_on_the_first_screen(browser, site_url, lang, width, scheme):
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + home(lang), wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    height = VIEWPORTS[width]["height"]
    start = page.locator("[data-book-start]")
    assert page.locator(".book-cover h1").inner_text() == "The Edge of Intelligence"
    assert start.is_visible() and start.bounding_box()["y"] + start.bounding_box()["height"] <= height, "below the fold"
    assert STRINGS[lang]["cover_author"] in page.locator(".book-cover").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    assert re.search(r"\(\d[\d.]* (?:KB|MB)\)", page.inner_text(".book-cover__downloads")), "each download with its size"
    assert not page.locator("[data-book-continue]").is_visible(), "nothing to continue on a first visit"
    parts = page.locator(".book-toc__parts h3 .book-toc__link").all_inner_texts()
    assert parts == [p.opening.title for p in OUTLINES[lang].parts] + [c.title for c in OUTLINES[lang].closing]
    start.click()
    page.wait_for_load_state("load")
    assert heading(page) == OUTLINES[lang].start.title
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_reader_continues_where_they_left_off(context, site_url, lang):
    section = longest_section(lang)
    reading = context.new_page()
    requests = record_requests(reading)
    reading.goto(url_of(site_url, lang, section.rel), wait_until="load")
    stopped_at = stop_in_the_middle(reading)
    reading.close()

    door = context.new_page()
    requests_after = record_requests(door)
    door.goto(site_url + home(lang), wait_until="load")
    proceed = door.locator("[data-book-continue]")
    assert proceed.is_visible() and section.title in proceed.inner_text()
    assert STRINGS[lang]["continue_reading"] in proceed.inner_text()
    other = context.new_page()
    other.goto(site_url + home(next(x for x in LANGS if x != lang)), wait_until="load")
    assert not other.locator("[data-book-continue]").is_visible(), "each language keeps its own place"
    other.close()
    proceed.click()
    door.wait_for_load_state("load")
    door.wait_for_timeout(300)
    assert door.url.split("#")[0] == url_of(site_url, lang, section.rel)
    assert abs(door.evaluate("scrollY") - stopped_at) <= 2, "back at the same place"
    door.reload(wait_until="load")
    door.wait_for_timeout(300)
    assert abs(door.evaluate("scrollY") - stopped_at) <= 2, "still there after a reload"
    sent = requests + requests_after
    assert sent and all(url.startswith((site_url, "data:")) for url in sent), "nothing is sent elsewhere"
    assert context.cookies() == []
    door.close()


@pytest.mark.parametrize("lang", LANGS)
def test_sections_read_are_marked_and_the_next_is_offered(context, site_url, lang):
    first, second = OUTLINES[lang].reading[1:3]  # Part 1's first two sections
    page = context.new_page()
    page.goto(url_of(site_url, lang, first.rel), wait_until="load")
    read_to_the_end(page)
    word = STRINGS[lang]["read_mark"].strip("（）() ")
    nav_link = page.locator(".md-nav--primary a.md-nav__link", has_text=first.title)
    assert "✓" in nav_link.first.inner_text(), "a visible mark, not a colour"
    assert page.get_by_role("link", name=re.compile(re.escape(first.title) + r".*" + re.escape(word))).count() >= 1
    page.goto(site_url + home(lang), wait_until="load")
    entry = page.locator("a.book-toc__link", has_text=first.title)
    assert "✓" in entry.inner_text() and word in entry.text_content()
    assert "✓" not in page.locator("a.book-toc__link", has_text=second.title).inner_text()
    proceed = page.locator("[data-book-continue]")
    assert second.title in proceed.inner_text(), "a section read to its end: the next one is offered"
    proceed.click()
    page.wait_for_load_state("load")
    assert heading(page) == second.title
    page.close()


def test_one_step_forgets_every_language(context, site_url):
    page = context.new_page()
    for lang in LANGS:
        page.goto(url_of(site_url, lang, OUTLINES[lang].reading[1].rel), wait_until="load")
        read_to_the_end(page)
    store = front_door.STORE
    assert len(page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{store}'))")) == len(LANGS)
    page.goto(site_url, wait_until="load")
    forget = page.get_by_role("button", name=STRINGS[LANGS[0]]["forget_place"])
    assert forget.is_visible() and STRINGS[LANGS[0]]["place_note"] in page.locator(".book-cover").inner_text()
    forget.click()
    assert page.locator("[data-book-forgotten]").inner_text() == STRINGS[LANGS[0]]["place_forgotten"]
    assert not page.locator("[data-book-continue]").is_visible() and page.locator(".book-read").count() == 0
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{store}'))") == []
    page.goto(site_url + home(LANGS[1]), wait_until="load")
    assert not page.locator("[data-book-continue]").is_visible() and page.locator(".book-read").count() == 0
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_edition_keeps_the_place_from_file_urls(context, unzipped, lang):
    """Chromium gives every file:// page one origin: the place is kept across the edition's pages all the same."""
    root = unquote(unzipped.as_uri()) + "/"
    section = longest_section(lang)
    page = context.new_page()
    requests = record_requests(page)
    page.goto(url_of(root, lang, section.rel, offline=True), wait_until="load")
    stopped_at = stop_in_the_middle(page)
    page.goto(root + home(lang) + "index.html", wait_until="load")
    proceed = page.locator("[data-book-continue]")
    assert proceed.is_visible() and section.title in proceed.inner_text()
    proceed.click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert unquote(page.url.split("#")[0]) == url_of(root, lang, section.rel, offline=True)
    assert abs(page.evaluate("scrollY") - stopped_at) <= 2
    read_to_the_end(page)
    assert "✓" in page.locator(".md-nav--primary a.md-nav__link", has_text=section.title).first.inner_text()
    assert requests and all(url.startswith(("file://", "data:")) for url in requests), requests
    page.close()


@pytest.mark.parametrize(("width", "scheme"), [("phone", "light"), ("desktop", "dark")])
def test_axe_finds_nothing_with_a_place_kept(browser, site_url, width, scheme):
    """What only a returning reader sees (the Continue button, the note, the marks) is accessible too: both schemes
    and both widths, each once (test_accessibility.py checks every page in all four settings taken in turn)."""
    context = axe_context(browser, viewport=VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    problems = []
    for lang in LANGS:
        first = OUTLINES[lang].reading[1]
        page.goto(url_of(site_url, lang, first.rel), wait_until="load")
        read_to_the_end(page)
        problems += _axe(page, page.url, lambda url: None)
        page.goto(site_url + home(lang), wait_until="load")
        assert page.locator("[data-book-continue]").is_visible() and page.locator(".book-read").count()
        problems += _axe(page, page.url, lambda url: None)
    context.close()
    assert not problems, "\n".join(problems)
