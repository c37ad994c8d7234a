"""A chart as a page shows it: its figure (caption, drawing and data), plotly's locale, and the checks across languages.

A marked table stays in the page as the accessible version of its chart; the figure in front of
it carries its data inline, so charts work from disk as well as online.
"""

from __future__ import annotations

import functools
import html
import importlib.metadata
import json
from pathlib import Path

from book import cache
from book.charts import figures as figures_module
from book.charts import spec as chart_spec_module
from book.charts import svg
from book.charts.figures import TEXT, build_figure, describe, height
from book.charts.spec import Chart, find_charts
from book.errors import BookError

PLOTLY_PATH = "assets/vendor/plotly.min.js"
SAME_DATA = {"ja": "下の表に同じデータがあります。", "en": "The table below has the same data."}
# Plotly's interface is English already; other languages register the locale plotly.js ships (lib/locales/).
BUILT_IN_LOCALE = "en"
# What a figure is drawn from, of a chart; its path and lines are where it stands, not what it shows.
_DRAWN = ("id", "type", "label_column", "value_columns", "group_column", "log", "title", "caption", "picks")
# The modules that turn a chart into a figure: a change to either draws every figure anew.
_DRAWING_CODE = tuple(Path(module.__file__).read_bytes() for module in (figures_module, chart_spec_module))


def locale_path(lang: str) -> str:
    return f"assets/vendor/plotly-locale-{lang}.js"


def locale_script(lang: str, locales_dir: Path) -> str | None:
    """A browser-ready copy of plotly.js's lib/locales/<lang>.js, a CommonJS module, that registers itself."""
    source = locales_dir / f"{lang}.js"
    if lang == BUILT_IN_LOCALE or not source.is_file():
        return None
    return (
        f"/* plotly.js lib/locales/{lang}.js (MIT), wrapped at build time to register itself with Plotly. */\n"
        "(function () {\nvar module = { exports: {} };\n"
        f"{source.read_text(encoding='utf-8')}\n"
        "window.Plotly.register(module.exports);\n})();\n"
    )


def locale_file(lang: str, locales_dir: Path, cache_dir: Path) -> Path | None:
    """The locale script on disk, where MkDocs (and the i18n plugin) expect every file to be; named by its content."""
    script = locale_script(lang, locales_dir)
    if script is None:
        return None
    return cache.kept_file(cache_dir, f"plotly-locale-{lang}-{cache.digest(script)}.js", lambda: script)


def figure_html(
    chart: Chart, lang: str, plot: str, number: str | None = None, same_data: str | None = None, downloads: str = ""
) -> str:
    """The chart's <figure>, on one line so Markdown passes it through as a single HTML block; `plot` follows its
    caption, which ends with the `downloads` of its data (book.data.links), if any."""
    title = f"{number} {html.escape(chart.title)}" if number else html.escape(chart.title)
    return (
        f'<figure class="book-chart" id="chart-{chart.id}">'
        f'<figcaption><span class="book-chart__title">{title}</span> '
        f'<span class="book-chart__source">{html.escape(chart.caption)}</span> '
        f'<span class="book-chart__same-data">{same_data or SAME_DATA[lang]}</span>{" " + downloads if downloads else ""}</figcaption>'
        f"{plot}</figure>"
    )


def plot_html(chart: Chart, lang: str, payload: str) -> str:
    """The drawing (SVG, until plotly takes over), the status line and the figure's JSON (`payload`); search
    indexes the table below instead, which has the same data."""
    return (
        f'<div class="book-chart__plot" role="img" tabindex="0" aria-label="{html.escape(describe(chart, lang))}"'
        f' style="height:{height(chart)}px" data-search-exclude>{svg.draw(chart, lang, inside_named_box=True)}</div>'
        '<p class="book-chart__status book-sr" aria-live="polite" data-search-exclude></p>'
        f'<script type="application/json" class="book-chart__data">{payload}</script>'
    )


def still_html(chart: Chart, lang: str) -> str:
    """The drawing alone with its text alternative, for a page or e-book, which has no arrow keys to read it by."""
    drawing = svg.draw(chart, lang, compact=True).replace(html.escape(TEXT[lang]["keys"], quote=True), "")
    return f'<div class="book-chart__plot">{drawing}</div>'


@functools.lru_cache(maxsize=256)  # the offline edition and each rebuild under `mkdocs serve` draw the same charts again
def figure_json(chart: Chart, lang: str, cache_dir: Path | None) -> str:
    """The figure as JSON that is safe inside a <script> element, drawn by plotly or read from `cache_dir`."""
    return cache.kept(cache_dir, f"figure-{figure_key(chart, lang)}.json", lambda: _draw(chart, lang))


@functools.lru_cache(maxsize=256)
def figure_key(chart: Chart, lang: str) -> str:
    """A digest of what a figure is drawn from: the chart's settings and cells (not where they stand in the file),
    the language, this code and plotly."""
    drawn = (*(getattr(chart, name) for name in _DRAWN), tuple((row.label, row.group, row.values) for row in chart.rows))
    return cache.digest(repr((drawn, lang)), *_DRAWING_CODE, _plotly_version())


@functools.cache
def _plotly_version() -> str:
    return importlib.metadata.version("plotly")


def _draw(chart: Chart, lang: str) -> str:
    payload = json.dumps(build_figure(chart, lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # In JSON, \u003c reads back as "<", but the HTML parser never sees a `</script>` in a cell.
    return payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def check_book(docs_dir: Path, langs: list[str], shown=lambda path: str(path)) -> list[BookError]:
    """Every chart of every language read and checked; each id unique in its language and the same numbers in all."""
    errors, by_lang = [], {}
    for lang in langs:
        charts = []
        for path in sorted((docs_dir / lang).rglob("*.md")):
            try:
                charts += find_charts(path.read_text(encoding="utf-8"), shown(path))
            except BookError as error:
                errors.append(error)
        errors += unique_errors(charts)
        by_lang[lang] = {chart.id: chart for chart in charts}
    first, *others = langs
    for other in others:
        for chart_id in sorted(by_lang[first].keys() & by_lang[other].keys()):
            errors += compare(by_lang[first][chart_id], by_lang[other][chart_id])
    return errors


def compare(original: Chart, translation: Chart) -> list[BookError]:
    """Where a translated chart's shape or numbers differ from the original's, reported at the translation."""
    where = f"{original.path}:{original.line}"
    fix = "make both languages carry the same numbers"
    shapes = [
        ("type", original.type, translation.type),
        ("log", original.log, translation.log),
        ("number of value columns", len(original.value_columns), len(translation.value_columns)),
        ("number of rows", len(original.rows), len(translation.rows)),
    ]
    for name, mine, theirs in shapes:
        if mine != theirs:
            return [
                BookError(
                    translation.path,
                    translation.line,
                    f'chart "{translation.id}" has {name} {theirs} but {where} has {mine}',
                    fix,
                )
            ]
    errors = []
    for row_a, row_b in zip(original.rows, translation.rows):
        for column, (a, b) in enumerate(zip(row_a.values, row_b.values)):
            if (a.value, a.high, a.peak, a.unit) != (b.value, b.high, b.peak, b.unit):
                errors.append(
                    BookError(
                        translation.path,
                        row_b.line,
                        f'chart "{translation.id}": "{b.text}" in row "{row_b.label}", column "{translation.value_columns[column]}"'
                        f' differs from "{a.text}" in {original.path}:{row_a.line} (row "{row_a.label}", column "{original.value_columns[column]}")',
                        fix,
                    )
                )
    return errors


def unique_errors(charts: list[Chart]) -> list[BookError]:
    seen, errors = {}, []
    for chart in charts:
        if chart.id in seen:
            first = seen[chart.id]
            errors.append(
                BookError(
                    chart.path,
                    chart.line,
                    f'chart id "{chart.id}" is already used at {first.path}:{first.line}',
                    "give every chart of a language its own id",
                )
            )
        else:
            seen[chart.id] = chart
    return errors
