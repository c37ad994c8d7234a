"""Charts' plots put into a build's written pages at its end, so that neither Markdown nor search parses a drawing
and the build never waits for plotly, which draws beside it (book.sidecar)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from book.charts import render
from book.charts.spec import Chart


class Plots:
    """The stand-ins a build has placed, the pages holding them, and where each plot comes from."""

    def __init__(self, drawn: Callable[[], dict[str, str]], cache_dir: Path):
        self._drawn = drawn  # {figure key: plot HTML} as the other process drew them; waits for its answer
        self._cache_dir = cache_dir
        self._charts: dict[str, tuple[Chart, str]] = {}
        self._pages: list[Path] = []

    def stand_in(self, chart: Chart, lang: str) -> str:
        key = render.figure_key(chart, lang)
        self._charts[key] = (chart, lang)
        return render.stand_in(key)

    def note(self, page_html: str, written_to: Path) -> None:
        """A page about to be written: filled in at the end if it holds a stand-in."""
        if self._charts and render.has_stand_in(page_html):
            self._pages.append(written_to)

    def fill(self) -> None:
        """Every noted page, written by now, with its plots in."""
        for path in self._pages:
            path.write_text(render.fill_plots(path.read_text(encoding="utf-8"), self._plot), encoding="utf-8")
        self._pages.clear()

    def _plot(self, key: str) -> str:
        drawn = self._drawn()
        if key in drawn:
            return drawn[key]
        chart, lang = self._charts[key]  # a chart the other process read differently is drawn here
        return render.plot_html(chart, lang, render.figure_json(chart, lang, self._cache_dir))
