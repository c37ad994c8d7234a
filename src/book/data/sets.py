"""A page's numbered tables and its charts as data: named columns of values, read as the charts read them.

Numbers are read by book.sources.numbers, the charts' own reader. A value is written whole: 744B is 744000000000,
not 744 with "billions" in the header. A column may mix scales (1T beside 744B) and a reader's tool computes with
the number as it is; a scale chosen for the header would re-scale some cells silently. A unit (%, $, tok/s…)
goes in the header, in the page's language. A missing value (N/A, —) is an empty field; a range is two fields,
its lower and upper ends; a peak and a note in brackets get fields of their own, so nothing in a cell is lost.
A column that holds words, or numbers in more than one unit, stays text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from book import data
from book.charts.spec import Chart, find_charts
from book.numbering.labels import Label
from book.references import citations
from book.site.strings import STRINGS
from book.sources import captions
from book.sources.blocks import blocks
from book.sources.headings import headings
from book.sources.numbers import CURRENCIES, NotANumber, Number, parse_number
from book.sources.tables import Table, parse_table, plain_text, starts_table

# Units as each language writes them in a header (book.sources.numbers names them).
UNITS = {
    "ja": {"×": "倍", "months": "か月", "/1M tokens": "/1Mトークン"},
    "en": {},
}


@dataclass(frozen=True)
class Field:
    name: str  # the CSV's header for it, in the page's language, with its unit
    type: str  # integer, number or string (Table Schema's types)
    values: tuple[int | float | str | None, ...]  # one per row; None is a missing value


@dataclass(frozen=True)
class Dataset:
    name: str  # the file's name without its suffix: table-six-models, chart-six-models
    title: str  # as the page names it: 表1-1 新たに…, Figure 1-1 Total and active…
    page: str  # the page it is on, as a path in the language folder
    anchor: str  # its id on that page
    fields: tuple[Field, ...]
    source: str | None  # the source line a chart's caption gives
    cited: tuple[str, ...]  # the references cited in its section, by key
    chart: Chart | None = None  # a chart's data: drawn as SVG too

    @property
    def rows(self) -> list[tuple]:
        return list(zip(*(f.values for f in self.fields)))


def page_datasets(text: str, path: str, page: str, lang: str, labels: dict[tuple[str, str], Label]) -> list[Dataset]:
    """Every numbered table of a page and every chart on it, in the page's order."""
    lines, found = text.split("\n"), []
    charts = {chart.id: chart for chart in find_charts(text, path)}
    for block in blocks(text, path):
        if block.kind not in ("table", "figure"):
            continue
        start = next(i for i in range(block.line - 1, block.end) if starts_table(lines, i))
        table = parse_table(lines, start, path)
        caption = next(
            (captions.read_caption(lines[i]) for i in range(block.line - 1, start) if captions.is_caption(lines[i])), None
        )
        chart = charts.get(block.key) if block.kind == "figure" else None
        cited = _cited_in_section(text, block.line)
        source = chart.caption if chart else None
        label = labels.get(("tbl", caption.id)) if caption else None
        if label:
            found.append(
                Dataset(
                    data.table_file(label.id).removesuffix(".csv"),
                    f"{label.name(lang)} {plain_text(caption.text)}",
                    page,
                    label.anchor,
                    _table_fields(table, lang, path),
                    source,
                    cited,
                )
            )
        if chart:
            figure = labels.get(("fig", chart.id))
            title = f"{figure.name(lang)} {chart.title}" if figure else chart.title
            name = data.chart_file(chart.id, "csv").removesuffix(".csv")
            found.append(Dataset(name, title, page, f"chart-{chart.id}", _chart_fields(chart, lang), source, cited, chart))
    return found


def book_datasets(docs: Path, lang: str, pages: list[str], labels: dict[tuple[str, str], Label]) -> list[Dataset]:
    """Every dataset of a language, page by page in reading order (a page the language lacks reads as the original's,
    as the site shows it)."""
    found = []
    for page in pages:
        path = docs / lang / page
        if path.is_file():
            found += _datasets(path.read_text(encoding="utf-8"), path.as_posix(), page, lang, _frozen(labels))
    return found


@functools.lru_cache(maxsize=256)
def _datasets(text: str, path: str, page: str, lang: str, labels: tuple) -> tuple[Dataset, ...]:
    return tuple(page_datasets(text, path, page, lang, dict(labels)))


def _frozen(labels: dict) -> tuple:
    return tuple(sorted(labels.items()))


def _table_fields(table: Table, lang: str, path: str) -> tuple[Field, ...]:
    fields = []
    for index, header in enumerate(table.header):
        cells = [plain_text(row[index]) for row in table.rows]
        try:
            numbers = [parse_number(cell) for cell in cells]
        except NotANumber:
            numbers = None
        fields += (
            _number_fields(plain_text(header), numbers, lang) if numbers else [Field(plain_text(header), "string", tuple(cells))]
        )
    return tuple(fields)


def _chart_fields(chart: Chart, lang: str) -> tuple[Field, ...]:
    fields = [Field(plain_text(chart.label_column), "string", tuple(row.label for row in chart.rows))]
    if chart.group_column:
        fields.append(Field(plain_text(chart.group_column), "string", tuple(row.group for row in chart.rows)))
    for index, column in enumerate(chart.value_columns):
        fields += _number_fields(column, [row.values[index] for row in chart.rows], lang)
    return tuple(fields)


def _number_fields(header: str, numbers: list[Number], lang: str) -> list[Field]:
    """A column of numbers as fields: its values (or the two ends of its ranges), its peaks, its notes; as text
    when it holds no number or numbers in more than one unit."""
    units = {number.unit for number in numbers if not number.missing}
    if len(units) != 1:
        return [Field(header, "string", tuple(number.text for number in numbers))]
    text = STRINGS[lang]
    unit = units.pop()
    name = (
        header if not unit or _names_unit(header, unit, lang) else text["data_unit"].format(name=header, unit=_unit(unit, lang))
    )
    if any(number.is_range for number in numbers):
        fields = [
            _field(text["data_low"].format(name=name), [n.value for n in numbers]),
            _field(text["data_high"].format(name=name), [n.top for n in numbers]),
        ]
    else:
        fields = [_field(name, [n.value for n in numbers])]
    if any(number.peak is not None for number in numbers):
        fields.append(_field(text["data_peak"].format(name=name), [n.peak for n in numbers]))
    if any(number.note for number in numbers):
        fields.append(Field(text["data_note"].format(name=header), "string", tuple(n.note or None for n in numbers)))
    return fields


def _field(name: str, values: list[float | None]) -> Field:
    whole = all(v is None or float(v).is_integer() for v in values)
    return Field(name, "integer" if whole else "number", tuple(v if v is None else int(v) if whole else v for v in values))


def _unit(unit: str, lang: str) -> str:
    """A unit as the language writes it ($/1M tokens → $/1Mトークン)."""
    words = UNITS.get(lang, {})
    currency = unit[0] if unit[:1] in CURRENCIES else ""
    rest = unit[len(currency) :]
    return currency + words.get(rest, rest)


def _names_unit(header: str, unit: str, lang: str) -> bool:
    """The header already says the unit, as "Score (%)" does."""
    return any(f"{o}{_unit(unit, lang)}{c}" in header for o, c in (("(", ")"), ("（", "）")))


def _cited_in_section(text: str, line: int) -> tuple[str, ...]:
    """The references cited in the section (under the last heading before `line`) a table or chart stands in."""
    above = [h for h in headings(text) if h.line < line]
    section = above[-1].id if above else None
    return tuple(dict.fromkeys(c.key for c in citations.find(text) if c.section == section))
