"""The data behind every numbered table and every chart: each CSV read back holds exactly the numbers of the table
it came from, in both languages; each chart's SVG carries its source and the licence; each language's
datapackage.json is a valid Tabular Data Package that describes its files; and every caption links its data."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree

import jsonschema
import pytest

from book import data, project
from book.charts.spec import find_charts
from book.checks import parity
from book.numbering import labels
from book.site import languages
from book.site.strings import STRINGS
from book.sources import captions
from book.sources.numbers import NotANumber, parse_number
from book.sources.tables import parse_table, plain_text, starts_table
from conftest import FIXTURE, ROOT

DOCS = ROOT / "docs"
LANGS = project.languages()
DEFAULT = LANGS[0]
PROFILE = json.loads((FIXTURE.parent / "frictionless" / "tabular-data-package.json").read_text(encoding="utf-8"))


def numbered_tables(lang: str) -> list[tuple[str, str, list[str], list[list[str]]]]:
    """(page, table id, header, rows) of every captioned table of a language's pages, as written."""
    found = []
    for page in parity.pages(DOCS, lang):
        if labels.division(page) is None:
            continue
        lines = (DOCS / lang / page).read_text(encoding="utf-8").split("\n")
        for index, line in enumerate(lines):
            caption = captions.read_caption(line)
            if caption:
                start = next(i for i in range(index + 1, len(lines)) if lines[i].strip())
                assert starts_table(lines, start)
                table = parse_table(lines, start, page)
                found.append((page, caption.id, list(table.header), [list(row) for row in table.rows]))
    return found


def read_csv(site, lang: str, name: str) -> list[dict]:
    path = site / languages.language_root(lang, DEFAULT) / data.FOLDER / name
    text = path.read_bytes().decode("utf-8")  # UTF-8, no byte-order mark
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def value(cell: str):
    """A cell read as the charts read it: a number, None for a missing value, or its words."""
    try:
        return parse_number(plain_text(cell))
    except NotANumber:
        return plain_text(cell)


@pytest.mark.parametrize("lang", LANGS)
def test_each_tables_csv_holds_exactly_its_numbers(site, lang):
    """A column whose every cell is a number (or a missing value) is numbers in the CSV, its notes beside them;
    any other column is its words as the reader sees them."""
    tables = numbered_tables(lang)
    assert tables, "the book has numbered tables"
    for _, table_id, header, rows in tables:
        got = read_csv(site, lang, data.table_file(table_id))
        assert len(got) == len(rows), table_id
        for index, column in enumerate(header):
            name, cells = plain_text(column), [value(row[index]) for row in rows]
            fields = [f for f in got[0] if f == name or f.startswith((f"{name} (", f"{name}（"))]
            assert fields, (table_id, name, list(got[0]))
            numeric = not any(isinstance(cell, str) for cell in cells) and len({c.unit for c in cells if not c.missing}) == 1
            for row, cell, written in zip(got, cells, (r[index] for r in rows)):
                if not numeric:
                    assert row[fields[0]] == plain_text(written), (table_id, name)
                    continue
                assert (float(row[fields[0]]) if row[fields[0]] else None) == cell.value, (table_id, name, written)
                if cell.note:
                    assert cell.note in [row[f] for f in fields[1:]], (table_id, name, written)
            assert numeric or len(fields) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_each_charts_csv_holds_the_numbers_it_draws(site, lang):
    charted = 0
    for page in parity.pages(DOCS, lang):
        for chart in find_charts((DOCS / lang / page).read_text(encoding="utf-8"), page):
            charted += 1
            got = read_csv(site, lang, data.chart_file(chart.id, "csv"))
            assert [row[plain_text(chart.label_column)] for row in got] == [row.label for row in chart.rows]
            for index, column in enumerate(chart.value_columns):
                field = next(f for f in got[0] if f == column or f.startswith((f"{column} (", f"{column}（")))
                written = [float(row[field]) if row[field] else None for row in got]
                assert written == [row.values[index].value for row in chart.rows], (chart.id, column)
    assert charted


@pytest.mark.parametrize("lang", LANGS)
def test_units_go_in_the_header_in_the_pages_language(site, lang):
    header = list(read_csv(site, lang, data.table_file("intelligence-index"))[0])
    assert header[-1] == {"ja": "価格（$）", "en": "Price ($)"}[lang]
    rows = read_csv(site, lang, data.table_file("six-models"))
    total = next(f for f in rows[0] if f in ("総パラメータ", "Total parameters"))
    assert rows[0][total] == "744000000000"  # 744B, written whole


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_package_is_a_valid_tabular_data_package_of_the_files(site, lang):
    folder = site / languages.language_root(lang, DEFAULT) / data.FOLDER
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in jsonschema.Draft4Validator(PROFILE).iter_errors(package)]
    assert not errors, "\n".join(errors)
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and STRINGS[lang]["attribution"] in package["description"]
    tables = {table_id for _, table_id, _, _ in numbered_tables(lang)}
    listed = {r["path"] for r in package["resources"]}
    assert {data.table_file(t) for t in tables} <= listed
    assert listed == {p.name for p in folder.glob("*.csv")}
    for resource in package["resources"]:
        rows = read_csv(site, lang, resource["path"])
        fields = resource["schema"]["fields"]
        assert list(rows[0]) == [f["name"] for f in fields], resource["name"]
        for field in fields:
            for row in rows:
                cell = row[field["name"]]
                if cell and field["type"] == "integer":
                    assert re.fullmatch(r"-?\d+", cell), (resource["name"], field["name"], cell)
                elif cell and field["type"] == "number":
                    float(cell)
        assert resource["licenses"] == package["licenses"]
        assert resource["sources"], resource["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_charts_svg_carries_its_source_and_the_licence(site, lang):
    folder = site / languages.language_root(lang, DEFAULT) / data.FOLDER
    for page in parity.pages(DOCS, lang):
        for chart in find_charts((DOCS / lang / page).read_text(encoding="utf-8"), page):
            drawing = ElementTree.parse(folder / data.chart_file(chart.id, "svg")).getroot()
            text = " ".join("".join(e.itertext()) for e in drawing.iter("{http://www.w3.org/2000/svg}text"))
            words = " ".join(text.split())
            assert chart.title in words and " ".join(chart.caption.split()) in words.replace("  ", " "), chart.id
            assert "CC BY 4.0" in words and ("Satoshi Yamauchi" in words or "山内 怜史" in words), chart.id


def test_each_caption_links_its_data(site):
    for lang in LANGS:
        for page, table_id, _, _ in numbered_tables(lang):
            url = languages.page_url(page, lang, DEFAULT, True)
            html = (site / url / "index.html").read_text(encoding="utf-8")
            caption = re.search(rf'<p class="book-caption" id="table-{table_id}">.*?</p>', html, re.S).group(0)
            href = re.search(r'<a href="([^"]+\.csv)" download', caption).group(1)
            assert (site / url / href).resolve() == (
                site / languages.language_root(lang, DEFAULT) / data.FOLDER / data.table_file(table_id)
            ).resolve()
        for page in parity.pages(DOCS, lang):
            for chart in find_charts((DOCS / lang / page).read_text(encoding="utf-8"), page):
                url = languages.page_url(page, lang, DEFAULT, True)
                html = (site / url / "index.html").read_text(encoding="utf-8")
                figcaption = re.search(
                    rf'<figure class="book-chart" id="chart-{chart.id}"><figcaption>.*?</figcaption>', html
                ).group(0)
                for suffix in ("csv", "svg"):
                    href = re.search(rf'<a href="([^"]+\.{suffix})" download', figcaption).group(1)
                    assert (site / url / href).resolve().is_file(), (chart.id, suffix)
