"""Numbers written into a page: captions above their tables, and references as linked names (表1-1, Figure 2-1)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from book.markdown import captions
from book.markdown.fences import FENCE
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


def apply(
    markdown: str,
    lang: str,
    labels: dict[tuple[str, str], Label],
    href: Callable[[Label], str],
) -> str:
    """The page with each table caption as a numbered paragraph and each reference as a link.

    `href(label)` is the link to a table or figure from this page. Unknown IDs stay as written: the checks report them.
    """
    out, fenced = [], False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        if fenced:
            out.append(line)
            continue
        caption = captions.read_caption(line) if captions.is_caption(line) else None
        label = caption and labels.get(("tbl", caption.id))
        if label:
            # A paragraph of its own with attributes (attr_list), so its words stay Markdown.
            out += [caption_html(label, lang, caption.text), f"{{: #{label.anchor} .book-caption }}"]
            continue
        out.append(_references(line, lang, labels, href))
    return "\n".join(out)


def _references(line: str, lang: str, labels, href) -> str:
    def link(match: re.Match) -> str:
        label = labels.get((match["kind"], match["id"]))
        if label is None:
            return match[0]
        return f'<a class="book-ref" href="{html.escape(href(label), quote=True)}">{html.escape(label.name(lang))}</a>'

    return captions.REFERENCE.sub(link, line)


_CAPTIONED_TABLE = re.compile(r'(<p\b[^>]*\bid="(?P<id>table-[^"]+)"[^>]*>(?:(?!</p>).)*</p>\s*<table)(?=[\s>])', re.DOTALL)


def label_tables(page_html: str) -> str:
    """Each captioned table named by its caption for assistive technology (aria-labelledby)."""
    return _CAPTIONED_TABLE.sub(lambda m: f'{m[1]} aria-labelledby="{m["id"]}"', page_html)
