"""Tables and charts read on a phone: at 360 px, on every built page with a table, in both languages and both
colour schemes, text cells keep about six characters of their language, headings at least four of their own,
numbers stay on one line, and a table wider than the screen shows that it scrolls sideways. Charts keep their labels apart and inside the drawing,
and a tap shows a value."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from conftest import marked_charts

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
NUMBER = re.compile(r"[-+]?[$]?\d[\d.,]*\s?(?:%|[BTMK]|tok/sec)?")

# Per table: the width six characters of its language take, each text cell's text width, and the lines
# each number cell's text takes. Widths and lines are measured from the text's own boxes (a Range).
MEASURE = r"""() => {
  const lines = (cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top));
    return tops.filter((top, i) => tops.findIndex(t => Math.abs(t - top) <= 3) === i).length;
  };
  const six = (cell, lang) => {
    const probe = document.createElement("span");
    probe.textContent = lang === "ja" ? "あいうえおか" : "abcdefghijklmnopqrstuvwxyz";
    probe.style.whiteSpace = "nowrap";
    cell.appendChild(probe);
    const width = probe.getBoundingClientRect().width * (lang === "ja" ? 1 : 6 / 26);
    probe.remove();
    return width;
  };
  return [...document.querySelectorAll("article table")].map((table, index) => {
    const lang = table.closest("[lang]").getAttribute("lang").slice(0, 2);
    const wrap = table.closest(".md-typeset__scrollwrap") || table;
    const cells = [...table.querySelectorAll("tbody td")].map(td => {
      const style = getComputedStyle(td);
      const inner = td.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const split = [];  // numbers with their unit inside the cell's text that break across lines
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/(?<![A-Za-z0-9_.\-\/])[$]?\d[\d.,]*(?:[〜–-]\d[\d.,]*)?(?: ?(?:%|tok\/sec|倍|B|T)(?![A-Za-z]))?(?:\/1M(?:トークン| tokens))?/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) split.push(m[0]);
        }
      }
      return {text: td.textContent.trim(), right: style.textAlign === "right", width: inner, lines: lines(td), six: six(td, lang), split};
    });
    const four = (cell) => {  // the width of the heading's own first four characters, set as the heading sets them
      const probe = document.createElement("span");
      probe.textContent = [...cell.textContent.trim()].slice(0, 4).join("");
      probe.style.whiteSpace = "nowrap";
      cell.appendChild(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    };
    const heads = [...table.querySelectorAll("thead th")].map(th => {
      const style = getComputedStyle(th);
      return {text: th.textContent.trim(), width: th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), four: four(th)};
    });
    const box = wrap.getBoundingClientRect();
    return {index, lang, cells, heads, scrolls: wrap.scrollWidth > wrap.clientWidth + 1, left: box.left, right: box.right,
            background: getComputedStyle(wrap).backgroundImage, attachment: getComputedStyle(wrap).backgroundAttachment};
  });
}"""


def table_pages(site: Path) -> list[str]:
    """Built pages whose article holds a table, as URLs below the site's root: the list comes from the build."""
    found = []
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        if "<table" in article:
            found.append(page.parent.relative_to(site).as_posix().removeprefix(".") + "/")
    return [url.lstrip("/") for url in found]


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    found = table_pages(site)
    assert any(url.startswith("en/") for url in found) and any(not url.startswith("en/") for url in found)
    return found


def edge_luminance(tab, box, side: str) -> float:
    """The median brightness of a strip 6 px wide just inside one edge of a box on screen."""
    x = box["x"] + (1 if side == "left" else box["width"] - 7)
    shot = tab.screenshot(clip={"x": x, "y": box["y"], "width": 6, "height": box["height"]})
    data = "data:image/png;base64," + base64.b64encode(shot).decode()
    return tab.evaluate(
        """async (src) => {
          const image = new Image(); image.src = src; await image.decode();
          const canvas = document.createElement("canvas"); canvas.width = image.width; canvas.height = image.height;
          const context = canvas.getContext("2d"); context.drawImage(image, 0, 0);
          const pixels = context.getImageData(0, 0, image.width, image.height).data;
          const values = [];
          for (let i = 0; i < pixels.length; i += 4) values.push(0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2]);
          values.sort((a, b) => a - b);
          return values[Math.floor(values.length / 2)];
        }""",
        data,
    )


def assert_scroll_cue(tab, wrap) -> None:
    """A shadow at the edge the table can still scroll towards, and none once that end is reached."""
    wrap.evaluate("w => { w.scrollIntoView({block: 'center'}); w.scrollLeft = 0; }")
    tab.wait_for_timeout(50)
    box = wrap.bounding_box()
    box = {**box, "width": min(box["width"], 360 - box["x"])}
    right_at_start, left_at_start = edge_luminance(tab, box, "right"), edge_luminance(tab, box, "left")
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    tab.wait_for_timeout(50)
    right_at_end, left_at_end = edge_luminance(tab, box, "right"), edge_luminance(tab, box, "left")
    assert abs(right_at_start - right_at_end) >= 8, "a shadow at the right edge while more of the table is there"
    assert abs(left_at_end - left_at_start) >= 8, "a shadow at the left edge once the table has scrolled"
    wrap.evaluate("w => { w.scrollLeft = 0; }")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_table_reads_on_a_phone(browser, site_url, pages, lang, scheme):
    context = browser.new_context(**PHONE, color_scheme=scheme)
    tab = context.new_page()
    checked = 0
    for url in [u for u in pages if u.startswith("en/") == (lang == "en")]:
        tab.goto(site_url + url)
        expected = "slate" if scheme == "dark" else "default"
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360, f"{url}: the page itself scrolls sideways"
        for table in tab.evaluate(MEASURE):
            where = f"{url} table {table['index'] + 1}"
            assert table["left"] >= 0 and table["right"] <= 361, f"{where}: runs off the screen"
            for head in table["heads"]:
                assert head["width"] >= head["four"] - 1, (
                    f"{where}: the heading {head['text']!r} is {head['width']:.0f} px wide, "
                    f"under four of its own characters ({head['four']:.0f} px)"
                )
            for cell in table["cells"]:
                assert not cell["split"], f"{where}: {cell['split']} break across lines in {cell['text'][:30]!r}"
                if cell["right"] or NUMBER.fullmatch(cell["text"]):
                    assert cell["lines"] == 1, f"{where}: the number {cell['text']!r} wraps"
                else:
                    assert cell["width"] >= cell["six"] - 1, (
                        f"{where}: the cell {cell['text'][:20]!r} is {cell['width']:.0f} px wide, "
                        f"under six characters ({cell['six']:.0f} px)"
                    )
            if table["scrolls"]:
                assert "radial-gradient" in table["background"] and "local" in table["attachment"], where
                wraps = tab.locator("article table").nth(table["index"])
                wrap = wraps.locator("xpath=ancestor::div[contains(@class, 'md-typeset__scrollwrap')]")
                assert_scroll_cue(tab, wrap if wrap.count() else wraps)
            checked += 1
    assert checked, "pages with tables were checked"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_table_wider_than_the_phone_shows_that_it_scrolls(browser, site_url, pages, scheme):
    """The cue itself, on a table made wider than any screen (the book's own tables may all fit one day)."""
    context = browser.new_context(**PHONE, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(site_url + pages[0])
    table = tab.evaluate_handle(
        """() => {
          const table = document.createElement("table");
          table.innerHTML = "<thead><tr>" + "<th>Column heading</th>".repeat(8) + "</tr></thead><tbody><tr>"
            + "<td>some words in a cell</td>".repeat(8) + "</tr></tbody>";
          document.querySelector("article").prepend(table);
          return table;
        }"""
    )
    assert table.evaluate("t => t.scrollWidth > t.clientWidth"), "the table runs wider than the phone"
    assert_scroll_cue(tab, table.as_element())
    context.close()


CHART_PAGES = marked_charts("ja")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charts_keep_their_labels_apart_and_a_tap_shows_a_value(browser, site_url, lang):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    for path in CHART_PAGES:
        tab.goto(site_url + ("en/" if lang == "en" else "") + path)
        for figure in tab.locator("figure.book-chart").all():
            name = figure.get_attribute("id")
            boxes = figure.evaluate(
                "f => [...f.querySelectorAll('svg.book-chart__svg text')].map(t => t.getBoundingClientRect())"
                ".map(b => ({left: b.left, right: b.right, top: b.top, bottom: b.bottom}))"
            )
            drawing = figure.locator(".book-chart__svg").bounding_box()
            for i, a in enumerate(boxes):
                assert a["left"] >= drawing["x"] - 1 and a["right"] <= drawing["x"] + drawing["width"] + 1, (
                    f"{name}: a label clips"
                )
                for b in boxes[i + 1 :]:
                    apart = a["right"] <= b["left"] + 1 or b["right"] <= a["left"] + 1
                    apart = apart or a["bottom"] <= b["top"] + 1 or b["bottom"] <= a["top"] + 1
                    assert apart, f"{name}: two labels overlap"
            figure.scroll_into_view_if_needed()
            figure.locator(".book-chart__plot").tap()
            tab.wait_for_function("f => f.classList.contains('book-chart--drawn')", arg=figure.element_handle())
            # The middle of the first bar's (or point's) part inside the plot area: on a log axis a bar's base
            # reaches far outside it.
            bar = figure.locator(".bars .point path, .scatterlayer .point").first.bounding_box()
            plot = figure.locator(".draglayer .nsewdrag").first.bounding_box()
            left, right = max(bar["x"], plot["x"]), min(bar["x"] + bar["width"], plot["x"] + plot["width"])
            top, bottom = max(bar["y"], plot["y"]), min(bar["y"] + bar["height"], plot["y"] + plot["height"])
            tab.touchscreen.tap((left + right) / 2, (top + bottom) / 2)
            tab.locator(".hoverlayer .hovertext").first.wait_for(timeout=5000)
            assert re.search(r"\d", figure.locator(".hoverlayer").text_content()), f"{name}: the tap shows a value"
    context.close()
