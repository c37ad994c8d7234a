"""Plotly figures for checked charts, in the page's language.

The figure carries data, layout and the keyboard reading order; colours that follow the
reader's light or dark palette are applied in the browser by charts.js.
"""

from __future__ import annotations

import html
import math

from book.charts.spec import Chart, Row
from book.sources.numbers import CURRENCIES

# Series colours keep 3:1 contrast against both the light and the dark page background.
COLOURS = ("#1a8a7d", "#b86e00", "#3b82c4", "#c2548a", "#7a6fd6")
# A fill pattern (bars) or a marker shape (points) per series, so colour is never the only cue.
PATTERNS = ("", "/", ".", "x", "\\")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross")
BARGAP = 0.25

TEXT = {
    "ja": {
        "bar": "縦棒グラフ",
        "hbar": "横棒グラフ",
        "scatter": "散布図",
        "log": "（対数目盛）",
        "log_axis": "横軸は対数目盛",
        "colon": "：",
        "comma": "、",
        "between_rows": "。",
        "end": "。",
        "group": "（{}）",
        "share": "{whole}の{share}",
        "missing": "データなし",
        "peak": "ピーク",
        "keys": "矢印キーで値を一つずつ表示できます。",
    },
    "en": {
        "bar": "Bar chart",
        "hbar": "Horizontal bar chart",
        "scatter": "Scatter chart",
        "log": " (log scale)",
        "log_axis": "Log scale",
        "colon": ": ",
        "comma": ", ",
        "between_rows": "; ",
        "end": ". ",
        "group": " ({})",
        "share": "{share} of {whole}",
        "missing": "no data",
        "peak": "Peak",
        "keys": "Arrow keys show the values one at a time.",
    },
}


def build_figure(chart: Chart, lang: str) -> dict:
    """The figure as plain data: {"data", "layout", "config", "keys"}."""
    text = TEXT[lang]
    drawn = series(chart)
    traces = [_trace(chart, n, column, group, rows, text, len(drawn) > 1) for n, (column, group, rows) in enumerate(drawn)]
    traces += _peak_traces(chart, drawn, text)  # after the bars, so the keyboard's curve numbers stay those of the bars
    keys = []
    for row in chart.rows:  # keyboard order: the table's reading order; a missing value has no point to hover
        for curve, (column, _group, rows) in enumerate(drawn):
            if row in rows:
                where = [None, None] if _missing(chart, row, column) else [curve, rows.index(row)]
                keys.append([*where, text["comma"].join(_hover_lines(chart, row, column, text))])
    figure = _go().Figure(data=traces, layout=_layout(chart, text)).to_plotly_json()
    return {
        "data": figure["data"],
        "layout": figure["layout"],
        "config": {"responsive": True, "displayModeBar": False, "locale": lang},
        "keys": keys,
    }


def describe(chart: Chart, lang: str) -> str:
    """The text alternative: chart kind, then every row's values as written in the table."""
    text = TEXT[lang]
    kind = text[chart.type] + (text["log"] if chart.log else "")
    rows = []
    for row in chart.rows:
        label = row.label + (text["group"].format(row.group) if row.group else "")
        if len(chart.value_columns) == 1:
            rows.append(f"{label} {row.values[0].text}")
        else:
            values = text["comma"].join(f"{c} {n.text}" for c, n in zip(chart.value_columns, row.values))
            rows.append(f"{label}{text['colon']}{values}")
    return f"{kind}{text['colon']}{text['between_rows'].join(rows)}{text['end']}{text['keys']}"


def height(chart: Chart) -> int:
    """Pixels for the plot: horizontal bars grow with the rows so labels never overlap."""
    if chart.type == "hbar":
        return max(240, 90 + 34 * len(chart.rows) * len(chart.value_columns))
    return 400 if chart.type == "scatter" else 360


# Helpers


def series(chart: Chart) -> list[tuple[int, str | None, list[Row]]]:
    """One series per value column and group: (column index, group, rows)."""
    groups = list(dict.fromkeys(row.group for row in chart.rows))
    columns = [0] if chart.type == "scatter" else range(len(chart.value_columns))
    return [(c, g, [r for r in chart.rows if r.group == g]) for c in columns for g in groups]


def _trace(chart: Chart, number: int, column: int, group: str | None, rows: list[Row], text: dict, legend: bool):
    labels = [_markup(r.label) for r in rows]
    hover = [_hover_html(_hover_lines(chart, r, column, text)) for r in rows]
    common = dict(
        name=_markup(series_name(chart, column, group)),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=legend,
    )
    colour = COLOURS[number % len(COLOURS)]
    if chart.type == "scatter":
        return _go().Scatter(
            x=[r.values[0].value for r in rows],
            y=[r.values[1].value for r in rows],
            mode="markers",
            marker=dict(color=colour, size=11, symbol=SYMBOLS[number % len(SYMBOLS)]),
            **common,
        )
    numbers = [r.values[column] for r in rows]
    values = [n.value for n in numbers]
    ranges = {}
    if any(n.is_range for n in numbers):  # a range is a floating bar from its lower to its upper end
        floor = _log_floor(chart) if chart.log else 0
        base = [None if n.missing else n.value if n.is_range else floor for n in numbers]
        values = [None if n.missing else n.top - b for n, b in zip(numbers, base)]
        ranges = dict(base=base)
    pattern = dict(shape=PATTERNS[number % len(PATTERNS)], fillmode="overlay", fgcolor="#ffffff", fgopacity=0.6, size=7)
    horizontal = chart.type == "hbar"
    return _go().Bar(
        x=values if horizontal else labels,
        y=labels if horizontal else values,
        orientation="h" if horizontal else "v",
        offsetgroup=str(column),
        marker=dict(color=colour, pattern=pattern, line=dict(color=colour, width=1)),
        **ranges,
        **common,
    )


def _peak_traces(chart: Chart, drawn: list, text: dict) -> list:
    """A peak given in brackets ("peak 350 tok/sec"): a line from the end of its bar to a tick at the peak."""
    traces = []
    horizontal = chart.type == "hbar"
    for number, (column, _group, rows) in enumerate(drawn):
        peaked = [r for r in rows if r.values[column].peak is not None]
        if chart.type == "scatter" or not peaked:
            continue
        labels, values, hover = [], [], []
        for row in peaked:
            value = row.values[column]
            labels += [_markup(row.label)] * 2 + [None]
            values += [value.top, value.peak, None]
            hover += [_hover_html(_hover_lines(chart, row, column, text))] * 2 + [""]
        colour = COLOURS[number % len(COLOURS)]
        traces.append(
            _go().Scatter(
                x=values if horizontal else labels,
                y=labels if horizontal else values,
                mode="lines+markers",
                name=text["peak"],
                legendgroup="peak",
                showlegend=not traces,
                offsetgroup=str(column),
                line=dict(color=colour, width=2),
                marker=dict(
                    color=colour,
                    size=[0, 14, 0] * len(peaked),
                    symbol="line-ns" if horizontal else "line-ew",
                    line=dict(color=colour, width=3),
                ),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return traces


def _missing(chart: Chart, row: Row, column: int) -> bool:
    shown = (0, 1) if chart.type == "scatter" else (column,)
    return any(row.values[index].missing for index in shown)


def series_name(chart: Chart, column: int, group: str | None) -> str:
    if group is None:
        return chart.value_columns[column]
    return group if len(chart.value_columns) == 1 or chart.type == "scatter" else f"{chart.value_columns[column]} – {group}"


def _hover_lines(chart: Chart, row: Row, column: int, text: dict) -> list[str]:
    """Label, group, then each value as written (notes included); the share of the whole when there is one."""
    lines = [row.label] + ([row.group] if row.group else [])
    shown = (0, 1) if chart.type == "scatter" else (column,)
    for index in shown:
        number = row.values[index]
        lines.append(f"{chart.value_columns[index]}{text['colon']}{number.text}")
        if number.missing:
            lines.append(text["missing"])
    share = _share(chart, row, column)
    if share is not None:
        lines.append(text["share"].format(whole=chart.value_columns[0], share=share))
    return lines


def _share(chart: Chart, row: Row, column: int) -> str | None:
    """A later column as a share of the first, when every row's later values are parts of the first (active of total)."""
    if column == 0 or not _parts_of_first_column(chart):
        return None
    part, whole = row.values[column], row.values[0]
    if part.missing or whole.missing:
        return None
    return f"{part.value / whole.value * 100:.3g}%"


def _parts_of_first_column(chart: Chart) -> bool:
    if chart.type == "scatter" or len(chart.value_columns) < 2:
        return False
    pairs = [(row.values[0], n) for row in chart.rows for n in row.values[1:] if not n.missing and not row.values[0].missing]
    if any(n.is_range for row in chart.rows for n in row.values):
        return False
    return bool(pairs) and all(0 <= part.value <= whole.value and whole.value > 0 for whole, part in pairs)


def _go():
    """plotly's figure classes, imported on first use: a build whose figures are all cached never loads plotly."""
    import plotly.graph_objects as go

    return go


def _layout(chart: Chart, text: dict):
    labels = [_markup(r.label) for r in chart.rows]
    category = dict(
        type="category", categoryorder="array", categoryarray=labels, automargin=True, fixedrange=True, showgrid=False
    )
    value = dict(type="log" if chart.log else "linear", automargin=True, fixedrange=True, zeroline=True)
    if chart.type == "scatter":
        x = dict(value, title=dict(text=_markup(chart.value_columns[0])), **_unit_on_ticks(chart, 0))
        y = dict(value, title=dict(text=_markup(chart.value_columns[1])), **_unit_on_ticks(chart, 1))
    else:
        value.update(_unit_on_ticks(chart, 0))  # bar columns share one unit, checked with the table
        if len(chart.value_columns) == 1:
            value["title"] = dict(text=_markup(chart.value_columns[0]))
        if chart.log:
            value.update(_log_range(chart))
        x, y = (value, dict(category, autorange="reversed")) if chart.type == "hbar" else (category, value)
    go = _go()
    return go.Layout(
        template=go.layout.Template(),  # plotly's default template would add 6.5 KB of styling to every chart
        height=height(chart),
        margin=dict(l=4, r=12, t=8, b=4),
        xaxis=x,
        yaxis=y,
        barmode="group",
        bargap=BARGAP,
        hovermode="closest",
        dragmode=False,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yanchor="bottom", itemclick=False, itemdoubleclick=False),
        hoverlabel=dict(align="left"),
        annotations=_gap_notes(chart, text),
        **(dict(scattermode="group") if _has_peaks(chart) else {}),  # a peak's line stands on its own bar
    )


def _has_peaks(chart: Chart) -> bool:
    return chart.type != "scatter" and any(n.peak is not None for row in chart.rows for n in row.values)


def _unit_on_ticks(chart: Chart, column: int) -> dict:
    """A currency sign before the tick labels, `%`, `×` or `GB` after them, as the table writes its values.

    Longer units (tok/s, /1M tokens, months) are left to the column heading and the hover text.
    """
    unit = next((row.values[column].unit for row in chart.rows if not row.values[column].missing), "")
    currency = unit[0] if unit and unit[0] in CURRENCIES else ""
    rest = unit[len(currency) :]
    ticks = dict(tickprefix=currency) if currency else {}
    if rest in ("%", "×", "GB"):
        ticks["ticksuffix"] = " GB" if rest == "GB" else rest
    return ticks


def _log_range(chart: Chart) -> dict:
    """Whole decades from the one below the smallest bar, so that bar still has a visible length."""
    values = [v for row in chart.rows for n in row.values for v in n.extent]
    return dict(range=[math.ceil(math.log10(min(values))) - 1, math.log10(max(values)) + 0.08], dtick=1)


def _log_floor(chart: Chart) -> float:
    """The value at the bottom of a log axis, where a bar that is not a range starts."""
    return 10 ** _log_range(chart)["range"][0]


def _gap_notes(chart: Chart, text: dict) -> list[dict]:
    """A missing bar keeps its slot: the cell's text sits at the base of the gap, its note on hover."""
    if chart.type == "scatter":
        return []
    columns = len(chart.value_columns)
    notes = []
    for position, row in enumerate(chart.rows):
        for column, number in enumerate(row.values):
            if not number.missing:
                continue
            # Bars of one category share its width (less the gap) in column order.
            offset = (-0.5 + (column + 0.5) / columns) * (1 - BARGAP)
            at = position + offset
            note = dict(
                text=_markup(number.text),
                hovertext=_hover_html(_hover_lines(chart, row, column, text)),
                showarrow=False,
                font=dict(size=11),
            )
            if chart.type == "hbar":
                notes.append(dict(note, x=0, xref="paper", xanchor="left", y=at, yref="y"))
            else:
                notes.append(dict(note, x=at, xref="x", y=0, yref="paper", yanchor="bottom"))
    return notes


def _markup(value: str) -> str:
    """Plotly reads labels as a little HTML: escaping shows `<script>` as text, as the table does."""
    return html.escape(value, quote=False)


def _hover_html(lines: list[str]) -> str:
    return "<b>" + _markup(lines[0]) + "</b><br>" + "<br>".join(_markup(line) for line in lines[1:])
