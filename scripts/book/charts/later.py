"""Charts' plots put into a build's written pages at its end, so that neither Markdown nor search parses a drawing
and the build never waits for plotly, which draws in the process that finishes the pages (book.site.finishing)."""

from __future__ import annotations

from pathlib import Path

from book.charts import render
from book.charts.spec import Chart


class Plots:
    """The stand-ins a build has placed, each with the chart it stands for."""

    def __init__(self) -> None:
        self._charts: dict[str, tuple[Chart, str]] = {}

    def stand_in(self, chart: Chart, lang: str) -> str:
        key = render.figure_key(chart, lang)
        self._charts[key] = (chart, lang)
        return render.stand_in(key)

    def on_page(self, page_html: str) -> dict[str, tuple[Chart, str]]:
        """The charts whose stand-ins the page holds, by figure key."""
        if not self._charts:
            return {}
        return {key: self._charts[key] for key in render.stand_in_keys(page_html)}


def filled(page_html: str, charts: dict[str, tuple[Chart, str]], drawn: dict[str, str], cache_dir: Path) -> str:
    """The page with each stand-in replaced by its plot: as `drawn` has it (`render.plots_of_book`), or drawn here
    from `charts` (`Plots.on_page`) when the page's chart was read differently from the book's."""

    def plot(key: str) -> str:
        if key in drawn:
            return drawn[key]
        chart, lang = charts[key]
        return render.plot_html(chart, lang, render.figure_json(chart, lang, cache_dir))

    return render.fill_plots(page_html, plot)
