"""Charts drawn at build time as SVG, from the same checked data as the interactive figures.

The SVG is the chart until a reader reaches for it (then plotly.js draws the interactive figure in the same
box), and the whole chart without JavaScript, offline before plotly loads, in print and in the e-book editions.
Bars run horizontally, each row's label above its bars (a range floats from its lower to its upper end), so labels never overlap or clip at 360 px; widths are
percentages and text keeps its size, so the drawing fits any column. Colours are CSS classes (charts.css)
that follow the reader's light or dark palette.
"""

from __future__ import annotations

import html
import math

from book.charts.figures import TEXT, describe, height, series, series_name
from book.charts.spec import Chart

LABEL = 15  # px of a row's label line
LEGEND = 22  # px of the legend line, when there is more than one series
GAP = 6  # px between rows
MAX_BAR = 72  # % of the width the longest bar takes; its value is written after it
MAX_BAR_HEIGHT = 18  # px


def draw(chart: Chart, lang: str, inside_named_box: bool = False, compact: bool = False) -> str:
    """The chart as one line of inline SVG: a title, a description, bars or points, direct value labels.

    `inside_named_box`: the page's plot box already carries the same description as its accessible name,
    so the drawing is hidden from assistive technology there rather than read twice.
    `compact`: for a page of print or an e-book: bars as tall as they need rather than the interactive figure's box,
    and a log axis named on the drawing.
    """
    drawn = series(chart)
    names = [series_name(chart, column, group) for column, group, _ in drawn]
    box = height(chart)
    if compact and chart.type != "scatter":
        legends = bool(chart.log) + (len(names) > 1)
        box = min(box, round(LEGEND * legends + len(chart.rows) * (LABEL + GAP + len(drawn) * (MAX_BAR_HEIGHT + 2)) + 4))
    # In print a log axis says so on the drawing, on a line of its own above the legend (on the site, plotly's axis
    # says so once a reader reaches for the chart, and the drawing keeps the box it shares with it).
    scale = ""
    if chart.log and compact:
        scale = f'<text class="book-chart__legend book-chart__scale" x="0" y="13">{_e(TEXT[lang]["log_axis"])}</text>'
    legend = _legend(names, LEGEND if scale else 0) if len(names) > 1 else ""
    top = LEGEND * (bool(scale) + bool(legend))
    body = _scatter(chart, box, top) if chart.type == "scatter" else _bars(chart, drawn, box, top)
    title_id, desc_id = f"chart-{chart.id}-title", f"chart-{chart.id}-desc"
    naming = 'aria-hidden="true"' if inside_named_box else f'role="img" aria-labelledby="{title_id} {desc_id}"'
    return (
        f'<svg class="book-chart__svg" width="100%" height="{box}" {naming} xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{_e(chart.title)}</title><desc id="{desc_id}">{_e(describe(chart, lang))}</desc>'
        f"{scale}{legend}{body}</svg>"
    )


def _bars(chart: Chart, drawn_series: list, box: int, top: int) -> str:
    pitch = (box - top) / max(1, len(chart.rows))
    bar = max(4.0, min(MAX_BAR_HEIGHT, (pitch - LABEL - GAP) / len(drawn_series) - 2))
    scale = _scale(chart, [v for row in chart.rows for n in row.values for v in n.extent])
    out = []
    for index, row in enumerate(chart.rows):
        y = top + index * pitch
        out.append(f'<text class="book-chart__label" x="0" y="{y + LABEL - 3:.1f}">{_e(row.label)}</text>')
        drawn = 0
        for number, (column, _group, rows) in enumerate(drawn_series):
            if row not in rows:
                continue
            value = row.values[column]
            bar_y = y + LABEL + drawn * (bar + 2)
            drawn += 1
            if value.missing:
                out.append(f'<text class="book-chart__value" x="0" y="{bar_y + bar - 2:.1f}">{_e(value.text or "—")}</text>')
                continue
            # A range is a bar from its lower to its upper end; a peak, a line on to a tick at the peak.
            start = scale(value.value) * MAX_BAR if value.is_range else 0
            end = max(start + 0.5, scale(value.top) * MAX_BAR)
            out.append(
                f'<rect class="book-chart__bar book-chart__s{number % 5}" x="{start:.2f}%" y="{bar_y:.1f}" '
                f'width="{end - start:.2f}%" height="{bar:.1f}"/>'
            )
            if value.peak is not None:
                peak, middle = scale(value.peak) * MAX_BAR, bar_y + bar / 2
                out.append(
                    f'<line class="book-chart__peak" x1="{end:.2f}%" y1="{middle:.1f}" x2="{peak:.2f}%" y2="{middle:.1f}"/>'
                    f'<line class="book-chart__peak" x1="{peak:.2f}%" y1="{bar_y:.1f}" x2="{peak:.2f}%" y2="{bar_y + bar:.1f}"/>'
                )
                end = max(end, peak)
            out.append(f'<text class="book-chart__value" x="{end + 1:.2f}%" y="{bar_y + bar - 2:.1f}">{_e(value.text)}</text>')
    return "".join(out)


def _scatter(chart: Chart, box: int, top: int) -> str:
    points = [row for row in chart.rows if not (row.values[0].missing or row.values[1].missing)]
    x_scale = _scale(chart, [row.values[0].value for row in points])
    y_scale = _scale(chart, [row.values[1].value for row in points])
    plot = box - top - 2 * LABEL
    groups = list(dict.fromkeys(row.group for row in chart.rows))
    out = [
        f'<line class="book-chart__axis" x1="0" y1="{top + plot:.1f}" x2="100%" y2="{top + plot:.1f}"/>',
        f'<text class="book-chart__label" x="100%" y="{box - 4}" text-anchor="end">{_e(chart.value_columns[0])} →</text>',
        f'<text class="book-chart__label" x="0" y="{top + LABEL - 3}">↑ {_e(chart.value_columns[1])}</text>',
    ]
    for row in points:
        x = 2 + x_scale(row.values[0].value) * 80
        y = top + LABEL + (1 - y_scale(row.values[1].value)) * (plot - LABEL)
        number = groups.index(row.group)
        out.append(
            f'<circle class="book-chart__point book-chart__s{number % 5}" cx="{x:.2f}%" cy="{y:.1f}" r="5"/>'
            f'<text class="book-chart__value" x="{x + 1.5:.2f}%" y="{y + 4:.1f}">{_e(row.label)}</text>'
        )
    return "".join(out)


def _legend(names: list[str], y: int = 0) -> str:
    """One swatch and name per series, each in its share of the line (a nested <svg> offsets the name by pixels)."""
    share = 100 / len(names)
    return "".join(
        f'<svg x="{n * share:.2f}%" y="{y}" overflow="visible">'
        f'<rect class="book-chart__bar book-chart__s{n % 5}" x="0" y="3" width="12" height="12"/>'
        f'<text class="book-chart__legend" x="16" y="13">{_e(name)}</text></svg>'
        for n, name in enumerate(names)
    )


def _scale(chart: Chart, values: list[float | None]):
    """Value → 0..1 of the drawing's width: linear from zero, or logarithmic as the marker asks."""
    present = [v for v in values if v is not None]
    largest = max(present, default=1) or 1
    if chart.log and present and min(present) > 0:
        floor = 10 ** math.floor(math.log10(min(present)))
        span = math.log10(largest) - math.log10(floor) or 1
        return lambda v: (math.log10(v) - math.log10(floor)) / span if v > 0 else 0
    low = min(0, min(present, default=0))
    return lambda v: (v - low) / ((largest - low) or 1)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
