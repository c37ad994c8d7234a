"""How numbers read in a page: in front of a caption or a chart's title, and in the line naming a chart's table."""

from __future__ import annotations

import html

from book.numbering.labels import Label


def caption_html(label: Label, lang: str, text: str) -> str:
    """The number in front of a caption or a chart's title."""
    return f'<span class="book-caption__number">{html.escape(label.name(lang))}</span> {text}'


SAME_DATA = {"ja": "{table}に同じデータがあります。", "en": "{table} has the same data."}


def figure_numbers(labels: dict[tuple[str, str], Label], lang: str) -> dict[str, tuple[str, str | None]]:
    """Chart id → (the number its caption starts with, the line naming its data table with a link), as
    book.charts.render takes them."""
    out = {}
    for (kind, item_id), label in labels.items():
        if kind != "fig":
            continue
        table = labels.get(("tbl", label.table)) if label.table else None
        same = table and SAME_DATA.get(lang, SAME_DATA["en"]).format(
            table=f'<a class="book-ref" href="#{table.anchor}">{html.escape(table.name(lang))}</a>'
        )
        out[item_id] = (caption_html(label, lang, "").rstrip(), same)
    return out
