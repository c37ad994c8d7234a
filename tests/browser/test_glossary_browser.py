"""A glossary term's definition, as a reader meets it: on hover and on keyboard focus."""

from __future__ import annotations


def test_definition_shows_on_hover_and_on_keyboard_focus(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "part-1/1-4/")
    term = page.locator(".book-term > a").first
    tip = page.locator(".book-term__tip").first
    assert not tip.is_visible()
    term.hover()
    assert tip.is_visible()
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible() and term.get_attribute("aria-describedby") == tip.get_attribute("id")
    page.close()
