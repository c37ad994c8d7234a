"""Charts in Chromium, as readers meet them: drawn by the build as SVG, then by the site's own plotly.js in the
same box once a reader reaches for one; localized, themed with the palette, readable by keyboard, and never
running what a table cell says."""

from __future__ import annotations

import shutil

import pytest

from conftest import copy_book, marked_charts, mkdocs_build, name_chart_on_about, serve_directory

pytestmark = pytest.mark.browser

# Page, then (chart id, bars drawn: cells that are not missing) in page order, as the docs mark them.
CHART_PAGES = {
    url: [(chart.id, sum(value.value is not None for row in chart.rows for value in row.values)) for chart in charts]
    for url, charts in marked_charts().items()
}
FIRST_HOVER = {
    "ja": ("part-1/1-1/", "総パラメータ：744B"),
    "en": ("part-1/1-1/", "Total parameters: 744B"),
}
PAGES_WITHOUT_CHARTS = ["", "part-1/", "part-1/1-2/", "glossary/", "about/"]
HOSTILE = """

<!-- chart
id: hostile
type: hbar
labels: Name
values: [Score]
group: Kind
title: </script><b>bold</b> title
caption: </script><i>italic</i> & caption
-->

Table: Cells that look like markup {#tbl:hostile}

| Name | Kind | Score |
| --- | --- | ---: |
| </script><b>bold</b> | </script><i>italic</i> | 5 |
| a & b < c | plain & simple | 7 |
"""


def url_of(site_url: str, lang: str, path: str) -> str:
    return site_url + ("en/" if lang == "en" else "") + path


@pytest.fixture
def reader(browser):
    """A fresh tab that records every request and every console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def draw_all(tab) -> list:
    """Scroll to each chart in turn, point at it, and wait until plotly has drawn it."""
    figures = tab.locator("figure.book-chart").all()
    for figure in figures:
        figure.scroll_into_view_if_needed()
        figure.locator(".book-chart__plot").hover()
        figure.locator(".main-svg").first.wait_for()
        tab.wait_for_function("f => f.classList.contains('book-chart--drawn')", arg=figure.element_handle())
    return figures


def bars_drawn(figure) -> int:
    return figure.evaluate(
        "f => [...f.querySelectorAll('.bars .point path')]"
        ".filter(p => { const b = p.getBBox(); return b.width > 0 && b.height > 0; }).length"
    )


def hover_first_bar(tab, figure) -> str:
    """Point the mouse near the end of the first bar: plotly's drag layer covers the bars, and on a
    log axis a bar's base reaches far outside the plot, so its centre may not be on screen."""
    box = figure.locator(".bars .point path").first.bounding_box()
    tab.mouse.move(box["x"] + box["width"] - 4, box["y"] + 4)
    tab.locator(".hoverlayer .hovertext").wait_for()
    return tab.locator(".hoverlayer").text_content()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_part_1_chart_draws_its_bars(reader, site_url, lang):
    for path, charts in CHART_PAGES.items():
        reader.goto(url_of(site_url, lang, path))
        figures = draw_all(reader)
        assert [f.get_attribute("id") for f in figures] == [f"chart-{chart_id}" for chart_id, _ in charts]
        for figure, (chart_id, bars) in zip(figures, charts):
            assert bars_drawn(figure) == bars, chart_id
            assert figure.locator("figcaption").is_visible()
            assert figure.locator(".book-chart__plot[role=img][tabindex='0']").get_attribute("aria-label")
            table = "f => { const n = f.nextElementSibling; const t = n.matches('.book-caption') ? n.nextElementSibling : n;"
            assert figure.evaluate(table + " return t.matches('table, .md-typeset__scrollwrap'); }"), "its table follows it"
    assert reader.errors == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hover_speaks_the_page_language(reader, site_url, lang):
    path, label = FIRST_HOVER[lang]
    reader.goto(url_of(site_url, lang, path))
    (figure,) = draw_all(reader)
    assert label in hover_first_bar(reader, figure)
    assert figure.locator(".js-plotly-plot").evaluate("gd => gd._context.locale") == lang


def test_plotly_interface_strings_are_registered_in_japanese(reader, site_url):
    reader.goto(url_of(site_url, "ja", "part-1/1-1/"))
    draw_all(reader)
    title = reader.evaluate("""() => {
        const div = document.createElement('div');
        document.body.appendChild(div);
        return Plotly.newPlot(div, [{type: 'bar', x: [1], y: [1]}], {}, {locale: 'ja', displayModeBar: true})
            .then(() => div.querySelector('.modebar-btn[data-attr]') ? div.querySelector('.modebar-btn').getAttribute('data-title') : '')
            .then(t => { Plotly.purge(div); div.remove(); return t; });
    }""")
    assert title == "PNGファイルでダウンロード"


def test_toggling_the_palette_rethemes_the_chart(reader, site_url):
    reader.goto(url_of(site_url, "en", "part-1/1-1/"))
    (figure,) = draw_all(reader)
    plot = figure.locator(".js-plotly-plot")
    colours = "gd => [gd._fullLayout.font.color, gd._fullLayout.yaxis.gridcolor, gd._fullLayout.paper_bgcolor]"
    assert reader.evaluate("document.body.dataset.mdColorScheme") == "default"
    light = plot.evaluate(colours)
    reader.locator("form[data-md-component=palette] label:visible").first.click()  # the reader's own toggle
    reader.wait_for_function(f"gd => gd._fullLayout.font.color !== {light[0]!r}", arg=plot.element_handle())
    dark = plot.evaluate(colours)
    assert reader.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert dark[0] != light[0] and dark[1] != light[1]
    assert light[2].replace(" ", "") == dark[2].replace(" ", "") == "rgba(0,0,0,0)"  # the page shows through
    assert dark[0] == figure.evaluate("f => getComputedStyle(f).getPropertyValue('--book-chart-text').trim()")


def test_pages_without_charts_load_no_chart_code(reader, site_url):
    for lang in ("ja", "en"):
        for path in PAGES_WITHOUT_CHARTS:
            reader.goto(url_of(site_url, lang, path))
            reader.mouse.wheel(0, 20000)
            reader.wait_for_timeout(200)
    assert [url for url in reader.requests if "plotly" in url or "charts.js" in url] == []


def static_bars(figure) -> int:
    """Bars of the build's drawing (the legend's swatches aside) that have a size."""
    return figure.evaluate(
        "f => [...f.querySelectorAll('svg.book-chart__svg > rect.book-chart__bar')]"
        ".filter(r => { const b = r.getBBox(); return b.width > 0 && b.height > 0; }).length"
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_chart_is_drawn_without_javascript(browser, site_url, lang):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    for path, charts in CHART_PAGES.items():
        tab.goto(url_of(site_url, lang, path))
        figures = tab.locator("figure.book-chart").all()
        for figure, (chart_id, bars) in zip(figures, charts, strict=True):
            assert figure.locator(".book-chart__svg").is_visible(), chart_id
            assert static_bars(figure) == bars, chart_id
            box = figure.locator(".book-chart__svg").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, chart_id
            labels = figure.evaluate("f => [...f.querySelectorAll('svg text')].map(t => t.getBBox()).map(b => b.x + b.width)")
            assert max(labels) <= box["width"] + 1, f"{chart_id}: a label runs past the drawing"
    context.close()


def test_plotly_loads_only_when_the_reader_reaches_for_a_chart_and_nothing_moves(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    for lang in ("ja", "en"):
        requests.clear()
        tab.goto(url_of(site_url, lang, "part-1/1-3/"))
        figure = tab.locator("figure.book-chart").first
        figure.scroll_into_view_if_needed()
        tab.wait_for_timeout(500)
        assert [url for url in requests if "plotly" in url] == [], "reading and scrolling load no plotly"
        below = "f => f.nextElementSibling.getBoundingClientRect().top"
        before = figure.evaluate(below)
        figure.locator(".book-chart__plot").hover()
        tab.wait_for_selector("figure.book-chart.book-chart--drawn")
        assert figure.evaluate(below) == before, "the interactive chart took another size"
        assert figure.locator(".book-chart__svg").is_hidden(), "the drawing gives way to the interactive chart"
        loaded = [url for url in requests if "plotly" in url]
        assert loaded[0].endswith("/assets/vendor/plotly.min.js")
        assert any(url.endswith("/assets/vendor/plotly-locale-ja.js") for url in loaded) == (lang == "ja")
    context.close()


def test_no_request_leaves_the_site(reader, site_url):
    for lang in ("ja", "en"):
        for path in CHART_PAGES:
            reader.goto(url_of(site_url, lang, path))
            draw_all(reader)
    outside = [url for url in reader.requests if not url.startswith(site_url.rstrip("/")) and not url.startswith("data:")]
    assert outside == []
    assert reader.errors == []


def test_keyboard_moves_from_value_to_value_and_lets_go(reader, site_url):
    reader.goto(url_of(site_url, "en", "part-1/1-1/"))
    (figure,) = draw_all(reader)
    plot = figure.locator(".book-chart__plot")
    status = figure.locator(".book-chart__status")
    plot.focus()
    reader.keyboard.press("ArrowRight")
    assert status.text_content() == "GLM-5, Total parameters: 744B"
    assert "744B" in reader.locator(".hoverlayer").text_content()
    for _ in range(9):
        reader.keyboard.press("ArrowRight")
    assert status.text_content() == "MiniMax M2.5, Active parameters: N/A, no data"
    reader.keyboard.press("End")
    assert status.text_content() == "Nanbeige 4.1 3B, Active parameters: 3B (dense), 100% of Total parameters"
    reader.keyboard.press("Escape")
    assert status.text_content() == "" and reader.locator(".hoverlayer .hovertext").count() == 0
    reader.keyboard.press("Tab")
    assert not plot.evaluate("el => el === document.activeElement || el.contains(document.activeElement)")


def test_a_phone_sees_the_whole_chart(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    for lang in ("ja", "en"):
        for path in CHART_PAGES:
            tab.goto(url_of(site_url, lang, path))
            for figure in draw_all(tab):
                box = figure.locator(".main-svg").first.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= 360, figure.get_attribute("id")
            assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_the_offline_edition_draws_its_charts_from_disk(reader, offline_zip, tmp_path):
    shutil.unpack_archive(offline_zip, tmp_path)
    (edition,) = tmp_path.iterdir()
    for page, count in (("part-1/1-1.html", 1), ("en/part-1/1-3.html", 3)):
        reader.goto((edition / page).as_uri())
        draw_all(reader)
        assert reader.locator("figure.book-chart--drawn").count() == count


# A table whose cells try to run code


@pytest.fixture(scope="module")
def hostile_site_url(tmp_path_factory):
    """The book with a chart made of hostile cells on page 1-2 in both languages, built and served."""
    root = copy_book(tmp_path_factory.mktemp("hostile"))
    for lang in ("ja", "en"):
        with open(root / "docs" / lang / "part-1" / "1-2.md", "a", encoding="utf-8") as page:
            page.write(HOSTILE)
    name_chart_on_about(root, "hostile")
    result = mkdocs_build(root / "site", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    with serve_directory(root / "site") as url:
        yield url


def test_cells_are_shown_as_text_and_make_no_markup(reader, hostile_site_url):
    """Markup in chart text (scripts and handlers stop the build before this) shows as text wherever it lands:
    the build's drawing, the figure's data block, plotly's labels and hover."""
    reader.goto(hostile_site_url + "en/part-1/1-2/")
    figure = reader.locator("figure.book-chart")
    drawing = figure.locator(".book-chart__svg text").all_text_contents()
    assert "</script><b>bold</b>" in drawing and "a & b < c" in drawing
    assert figure.locator("svg b, svg i").count() == 0
    (figure,) = draw_all(reader)
    cells = reader.locator("table").last.locator("td").all_text_contents()
    assert cells[:2] == ["</script><b>bold</b>", "</script><i>italic</i>"]
    assert "</script><i>italic</i> & caption" in figure.locator("figcaption").text_content()
    assert "</script><i>italic</i>" in figure.locator(".legend").text_content()
    assert "</script><b>bold</b>" in figure.locator(".yaxislayer-above").text_content()
    assert "</script><b>bold</b>" in hover_first_bar(reader, figure)
    assert figure.locator("b, i").count() == 0 and reader.errors == []
