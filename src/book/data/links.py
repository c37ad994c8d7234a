"""The links beside a caption to the data behind it: データ：CSV SVG / Data: CSV SVG."""

from __future__ import annotations

import html

from book import data
from book.site.strings import STRINGS


def table_links(base: str, lang: str, name: str, table_id: str) -> str:
    return _links(base, lang, name, [("CSV", "data_csv", data.table_file(table_id))])


def chart_links(base: str, lang: str, name: str, chart_id: str) -> str:
    files = [("CSV", "data_csv", data.chart_file(chart_id, "csv")), ("SVG", "data_svg", data.chart_file(chart_id, "svg"))]
    return _links(base, lang, name, files)


def _links(base: str, lang: str, name: str, files: list[tuple[str, str, str]]) -> str:
    """`base` is the language's data folder relative to the page; each link's name says what it downloads."""
    text = STRINGS[lang]
    anchors = " ".join(
        f'<a href="{html.escape(base + file)}" download aria-label="{html.escape(text[label].format(name=name))}">{kind}</a>'
        for kind, label, file in files
    )
    return f'<span class="book-data" data-search-exclude>{html.escape(text["data"])}{anchors}</span>'
