"""The online edition's Content-Security-Policy: on every page, scripts only from the site or by hash, and
in Chromium no violation on any page while a reader searches, opens a chart, switches palette and language."""

from __future__ import annotations

import re
import zipfile

import pytest
from test_accessibility import reader_pages, site_path
from tools.serve import serve

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""


def test_every_online_page_carries_a_policy_without_unsafe_scripts(site):
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = POLICY.search(html)
        assert found, page
        script_src = next(d for d in found[1].split("; ") if d.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{page}: the policy must come first"


def test_the_offline_edition_carries_no_policy(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".html")]
        assert pages and not any(b"Content-Security-Policy" in archive.read(name) for name in pages)


@pytest.mark.browser
def test_no_page_violates_its_policy_as_a_reader_uses_it(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD)
    tab = context.new_page()
    problems = []
    with serve(site, mount=site_path(site)) as site_url:
        for url in reader_pages(site):
            tab.goto(site_url + url, wait_until="load")
            tab.wait_for_function("() => 'component$' in window")  # the theme's bundle ran
            if not url.endswith("404.html"):
                charts = tab.locator("figure.book-chart .book-chart__plot")
                if charts.count():
                    charts.first.scroll_into_view_if_needed()
                    charts.first.hover()
                    tab.wait_for_selector("figure.book-chart--drawn")
            problems += [f"{url}: {v}" for v in tab.evaluate("window.__violations")]
        # One page through every feature that runs script: search, the palette toggle, the language switch.
        tab.goto(site_url + "part-1/1-3/")
        tab.keyboard.press("/")
        tab.keyboard.type("GLM-5")
        tab.wait_for_selector(".md-search-result__item")
        tab.keyboard.press("Escape")
        tab.locator("form[data-md-component=palette] label:visible").first.click()
        tab.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        problems += [f"part-1/1-3/ (search, palette): {v}" for v in tab.evaluate("window.__violations")]
        tab.hover(".md-header__option .md-select")
        with tab.expect_navigation():
            tab.locator("a[data-book-switch][hreflang=en]").click()
        assert tab.url.startswith(site_url + "en/part-1/1-3/")
        problems += [f"en/part-1/1-3/ (after the switch): {v}" for v in tab.evaluate("window.__violations")]
    context.close()
    assert not problems, "\n".join(problems)
