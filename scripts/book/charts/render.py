"""Charts in the book's pages: figures placed above their tables, and the checks across languages.

A marked table stays in the page as the accessible version of its chart; the figure in front of
it carries its data inline, so charts work from disk as well as online.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.metadata
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from book.charts import figures as figures_module
from book.charts import spec as chart_spec_module
from book.charts import svg
from book.charts.figures import build_figure, describe, height
from book.charts.spec import Chart, find_charts, is_marker
from book.errors import BookError
from book.markdown.tables import escape_html

PLOTLY_PATH = "assets/vendor/plotly.min.js"
SAME_DATA = {"ja": "下の表に同じデータがあります。", "en": "The table below has the same data."}
# Plotly's interface is English already; other languages register the locale plotly.js ships (lib/locales/).
BUILT_IN_LOCALE = "en"
# Stands in a page for a chart's plot until the page's HTML is final (see fill_plots).
_STAND_IN = re.compile(r"<!--book-plot:([0-9a-f]{20})-->")
# The modules that turn a chart into a figure: a change to either draws every figure anew.
_DRAWING_CODE = tuple(
    hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest() for module in (figures_module, chart_spec_module)
) + (hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),)


@dataclass(frozen=True)
class Scripts:
    """Where the page finds plotly.js and its locale, relative to the page so it works from disk."""

    plotly: str
    locale: str | None = None


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
    digest = hashlib.sha256(script.encode("utf-8")).hexdigest()[:12]
    path = cache_dir / f"plotly-locale-{lang}-{digest}.js"
    if not path.is_file():
        _write_whole(path, script)
    return path


def _write_whole(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)  # builds running side by side never read half a file


def first_body_line(source: str, markdown: str) -> int:
    """The file line where `markdown` starts: MkDocs hands hooks the page without its front matter."""
    return len(source.splitlines()) - len(markdown.splitlines()) + 1


def render_charts(
    markdown: str,
    path: str,
    lang: str,
    scripts: Scripts,
    first_line: int = 1,
    cache_dir: Path | None = None,
    numbers: dict[str, tuple[str, str | None]] | None = None,
    plot: Callable[[Chart, str], str] | None = None,
    known: list[Chart] | None = None,
) -> tuple[str, int]:
    """The page with a figure before each marked table, and how many charts it has.

    With `cache_dir`, each figure drawn is kept there, named by everything it is drawn from. `numbers` gives,
    by chart id, the figure's number as its caption starts it and the line naming its table (HTML, from
    book.numbering). `plot(chart, lang)`, if given, supplies what follows each caption instead of `plot_html`.
    `known` are the page's charts as the build read them from its file, if it has (`charts_of_book`).
    """
    padding = first_line - 1  # blank lines in front keep line numbers in errors those of the file
    lines = [""] * padding + markdown.split("\n")
    if known is not None and all(chart.marker[0] < len(lines) and is_marker(lines[chart.marker[0]]) for chart in known):
        charts = known
    else:  # read here: the build has not read this page's charts yet
        charts = find_charts("\n".join(lines), path)
    _check_unique(charts)
    for chart in reversed(charts):
        start, end = chart.marker
        table_start = chart.table.line - 1
        lines[table_start : chart.table.end] = [escape_html(line) for line in lines[table_start : chart.table.end]]
        number, same_data = (numbers or {}).get(chart.id, (None, None))
        drawn = plot(chart, lang) if plot else plot_html(chart, lang, figure_json(chart, lang, cache_dir))
        lines[start:end] = ["", figure_html(chart, lang, scripts, drawn, number, same_data), ""]
    return "\n".join(lines[padding:]), len(charts)


def figure_html(
    chart: Chart,
    lang: str,
    scripts: Scripts,
    plot: str,
    number: str | None = None,
    same_data: str | None = None,
) -> str:
    """The chart's <figure>, on one line so Markdown passes it through as a single HTML block; `plot` follows its caption."""
    title = f"{number} {html.escape(chart.title)}" if number else html.escape(chart.title)
    attrs = f' data-plotly-src="{html.escape(scripts.plotly)}"'
    if scripts.locale:
        attrs += f' data-plotly-locale="{html.escape(scripts.locale)}"'
    return (
        f'<figure class="book-chart" id="chart-{chart.id}"{attrs}>'
        f'<figcaption><span class="book-chart__title">{title}</span> '
        f'<span class="book-chart__source">{html.escape(chart.caption)}</span> '
        f'<span class="book-chart__same-data">{same_data or SAME_DATA[lang]}</span></figcaption>'
        f"{plot}</figure>"
    )


def plot_html(chart: Chart, lang: str, payload: str) -> str:
    """The drawing (SVG, until plotly takes over), the status line and the figure's JSON (`payload`)."""
    return (
        f'<div class="book-chart__plot" role="img" tabindex="0" aria-label="{html.escape(describe(chart, lang))}"'
        f' style="height:{height(chart)}px">{svg.draw(chart, lang, inside_named_box=True)}</div>'
        '<p class="book-chart__status" aria-live="polite"></p>'
        f'<script type="application/json" class="book-chart__data">{payload}</script>'
    )


@functools.lru_cache(maxsize=256)  # the offline edition and each rebuild under `mkdocs serve` draw the same charts again
def figure_json(chart: Chart, lang: str, cache_dir: Path | None) -> str:
    """The figure as JSON that is safe inside a <script> element, drawn by plotly or read from `cache_dir`."""
    if cache_dir is None:
        return _draw(chart, lang)
    cached = cached_figure(chart, lang, cache_dir)
    if cached is not None:
        return cached
    payload = _draw(chart, lang)
    _write_whole(cache_dir / f"figure-{figure_key(chart, lang)}.json", payload)
    return payload


def cached_figure(chart: Chart, lang: str, cache_dir: Path) -> str | None:
    """The figure's JSON if an earlier build drew it into `cache_dir`, else None."""
    path = cache_dir / f"figure-{figure_key(chart, lang)}.json"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def charts_of_book(docs_dir: Path, langs: list[str], shown=lambda path: str(path)) -> dict[str, tuple[str, list[Chart]]]:
    """Every page's language and charts, by its shown path. A page whose markers do not read is left out: the
    checks report it, and so does its own build step."""
    found = {}
    for lang in langs:
        for path in sorted((docs_dir / lang).rglob("*.md")):
            try:
                where = shown(path)
                found[where] = (lang, find_charts(path.read_text(encoding="utf-8"), where))
            except (BookError, UnicodeDecodeError):
                continue
    return found


def plots_of_book(charts: dict[str, tuple[str, list[Chart]]], cache_dir: Path) -> dict[str, str]:
    """Every chart of the book (`charts_of_book`) with its drawing and figure (plotly draws those `cache_dir`
    lacks): {figure_key: plot_html}."""
    return {
        figure_key(chart, lang): plot_html(chart, lang, figure_json(chart, lang, cache_dir))
        for lang, page_charts in charts.values()
        for chart in page_charts
    }


def stand_in(key: str) -> str:
    """What a page holds in place of the plot of the chart whose figure_key is `key`, until `fill_plots` puts it in."""
    return f"<!--book-plot:{key}-->"


def fill_plots(page_html: str, plot: Callable[[str], str]) -> str:
    """The page with each stand-in replaced by `plot(figure_key)`."""
    return _STAND_IN.sub(lambda match: plot(match.group(1)), page_html)


def figure_key(chart: Chart, lang: str) -> str:
    """A digest of what a figure is drawn from: the chart (its table and marker), the language, this code and plotly."""
    inputs = repr((chart, lang, _DRAWING_CODE, _plotly_version()))
    return hashlib.sha256(inputs.encode("utf-8")).hexdigest()[:20]


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
        errors += _unique_errors(charts)
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


def _check_unique(charts: list[Chart]) -> None:
    errors = _unique_errors(charts)
    if errors:
        raise errors[0]


def _unique_errors(charts: list[Chart]) -> list[BookError]:
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
