"""What a reader downloads on a first visit, measured in Chromium against a site served with gzip (tools.serve).

Each page is opened in a fresh browser context (an empty cache) and every response is recorded with its
encoded size (Content-Length: the bytes on the wire, gzipped where a static host would gzip) and its kind.
Totals are taken at three moments: loaded and idle before any interaction; after the first interaction
(a scroll of the mouse wheel), which is when this site loads the theme's bundle; and, on a chart page,
after scrolling to the first chart and waiting until plotly has drawn it. Requests to other hosts (the
baseline's Google Fonts) are refused and counted, not measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from book import project
from book.project import CHROMIUM, CHROMIUM_ARGS
from tools.serve import serve

KINDS = ("html", "css", "js", "fonts", "data", "images", "other")
# Lighthouse's mobile screen (the size tests/test_lighthouse.py scores at): what is "in view" depends on it.
VIEWPORT = {"width": 412, "height": 823}
CHART = "figure.book-chart"
SETTLE_MS = 500  # after the network is idle, in case a script starts one more request


@dataclass(frozen=True)
class Page:
    path: str  # below the site root, e.g. "en/part-1/1-3/"
    lang: str
    kind: str  # front, part, section or chart


def sample(kinds: tuple[str, ...] = ("front", "part", "section", "chart"), langs: list[str] | None = None) -> list[Page]:
    """One page of each kind in each language, found in the book's nav and docs: the front page, the first Part's
    opening, the first section without a chart, the first page with one. A new chapter never needs this edited."""
    from book.charts.spec import find_charts
    from book.references.pages import nav_pages
    from book.site.languages import page_url

    langs = langs or project.languages()
    order = nav_pages(project.config().get("nav") or [])
    docs = project.ROOT / "docs" / langs[0]
    charted = {rel for rel in order if find_charts((docs / rel).read_text(encoding="utf-8"), rel)}
    first = {
        "front": "index.md",
        "part": next(rel for rel in order if rel.endswith("/index.md")),
        "section": next(rel for rel in order if "/" in rel and not rel.endswith("/index.md") and rel not in charted),
        "chart": next(rel for rel in order if rel in charted),
    }
    return [Page(page_url(first[kind], lang, langs[0], True), lang, kind) for lang in langs for kind in kinds]


def kind_of(url: str, content_type: str) -> str:
    """html, css, js, fonts, data (JSON, the search index), images or other."""
    content_type = content_type.split(";")[0].strip().lower()
    path = urlsplit(url).path.lower()
    if "search_index" in path or content_type.endswith("json") or path.endswith(".json"):
        return "data"
    if content_type == "text/html":
        return "html"
    if content_type == "text/css":
        return "css"
    if "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "js"
    if content_type.startswith("font/") or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "fonts"
    if content_type.startswith("image/"):
        return "images"
    return "other"


def _totals(responses: list) -> dict:
    by_kind = dict.fromkeys(KINDS, 0)
    plotly = 0
    for response in responses:
        size = int(response.headers.get("content-length") or 0)
        if not size:
            try:
                size = response.request.sizes()["responseBodySize"]
            except Exception:  # a response the browser dropped: nothing arrived
                size = 0
        by_kind[kind_of(response.url, response.headers.get("content-type", ""))] += size
        plotly += size if "plotly" in urlsplit(response.url).path else 0
    return {"total": sum(by_kind.values()), **by_kind, "plotly": plotly, "requests": len(responses)}


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(SETTLE_MS)
    page.wait_for_load_state("networkidle")


def visit(browser, base_url: str, page_spec: Page, viewport: dict = VIEWPORT) -> dict:
    """Bytes at each moment of one first visit: {phase: {total, html, css, ..., plotly, requests}}."""
    context = browser.new_context(viewport=viewport)
    responses, refused = [], []

    def route(request_route):
        if request_route.request.url.startswith(base_url):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    context.on("response", lambda response: responses.append(response))
    try:
        page = context.new_page()
        page.goto(base_url + page_spec.path, wait_until="load")
        _settle(page)
        result = {"first_visit": _totals(responses)}
        page.mouse.move(4, viewport["height"] // 2)  # the page's margin: pointing at a chart would load plotly.js
        page.mouse.wheel(0, 300)
        _settle(page)
        result["after_interaction"] = _totals(responses)
        if page_spec.kind == "chart":
            figure = page.locator(CHART).first
            if figure.count():  # the build's drawing shows; plotly.js waits for the reader
                figure.scroll_into_view_if_needed()
                page.wait_for_selector(f"{CHART} .book-chart__svg", state="attached")  # hidden once plotly drew it
            else:  # the baseline has no figure: scroll to the table it would draw
                page.locator("article table").first.scroll_into_view_if_needed()
            _settle(page)
            result["after_chart"] = _totals(responses)
            if figure.count():  # the reader points at the chart: the interactive figure replaces the drawing
                figure.locator(".book-chart__plot").hover()
                page.wait_for_selector(f"{CHART} .main-svg", timeout=60_000)
                _settle(page)
            result["after_chart_interaction"] = _totals(responses)
        result["refused_other_hosts"] = len(set(refused))
        return result
    finally:
        context.close()


def measure(sites: dict[str, Path], pages: list[Page], viewport: dict = VIEWPORT) -> dict:
    """{site name: {page path: visit}} for each built site, served with gzip on a free port."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {name: {} for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, site in sites.items():
                with serve(site) as url:
                    for page_spec in pages:
                        results[name][page_spec.path] = visit(browser, url, page_spec, viewport)
        finally:
            browser.close()
    return results
