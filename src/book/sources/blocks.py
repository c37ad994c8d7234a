"""A page's top-level blocks as Python-Markdown reads them: headings, paragraphs, lists (with their items), quotes,
tables with their captions, charts with their tables, notes, code, markers the build fills, and the footnotes and
definitions that stand outside the running text. Side-by-side reading pairs each block with its counterpart.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from book.charts.spec import find_charts
from book.sources import captions
from book.sources.fences import FENCE
from book.sources.frontmatter import read as read_front_matter
from book.sources.headings import EXPLICIT_ID, HEADING
from book.sources.tables import starts_table

# Kinds a reader sees in the running text, in the words of an error message.
NAMES = {
    "heading": "a heading",
    "paragraph": "a paragraph",
    "list": "a list",
    "quote": "a quotation",
    "table": "a table",
    "figure": "a chart",
    "note": "a note",
    "code": "a code block",
    "marker": "a marker the build fills",
    "html": "an HTML block",
    "rule": "a rule",
}
ASIDE = ("footnote", "definition")  # blocks Python-Markdown takes out of the running text
LIST_ITEM = re.compile(r"^(?P<indent> {0,3})(?:[-*+]|\d+[.)])\s+")
FOOTNOTE = re.compile(r"^\[\^(?P<id>[^\]\s]+)\]:")
DEFINITION = re.compile(r"^(?:\*\[[^\]]+\]:|\[[^\]^][^\]]*\]:\s)")  # an abbreviation, or a link's reference
NOTE = re.compile(r"^(?:!!!|\?\?\?\+?)\s")
RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
COMMENT = re.compile(r"^<!--.*-->$")
MARKS = re.compile(r"\[@[^\]\s]+\]|\[\[[a-z]+:[^\]\s]*\]\]|\[\^[^\]\s]+\](?!:)")  # citations, references, footnote marks


@dataclass(frozen=True)
class Block:
    kind: str  # one of NAMES, or footnote / definition
    line: int  # 1-based line in the file where it starts
    end: int  # 1-based line where it ends
    text: str  # its Markdown, as written
    key: str = ""  # what names it in both languages: a heading's ID, a table's or chart's ID, a footnote's name
    items: tuple[int, ...] = ()  # a list's items, by their first lines

    @property
    def marks(self) -> frozenset[str]:
        """The citations, table and figure references and footnote marks it carries, which a translation keeps."""
        return frozenset(MARKS.findall(self.text))


def blocks(text: str, path: str) -> list[Block]:
    """The page's blocks in order, front matter left out; a chart marker that does not read is a BookError."""
    return list(_blocks(text, path))


@functools.lru_cache(maxsize=1024)  # read by the source checks and again by the side-by-side pages
def _blocks(text: str, path: str) -> tuple[Block, ...]:
    lines = text.split("\n")
    start = read_front_matter(text, path).body_first_line - 1
    charts = {chart.marker[0]: chart for chart in find_charts(text, path)}
    found: list[Block] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if index in charts:  # the marker, its caption and its table are one figure
            chart = charts[index]
            found.append(_block("figure", lines, index, chart.table.end, chart.id))
            index = chart.table.end
            continue
        kind, end, key = _read(lines, index)
        found.append(_block(kind, lines, index, end, key))
        index = end
    return tuple(found)


def _block(kind: str, lines: list[str], start: int, end: int, key: str = "") -> Block:
    text = "\n".join(lines[start:end]).rstrip()
    items = tuple(start + 1 + n for n, line in enumerate(lines[start:end]) if kind == "list" and LIST_ITEM.match(line))
    end = start + len(text.split("\n"))
    return Block(kind, start + 1, end, text, key, items)


def _read(lines: list[str], index: int) -> tuple[str, int, str]:
    """(kind, index after it, key) of the block starting at `lines[index]`."""
    line = lines[index]
    fence = FENCE.match(line)
    if fence:
        close = next((i for i in range(index + 1, len(lines)) if lines[i].strip().startswith(fence["fence"])), len(lines) - 1)
        return "code", close + 1, ""
    heading = HEADING.match(line)
    if heading:
        explicit = EXPLICIT_ID.search(heading["attrs"] or "")
        return "heading", index + 1, explicit["id"] if explicit else ""
    if captions.is_caption(line):  # a caption and the table below it
        caption = captions.read_caption(line)
        after = _paragraph_end(lines, index)
        table = next((i for i in range(after, len(lines)) if lines[i].strip()), len(lines))
        if starts_table(lines, table):
            return "table", _paragraph_end(lines, table), caption.id if caption else ""
        return "paragraph", after, ""
    if starts_table(lines, index):
        return "table", _paragraph_end(lines, index), ""
    if COMMENT.match(line.strip()):
        return "marker", index + 1, line.strip()
    footnote = FOOTNOTE.match(line)
    if footnote:
        return "footnote", _indented_end(lines, _paragraph_end(lines, index, FOOTNOTE)), footnote["id"]
    if DEFINITION.match(line):
        return "definition", _paragraph_end(lines, index), ""
    if NOTE.match(line):
        return "note", _indented_end(lines, index + 1), ""
    if LIST_ITEM.match(line):
        return "list", _list_end(lines, index), ""
    if line.startswith(">"):
        return "quote", _paragraph_end(lines, index), ""
    if RULE.match(line):
        return "rule", index + 1, ""
    if line.startswith("<"):
        return "html", _paragraph_end(lines, index), ""
    return "paragraph", _paragraph_end(lines, index), ""


def _paragraph_end(lines: list[str], index: int, stop: re.Pattern = HEADING) -> int:
    """The first blank line after `index`, or the first line `stop` matches (a heading ends a paragraph too, as
    Python-Markdown reads it; a footnote's definition ends at the next one)."""
    end = index + 1
    while end < len(lines) and lines[end].strip() and not HEADING.match(lines[end]) and not stop.match(lines[end]):
        end += 1
    return end


def _indented_end(lines: list[str], index: int) -> int:
    """After the blocks indented under the block that ends at `index` (a note's or a footnote's body)."""
    end = index
    while True:
        following = next((i for i in range(end, len(lines)) if lines[i].strip()), len(lines))
        if following == len(lines) or not lines[following].startswith(("    ", "\t")):
            return end
        end = _paragraph_end(lines, following)


def _list_end(lines: list[str], index: int) -> int:
    """After the list starting at `index`: its items, their indented lines, and items after blank lines."""
    end = _paragraph_end(lines, index)
    while True:
        following = next((i for i in range(end, len(lines)) if lines[i].strip()), len(lines))
        if following == len(lines):
            return end
        line = lines[following]
        if not (line.startswith(("    ", "\t")) or LIST_ITEM.match(line)):
            return end
        end = _paragraph_end(lines, following)
