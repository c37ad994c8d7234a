"""Charts from marked tables: a `<!-- chart … -->` comment above a Markdown table puts a figure of its numbers in
front of it, drawn at build time (SVG) and interactive once the reader reaches for it (the site's charts.js).
The table stays below as the figure's accessible version. book.charts.spec says what a marker holds.

    <!-- chart
    id: six-models
    type: bar
    labels: Model
    values: [Total parameters, Active parameters]
    title: …
    caption: 'Source: …'
    -->

    | Model | Total parameters | Active parameters |

    markdown_extensions:
      - book.markdown.charts:
          cache_dir: .cache/charts
"""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from book.charts import render
from book.charts.spec import find_charts, is_marker
from book.data import links
from book.markdown import BookExtension
from book.sources.tables import escape_html


class ChartsPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: ChartsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not any(is_marker(line) for line in lines):
            return lines
        extension = self.extension
        lang = extension.getConfig("lang")
        charts = find_charts("\n".join(lines), extension.getConfig("page"))  # markers inside code fences are examples
        if not charts:
            return lines
        for error in render.unique_errors(charts):
            raise error
        cache_dir = extension.getConfig("cache_dir")
        figures = extension.contents.figures
        lines = list(lines)
        for chart in reversed(charts):
            start, end = chart.marker
            table = slice(chart.table.line - 1, chart.table.end)
            lines[table] = [escape_html(line) for line in lines[table]]  # cells are data, never markup
            number, same_data = figures.get(chart.id, (None, None))
            if extension.getConfig("interactive"):
                plot = render.plot_html(chart, lang, render.figure_json(chart, lang, Path(cache_dir) if cache_dir else None))
            else:
                plot = render.still_html(chart, lang)
            data = extension.getConfig("data")
            label = extension.contents.labels.get(("fig", chart.id))
            name = label.name(lang) if label else chart.title
            downloads = links.chart_links(data, lang, name, chart.id) if data else ""
            lines[start:end] = ["", render.figure_html(chart, lang, plot, number, same_data, downloads), ""]
        return lines


class ChartsExtension(BookExtension):
    options = {
        "cache_dir": ["", "where drawn figures are kept between builds (none: drawn every time)"],
        "interactive": [True, "with the figure's data for plotly; False: the drawing alone, for print and e-books"],
        "figure_data": [
            "inline",
            "inline: each figure's data in the page; files: in assets/charts/<key>.js, which the builder writes",
        ],
    }

    def extendMarkdown(self, md: Markdown) -> None:
        # After line endings are made plain, before code fences and raw HTML are set aside (the figure is raw HTML).
        md.preprocessors.register(ChartsPreprocessor(md, self), "book_charts", 29)


def makeExtension(**kwargs) -> ChartsExtension:
    return ChartsExtension(**kwargs)
