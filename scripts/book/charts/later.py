"""Charts' plots put into a build's written pages at its end, so that neither Markdown nor search parses a drawing
and the build never waits for plotly, which draws in the process that finishes the pages (book.site.finishing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from book.charts import render
from book.charts.spec import Chart


class Plots:
    """The stand-ins a build has placed, page by page, each with the chart it stands for."""

    def __init__(self) -> None:
        self._pages: dict[str, dict[str, tuple[Chart, str]]] = {}

    def placer(self, page: str) -> Callable[[Chart, str], str]:
        """What `render.render_charts` puts in place of each plot of `page` (any name unique to the page)."""
        placed = self._pages.setdefault(page, {})

        def stand_in(chart: Chart, lang: str) -> str:
            key = render.figure_key(chart, lang)
            placed[key] = (chart, lang)
            return render.stand_in(key)

        return stand_in

    def on_page(self, page: str) -> dict[str, tuple[Chart, str]]:
        """The charts whose stand-ins `page` holds, by figure key."""
        return self._pages.get(page, {})


def filled(page_html: str, charts: dict[str, tuple[Chart, str]], drawn: dict[str, str], cache_dir: Path) -> str:
    """The page with each stand-in replaced by its plot: as `drawn` has it (`render.plots_of_book`), or drawn here
    from `charts` (`Plots.on_page`) when the page's chart was read differently from the book's."""

    def plot(key: str) -> str:
        if key in drawn:
            return drawn[key]
        chart, lang = charts[key]
        return render.plot_html(chart, lang, render.figure_json(chart, lang, cache_dir))

    return render.fill_plots(page_html, plot)
