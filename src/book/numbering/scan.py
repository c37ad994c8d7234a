"""One page's numbered items (captioned tables, charts) and references, read from its Markdown."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from book.charts.spec import find_charts
from book.errors import BookError
from book.sources import captions
from book.sources.fences import outside_fences
from book.sources.tables import starts_table

_FORM = "Table: what the table shows {#tbl:an-id}"


@dataclass(frozen=True)
class Item:
    kind: str  # "tbl" or "fig"
    id: str
    caption: str
    line: int  # the caption's line (a table) or the chart marker's (a figure)
    table: str | None = None  # a figure's table (its data), by the table's ID


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str
    line: int


@dataclass(frozen=True)
class Page:
    items: tuple[Item, ...]
    references: tuple[Reference, ...]
    errors: tuple[BookError, ...]
    charts_read: bool = True  # False: a chart marker does not read (the chart checks say why), so its figures are unknown


@functools.lru_cache(maxsize=1024)  # the checks and the numbering read each page, and again at each rebuild of serve
def scan(text: str, path: str, numbered: bool) -> Page:
    """Captions, charts and references of a page; in a numbered page every table needs a caption.

    Chart markers that do not read are the chart checks' to report: here such a page simply has no figures.
    """
    lines = text.split("\n")
    prose = dict(outside_fences(text))  # line number → line, code fences left out
    try:
        charts, charts_read = {chart.marker[0]: chart for chart in find_charts(text, path)}, True
    except BookError:
        charts, charts_read = {}, False
    items, references, errors = [], [], []
    pending: tuple[int, captions.Caption] | None = None  # a caption waiting for its table
    malformed = False  # the last caption did not read
    index = 0
    while index < len(lines):
        number, line = index + 1, lines[index]
        if number not in prose:
            index += 1
            continue
        if index in charts:  # a figure; its table's caption may follow the marker
            chart = charts[index]
            between = (captions.read_caption(lines[i]) for i in range(chart.marker[1], chart.table.line - 1))
            table = next((caption.id for caption in between if caption), None)
            items.append(Item("fig", chart.id, chart.title, number, table))
            index = chart.marker[1]
            continue
        if starts_table(lines, index):
            if pending:
                items.append(Item("tbl", pending[1].id, pending[1].text, pending[0]))
                pending = None
            elif numbered and not malformed:  # a caption that does not read is reported once, on its own line
                errors.append(BookError(path, number, "the table has no caption", f"write `{_FORM}` on the line above it"))
            malformed = False
            while index < len(lines) and lines[index].strip():
                references += _references(lines[index], index + 1)
                index += 1
            continue
        if captions.is_caption(line):
            caption = captions.read_caption(line)
            malformed = caption is None
            if caption is None and not captions.CAPTION_START.match(line.strip()):
                errors.append(
                    BookError(
                        path,
                        number,
                        "the table's caption does not start with `Table: `",
                        f"write it as `Table: {line.strip()}`",
                    )
                )
            elif caption is None:
                errors.append(
                    BookError(
                        path,
                        number,
                        "the table caption does not end with an ID such as {#tbl:six-models}",
                        f"write `{_FORM}`, the ID in lowercase letters, digits and hyphens",
                    )
                )
            elif not numbered:
                errors.append(
                    BookError(
                        path,
                        number,
                        "only the tables of the Parts and the Conclusion are numbered and captioned",
                        "remove the `Table:` line, or move the table into a Part",
                    )
                )
            else:
                pending = (number, caption)
        elif line.strip() and pending and not line.lstrip().startswith("<!--"):
            errors.append(_orphan(path, pending))
            pending = None
        references += _references(line, number)
        index += 1
    if pending:
        errors.append(_orphan(path, pending))
    return Page(tuple(items), tuple(references), tuple(errors), charts_read)


def _orphan(path: str, pending: tuple[int, captions.Caption]) -> BookError:
    return BookError(
        path,
        pending[0],
        f"the caption {{#tbl:{pending[1].id}}} is not followed by a table",
        "put the caption right above its table (below the table's chart marker), with one blank line between",
    )


def _references(line: str, number: int) -> list[Reference]:
    return [Reference(m["kind"], m["id"], number) for m in captions.REFERENCE.finditer(line)]
