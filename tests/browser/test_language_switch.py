"""Switching language keeps the reader's place: same page, same section, by mouse or keyboard."""

from __future__ import annotations

import pytest

from browser import click_where_it_is, laid_out

pytestmark = pytest.mark.browser


def open_switcher_and_choose(page, lang: str, keyboard: bool) -> None:
    link = f"a[data-book-switch][hreflang={lang}]"
    if keyboard:
        page.locator(link).focus()  # the menu opens on focus within, as for a keyboard user tabbing into it
        page.keyboard.press("Enter")
    else:
        page.hover(".md-header__option .md-select")
        click_where_it_is(page, link)


@pytest.mark.parametrize("keyboard", [False, True], ids=["mouse", "keyboard"])
def test_switch_lands_on_the_same_section(browser, site_url, keyboard):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "part-1/1-3/")
    laid_out(page)
    page.locator("#evidence-3").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('evidence-3').scrollIntoView({block: 'start'})")
    page.evaluate("window.scrollBy(0, 60)")  # the reader is reading inside the section
    with page.expect_navigation():
        open_switcher_and_choose(page, "en", keyboard)
    assert page.url == site_url + "en/part-1/1-3/#evidence-3"
    assert page.evaluate("document.documentElement.lang") == "en"
    top = page.evaluate("document.getElementById('evidence-3').getBoundingClientRect().top")
    assert 0 <= top < 200, f"section heading at {top}px, not at the top of the view"
    with page.expect_navigation():
        open_switcher_and_choose(page, "ja", keyboard)
    assert page.url == site_url + "part-1/1-3/#evidence-3"
    page.close()


def test_switch_at_the_top_goes_to_the_top(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "en/glossary/")
    with page.expect_navigation():
        open_switcher_and_choose(page, "ja", keyboard=False)
    assert page.url == site_url + "glossary/"
    page.close()


def test_switch_at_the_bottom_lands_on_the_last_section(browser, site_url):
    """Scrolled to the end, the reader is in the last section, even one too short to reach the top of the view."""
    from book.sources import headings
    from conftest import ROOT

    last = headings.headings((ROOT / "docs" / "ja" / "part-1" / "1-3.md").read_text(encoding="utf-8"))[-1].id
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "part-1/1-3/")
    laid_out(page)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    with page.expect_navigation():
        open_switcher_and_choose(page, "en", keyboard=False)
    assert page.url == site_url + f"en/part-1/1-3/#{last}"
    page.close()
