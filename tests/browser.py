"""What the browser tests do the way a reader does: search, switch language, watch requests."""

from __future__ import annotations

import time

PLACEHOLDERS = ("", "検索キーワードを入力してください", "Type to start searching", "検索を初期化", "Initializing search")
NONE_FOUND = ("何も見つかりませんでした", "No matching documents")


def laid_out(page) -> None:
    """Wait until the theme's script has run and the web fonts are in, so what a test scrolls to or checks is the
    page as it stays."""
    page.wait_for_function("() => !!window.document$ && !!document.querySelector('meta[name=theme-color]')")
    page.evaluate("document.fonts.ready.then(() => true)")


# Whether the element `s` stands in the same place over two frames.
STILL = """s => new Promise(done => {
    const where = () => JSON.stringify(document.querySelector(s).getBoundingClientRect());
    const before = where();
    requestAnimationFrame(() => requestAnimationFrame(() => done(where() === before)));
})"""


def click_where_it_is(page, selector: str) -> None:
    """Click the element with the mouse where it is on the screen, as a reader does. Playwright's own click first
    scrolls the element into view; for a menu in the sticky header, that moves the page under the reader's place,
    and by a different amount when it has to retry."""
    target = page.locator(selector)
    target.wait_for(state="visible")
    page.wait_for_function(STILL, arg=selector)  # the menu has finished opening
    box = target.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def search(page, query: str, timeout: float = 20.0) -> list[str]:
    """Type a query into the theme's search box; the hrefs of the results, best first."""
    box = "input.md-search__input"
    page.click(box)
    page.fill(box, "")
    page.press(box, "End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=int(timeout * 1000))
    deadline = time.monotonic() + timeout
    typed_at = 0.0
    while time.monotonic() < deadline:
        meta = page.inner_text(".md-search-result__meta").strip()
        if meta in PLACEHOLDERS:
            if time.monotonic() - typed_at > 2:  # the index was still loading: type again
                page.fill(box, query)
                page.press(box, "End")  # the theme searches on keyup, which fill() alone does not send
                typed_at = time.monotonic()
        elif meta in NONE_FOUND:
            return []
        else:
            items = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
            if items:
                return items
        time.sleep(0.1)
    raise AssertionError(f"search for {query!r} never answered")


def highlighted(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)")


def record_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen
