"""Chart markers: the `<!-- chart ... -->` comment above a Markdown table, and the data it selects.

<!-- chart
id: six-models
type: bar
labels: Model
values: [Total parameters, Active parameters]
log: true
title: ...
caption: ...
-->

| Model | Total parameters | Active parameters |

`pick` takes one number out of cells that mix text and numbers, so the table keeps its words:
`pick: first` (the first number in each value cell) or, per column, `pick: {What it achieved: first $/1M tokens}`
(the first number in that unit); a cell without one is a gap.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml

from book.errors import BookError, did_you_mean
from book.sources import yaml_hints
from book.sources.captions import is_caption
from book.sources.fences import FENCE
from book.sources.frontmatter import LOADER
from book.sources.numbers import EXAMPLES, UNITS, NotANumber, Number, parse_number, pick_number, read_unit, unit_phrase
from book.sources.tables import Table, parse_table, plain_text, starts_table

TYPES = ("bar", "hbar", "scatter")
REQUIRED = ("id", "type", "labels", "values", "title", "caption")
OPTIONAL = ("group", "log", "pick")
PICK_RULE = "first"
_PICK_FIX = (
    "write `first` (the first number in the cell) or `first` and a unit (the first number in that unit), "
    "such as `first $/1M tokens`"
)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OPEN = re.compile(r"<!--\s*chart\b(?P<rest>.*)$")


@dataclass(frozen=True)
class Pick:
    """How to take a number out of a cell that mixes text and numbers: the first one, in `unit` when given."""

    unit: str | None


@dataclass(frozen=True)
class Row:
    line: int
    label: str
    group: str | None
    values: tuple[Number, ...]


@dataclass(frozen=True)
class Chart:
    """A marked table, checked: what the figure, the page and the language check need."""

    id: str
    type: str
    label_column: str
    value_columns: tuple[str, ...]
    group_column: str | None
    log: bool
    title: str
    caption: str
    rows: tuple[Row, ...]
    picks: tuple[Pick | None, ...]  # per value column: how its number is taken from the cell, or None for a plain number
    path: str
    line: int  # the marker's first line
    marker: tuple[int, int]  # 0-based [start, end) lines of the marker comment
    table: Table


def is_marker(line: str) -> bool:
    """The line opens a chart marker."""
    return _OPEN.match(line.strip()) is not None


def find_charts(text: str, path: str) -> list[Chart]:
    """Every chart marked in a Markdown file, checked; markers inside fenced code are examples, not charts."""
    return list(_find_charts(text, path))


@functools.lru_cache(maxsize=1024)  # the checks, the numbering and the page itself read each page's charts
def _find_charts(text: str, path: str) -> tuple[Chart, ...]:
    lines = text.split("\n")
    charts, fence, index = [], None, 0
    while index < len(lines):
        line = lines[index]
        fence_match = FENCE.match(line)
        if fence_match:
            marker = fence_match.group("fence")
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        elif fence is None and _OPEN.match(line.strip()):
            chart = _read_chart(lines, index, path)
            charts.append(chart)
            index = chart.table.end
            continue
        index += 1
    return tuple(charts)


def _read_chart(lines: list[str], start: int, path: str) -> Chart:
    rest = _OPEN.match(lines[start].strip()).group("rest").strip()
    if rest:
        raise BookError(
            path,
            start + 1,
            f"the chart marker has text after `<!-- chart`: {rest!r}",
            "put `<!-- chart` alone on its line and the settings on the lines below it",
        )
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "-->"), None)
    if end is None:
        raise BookError(path, start + 1, "the chart marker is never closed", "end it with a line holding only `-->`")
    settings = _read_settings(lines[start + 1 : end], path, start + 2)
    table_start = end + 1
    while table_start < len(lines) and (not lines[table_start].strip() or is_caption(lines[table_start])):
        table_start += 1  # blank lines, and the table's caption (book.sources.captions)
    if not starts_table(lines, table_start):
        raise BookError(
            path,
            start + 1,
            f'chart "{settings["id"]}" has no table after its marker',
            "put the Markdown table right after the `-->` line (or its `Table:` caption), with one blank line between",
        )
    table = parse_table(lines, table_start, path)
    return _resolve(settings, table, path, start, end + 1)


def _read_settings(lines: list[str], path: str, first_line: int) -> dict:
    """The YAML between `<!-- chart` and `-->`, with every key checked."""
    try:
        settings = yaml.load("\n".join(lines), Loader=LOADER)
    except yaml.YAMLError as error:
        at, problem, fix = yaml_hints.explain(error, lines)
        raise BookError(path, first_line + (at or 0), f"the chart settings are not valid YAML ({problem})", fix) from None
    if not isinstance(settings, dict):
        raise BookError(
            path, first_line, "the chart marker holds no settings", f"write `key: value` lines for {', '.join(REQUIRED)}"
        )

    def line_of(key: str) -> int:
        found = (n for n, text in enumerate(lines) if text.lstrip().startswith(f"{key}:"))
        return first_line + next(found, 0)

    for key in settings:
        if key not in REQUIRED + OPTIONAL:
            raise BookError(
                path, line_of(str(key)), f"unknown chart setting `{key}`", did_you_mean(str(key), REQUIRED + OPTIONAL, "`{}`")
            )
    for key in REQUIRED:
        if settings.get(key) in (None, "", []):
            raise BookError(path, first_line, f"the chart marker has no `{key}`", f"add a line `{key}: ...`")
    chart_id = str(settings["id"])
    if not _ID.fullmatch(chart_id):
        raise BookError(
            path,
            line_of("id"),
            f'chart id "{chart_id}" is not lower-case words joined by hyphens',
            "use only a-z, 0-9 and -, such as six-models, and the same id in every language",
        )
    if settings["type"] not in TYPES:
        raise BookError(path, line_of("type"), f'unknown chart type "{settings["type"]}"', f"use one of {', '.join(TYPES)}")
    if not isinstance(settings.get("log", False), bool):
        raise BookError(path, line_of("log"), "`log` is neither true nor false", "write `log: true` or leave the line out")
    values = settings["values"]
    settings["values"] = tuple(str(v) for v in (values if isinstance(values, list) else [values]))
    if settings["type"] == "scatter" and len(settings["values"]) != 2:
        raise BookError(
            path,
            line_of("values"),
            f"a scatter chart needs two value columns, not {len(settings['values'])}",
            "write `values: [x column, y column]`",
        )
    for key in ("labels", "group", "title", "caption"):
        if key in settings and not isinstance(settings[key], (str, int, float)):
            raise BookError(path, line_of(key), f"`{key}` is not a single piece of text", f"write `{key}: text` on one line")
    if "pick" in settings:
        settings["pick"] = _read_picks(settings["pick"], settings["values"], path, line_of("pick"))
    return settings


def _read_picks(pick, value_columns: tuple[str, ...], path: str, line: int) -> tuple[Pick | None, ...]:
    """`pick: first` for every value column, or `pick:` with one `column: rule` line for each column it applies to."""
    if isinstance(pick, str):
        rules = {column: pick for column in value_columns}
    elif isinstance(pick, dict) and pick:
        rules = {}
        for column, rule in pick.items():
            if str(column) not in value_columns:
                raise BookError(
                    path,
                    line,
                    f'`pick` names column "{column}", which is not in `values`',
                    f"use the names in `values`: {', '.join(value_columns)}",
                )
            rules[str(column)] = rule
    else:
        raise BookError(
            path,
            line,
            "`pick` is neither a rule nor a list of columns with their rules",
            "write `pick: first`, or `pick:` followed by one indented `column: rule` line per column",
        )
    picks = []
    for column in value_columns:
        rule = rules.get(column)
        if rule is None:
            picks.append(None)
            continue
        words = str(rule).split(maxsplit=1) if isinstance(rule, (str, int, float)) else []
        if not words or words[0] != PICK_RULE:
            raise BookError(path, line, f'unknown pick rule "{rule}" for column "{column}"', _PICK_FIX)
        unit = read_unit(words[1]) if len(words) > 1 else None
        if len(words) > 1 and unit is None:
            raise BookError(
                path,
                line,
                f'the pick rule "{rule}" for column "{column}" names no unit the book writes',
                f"use a currency sign or one of {', '.join(UNITS)}, such as `first $/1M tokens` or `first %`",
            )
        picks.append(Pick(unit))
    return tuple(picks)


def _resolve(settings: dict, table: Table, path: str, start: int, end: int) -> Chart:
    """The columns the marker names, looked up in the table, with every value cell read as a number."""
    chart_type = settings["type"]
    label_column = str(settings["labels"])
    value_columns = settings["values"]
    group_column = str(settings["group"]) if settings.get("group") is not None else None
    picks = settings.get("pick") or (None,) * len(value_columns)
    columns = {}
    for name in (label_column, *value_columns, *([group_column] if group_column else [])):
        index = table.column(name)
        if index is None:
            raise BookError(
                path,
                table.line,
                f'the table has no column "{name}" named in chart "{settings["id"]}"',
                f"use one of the column headings: {', '.join(table.header)}",
            )
        columns[name] = index
    rows = []
    for cells, line in zip(table.rows, table.row_lines):
        label = plain_text(cells[columns[label_column]])  # a chart shows what the reader reads: no ** or <br>
        group = plain_text(cells[columns[group_column]]) if group_column else None
        if not label or group == "":
            empty = label_column if not label else group_column
            raise BookError(path, line, f'the cell in column "{empty}" is empty', "write the label of this row")
        numbers = tuple(_number(cells[columns[c]], c, pick, path, line) for c, pick in zip(value_columns, picks))
        rows.append(Row(line, label, group, numbers))
    chart = Chart(
        id=str(settings["id"]),
        type=chart_type,
        label_column=label_column,
        value_columns=tuple(plain_text(column) for column in value_columns),
        group_column=group_column,
        log=bool(settings.get("log", False)),
        title=_one_line(settings["title"]),
        caption=_one_line(settings["caption"]),
        rows=tuple(rows),
        picks=tuple(picks),
        path=path,
        line=start + 1,
        marker=(start, end),
        table=table,
    )
    _check_values(chart)
    return chart


def _one_line(text) -> str:
    """Text for a caption: YAML may fold it over several lines, the figure shows it on one."""
    return " ".join(str(text).split())


def _number(cell: str, column: str, pick: Pick | None, path: str, line: int) -> Number:
    try:
        return pick_number(plain_text(cell), pick.unit) if pick else parse_number(plain_text(cell))
    except NotANumber as error:
        fix = f"write a number such as {EXAMPLES}, or N/A for a missing value"
        if not pick and error.reason == "is not a number" and any(c.isdigit() for c in cell):
            fix += "; to chart the number in a cell that also holds words, add `pick: first` to the marker"
        raise BookError(path, line, f'value "{error.text}" in column "{column}" {error.reason}', fix) from None


def _check_values(chart: Chart) -> None:
    """What would make a wrong picture: mixed units on one axis, repeated bars, values a log axis cannot show."""
    for index, column in enumerate(chart.value_columns):
        if all(row.values[index].missing for row in chart.rows):
            raise BookError(
                chart.path,
                chart.table.line,
                f'column "{column}" has no numbers',
                "fill in at least one value, or leave the column out of `values`",
            )
    # Bars share one value axis, so all their columns share a unit; a scatter chart has one per axis.
    axes = [range(len(chart.value_columns))] if chart.type != "scatter" else [[0], [1]]
    for axis in axes:
        first = None
        for index in axis:
            for row in chart.rows:
                number = row.values[index]
                if number.missing:
                    continue
                if first is None:
                    first = (row, number)
                elif number.unit != first[1].unit:
                    raise BookError(
                        chart.path,
                        row.line,
                        f'value "{number.text}" in column "{chart.value_columns[index]}" {unit_phrase(number.unit)}, '
                        f'but "{first[1].text}" on line {first[0].line} {unit_phrase(first[1].unit)}',
                        "write every value on one axis in the same unit, or chart those columns separately",
                    )
    if chart.type == "scatter":
        for row in chart.rows:
            for number, column in zip(row.values, chart.value_columns):
                if number.is_range:
                    raise BookError(
                        chart.path,
                        row.line,
                        f'value "{number.text}" in column "{column}" is a range, which a scatter chart cannot place',
                        "use a bar or hbar chart for ranges, or write one number",
                    )
    if chart.type != "scatter":
        seen = {}
        for row in chart.rows:
            if row.label in seen:
                raise BookError(
                    chart.path,
                    row.line,
                    f'label "{row.label}" is also on line {seen[row.label]}',
                    "give every bar its own label, or split the table in two",
                )
            seen[row.label] = row.line
    if chart.log:
        for row in chart.rows:
            for number, column in zip(row.values, chart.value_columns):
                if not number.missing and number.value <= 0:
                    raise BookError(
                        chart.path,
                        row.line,
                        f'value "{number.text}" in column "{column}" cannot be drawn on a log scale',
                        "remove `log: true`, or write N/A for a value that is not positive",
                    )
