"""A chart as an SVG file of its own: its number and title, the drawing the page shows, its source line and the
licence's attribution, in the print editions' colours on white, so the image credits the book wherever it goes."""

from __future__ import annotations

import html
import unicodedata

from book.charts import svg
from book.charts.figures import describe, height
from book.charts.spec import Chart
from book.editions.chapters import CHART_STYLES
from book.site.strings import STRINGS, joined

WIDTH, MARGIN, LINE = 720, 16, 18  # px
FONT = 'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", Meiryo, sans-serif'
COLUMNS = 104  # half-width characters a 12 px line holds in the width


def standalone(chart: Chart, title: str, lang: str) -> str:
    """The SVG document; `title` is the figure's number and title as the page gives them."""
    text = STRINGS[lang]
    footer = _wrapped(chart.caption) + _wrapped(joined(lang, text["attribution"], text["licence"]))
    plot_top = MARGIN + 2 * LINE
    plot = height(chart)
    total = plot_top + plot + LINE + len(footer) * LINE + MARGIN
    lines = "".join(
        f'<text class="book-chart__value" x="{MARGIN}" y="{plot_top + plot + LINE * (n + 1) + 4}">{_e(line)}</text>'
        for n, line in enumerate(footer)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{total}" viewBox="0 0 {WIDTH} {total}" '
        f'xml:lang="{lang}" font-family="{_e(FONT)}" font-size="12" role="img">'
        f"<title>{_e(title)}</title><desc>{_e(describe(chart, lang))}</desc>"
        f"<style>{CHART_STYLES.read_text(encoding='utf-8')}</style>"
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<text class="book-chart__label" x="{MARGIN}" y="{MARGIN + LINE}" font-size="15" font-weight="700">{_e(title)}</text>'
        f'<svg x="{MARGIN}" y="{plot_top}" width="{WIDTH - 2 * MARGIN}" height="{plot}" overflow="visible">'
        f"{svg.draw(chart, lang, inside_named_box=True)}</svg>{lines}</svg>\n"
    )


def _wrapped(words: str) -> list[str]:
    """The text in lines that fit the width (a wide character takes two columns); Latin breaks at spaces."""
    lines, line, used = [], "", 0
    for word in _pieces(words):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)
        if used + size > COLUMNS and line.strip():
            lines.append(line.rstrip())
            line, used = word.lstrip(), size
        else:
            line, used = line + word, used + size
    return [*lines, line.rstrip()] if line.strip() else lines


def _pieces(words: str) -> list[str]:
    """Latin words with the space before them, and each wide character alone."""
    pieces, current = [], ""
    for char in words:
        if unicodedata.east_asian_width(char) in "WF":
            pieces += [current, char] if current else [char]
            current = ""
        elif char == " " and current:
            pieces.append(current)
            current = char
        else:
            current += char
    return [p for p in [*pieces, current] if p]


def _e(value: str) -> str:
    return html.escape(value, quote=True)
