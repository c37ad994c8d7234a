"""Japanese headings in one weight: the Latin letters and digits of a heading are set in a face as heavy as its
kana and kanji (the theme's light headings left digits thin, as the CJK fonts readers have lack a light face)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

JAPANESE_PAGES = ["", "part-1/", "part-1/1-1/", "conclusion/"]  # the front door, a Part, a section, the Conclusion
LIGHTER = re.compile(r"Thin|ExtraLight|UltraLight|Light|Hairline", re.I)


def test_japanese_headings_are_set_in_one_weight(browser, site_url):
    """Each heading's Latin and Japanese glyphs come from faces of the same weight (none of them a light face)."""
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    problems = []
    for path in JAPANESE_PAGES:
        page.goto(site_url + path, wait_until="load")
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "article h1, article h2"})["nodeIds"]:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            light = [f["postScriptName"] for f in fonts if LIGHTER.search(f["postScriptName"] + f["familyName"])]
            if light:
                problems.append(f"/{path}: a heading is set partly in {light} beside {[f['postScriptName'] for f in fonts]}")
    page.close()
    assert not problems, "\n".join(problems)
