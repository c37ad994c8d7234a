"""Tables as the book sets them: each number in a cell kept whole, with its unit (350 tok/sec, $1.55/1Mトークン,
3倍, 100〜300), so it never breaks across lines on a narrow screen while the words around it still wrap; and
every table focusable, so keyboard users can scroll a wide one sideways.

    markdown_extensions:
      - book.markdown.cells
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from book.markdown import BookExtension, replace_in_text

# A number as the book writes one, with its range and unit; not the digits of a name (GPT-5.2, M4 Max, Qwen3).
NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.\-/#&])[$]?\d[\d.,]*(?:[〜~–-][$]?\d[\d.,]*)?"
    r"(?:\s?(?:%|[BT](?![A-Za-z])|tok/sec|倍|[x×](?![A-Za-z])|GB|bit|か月|months?(?![A-Za-z])))?"
    r"(?:/1M(?:トークン| tokens))?"
)
# Code in a cell is shown as written, and a link's words (a name, a citation's [1]) wrap as the link's.
_SKIP = frozenset({"code", "pre", "script", "a"})


class CellsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            table.set("tabindex", "0")
            for cell in table.iter("td"):
                replace_in_text(cell, NUMBER, _whole, _SKIP)


def _whole(match: re.Match) -> etree.Element:
    span = etree.Element("span", {"class": "book-nowrap"})
    span.text = match[0]
    return span


class CellsExtension(BookExtension):  # the book's options too, so a builder can hand every extension the same
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(CellsTreeprocessor(md), "book_cells", 6)  # after the inline text and attr_list


def makeExtension(**kwargs) -> CellsExtension:
    return CellsExtension(**kwargs)
