"""What the About page promises about this edition stays true: it names every chart the edition added.

The About page lists the changes made to the original; one of them is the charts. Each language's About page refers
to every chart of its language by its figure's ID ([[fig:id]]), so a chart added to a page without a word on
About, or an About that names a chart no longer there, stops the build.
"""

from __future__ import annotations

from pathlib import Path

from book.charts.spec import find_charts
from book.errors import BookError
from book.sources.captions import REFERENCE
from book.sources.fences import outside_fences

ABOUT = "about.md"


def problems(docs: Path, langs: list[str], shown) -> list[BookError]:
    errors = []
    for lang in langs:
        about = docs / lang / ABOUT
        if not about.is_file():
            continue
        charts = set()
        for path in sorted((docs / lang).rglob("*.md")):
            try:
                charts |= {chart.id for chart in find_charts(path.read_text(encoding="utf-8"), shown(path))}
            except BookError:
                continue  # the chart checks report it
        named = {}
        for number, line in outside_fences(about.read_text(encoding="utf-8")):
            for found in REFERENCE.finditer(line):
                if found["kind"] == "fig":
                    named.setdefault(found["id"], number)
        first = min(named.values(), default=None)
        for chart in sorted(charts - named.keys()):
            errors.append(
                BookError(
                    shown(about),
                    first,
                    f"the list of this edition's changes does not name the chart [[fig:{chart}]]",
                    "add it where the page lists the charts this edition added",
                )
            )
    return errors
