"""Markdown pipe tables, read strictly: a marked table that Markdown would silently pad is an error here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from book.errors import BookError

_DELIMITER_CELL = re.compile(r":?-+:?")
_BACKTICKS = re.compile(r"`+")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int  # 1-based line of the header row
    row_lines: tuple[int, ...]  # 1-based line of each row
    end: int  # 0-based index of the first line after the table

    def column(self, name: str) -> int | None:
        return self.header.index(name) if name in self.header else None


def _code_span_end(text: str, start: int) -> int:
    """Index after the code span opening at `text[start]`, or after its backticks when it is never closed."""
    run = _BACKTICKS.match(text, start).group()
    close = text.find(run, start + len(run))
    return close + len(run) if close != -1 else start + len(run)


def split_row(line: str) -> list[str]:
    """The cells of one table line: `\\|` is a literal pipe, and pipes inside `code` do not split."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells, cell, i = [], [], 0
    while i < len(text):
        char = text[i]
        if text.startswith("\\|", i):
            cell.append("|")
            i += 2
            continue
        if char == "`":  # a code span is copied whole, pipes included
            end = _code_span_end(text, i)
            cell.append(text[i:end])
            i = end
            continue
        if char == "|":
            cells.append("".join(cell).strip())
            cell = []
        else:
            cell.append(char)
        i += 1
    cells.append("".join(cell).strip())
    return cells


def starts_table(lines: list[str], index: int) -> bool:
    """Whether a table (a row with a pipe, then a delimiter row) starts at `lines[index]`."""
    if index + 1 >= len(lines) or "|" not in lines[index]:
        return False
    return "|" in lines[index + 1] and all(_DELIMITER_CELL.fullmatch(c) for c in split_row(lines[index + 1]))


def parse_table(lines: list[str], start: int, path: str) -> Table:
    """The table whose header is `lines[start]`; it ends at the first blank line."""
    header = tuple(split_row(lines[start]))
    delimiter = split_row(lines[start + 1]) if start + 1 < len(lines) else []
    if len(delimiter) != len(header) or not all(_DELIMITER_CELL.fullmatch(c) for c in delimiter):
        raise BookError(
            path,
            start + 2,
            f"the line under the table header has {len(delimiter)} entries for {len(header)} columns",
            "write one `---` (or `---:` to align right) per column, such as | --- | ---: |",
        )
    for name in header:
        if not name:
            raise BookError(path, start + 1, "a column of the table has no name", "give every column a heading")
    rows, row_lines = [], []
    index = start + 2
    while index < len(lines) and lines[index].strip():
        cells = split_row(lines[index]) if "|" in lines[index] else [lines[index].strip()]
        if len(cells) != len(header):
            raise BookError(
                path,
                index + 1,
                f"the row has {len(cells)} cells but the table has {len(header)} columns",
                "give every row one cell per column (write N/A in a cell with no value)",
            )
        rows.append(tuple(cells))
        row_lines.append(index + 1)
        index += 1
    if not rows:
        raise BookError(path, start + 1, "the table has no rows", "add a row of data under the header")
    return Table(header, tuple(rows), start + 1, tuple(row_lines), index)


def escape_html(line: str) -> str:
    """The line with `&`, `<` and `>` written as entities outside code spans: cells are data, never markup."""
    out, i = [], 0
    while i < len(line):
        if line[i] == "`":
            end = _code_span_end(line, i)
            out.append(line[i:end])
            i = end
            continue
        out.append(_ENTITIES.get(line[i], line[i]))
        i += 1
    return "".join(out)


# Inline Markdown a cell may hold, and the words a reader sees in its place.
_INLINE = (
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),  # a line break inside a cell
    (re.compile(r"\s*\[\^[^\]\s]+\]"), ""),  # a footnote mark, [^name]
    (re.compile(r"\s*\[@[^\]\s]+\]"), ""),  # a citation, [@key]
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),  # **bold**
    (re.compile(r"(?<![\w_])__(.+?)__(?![\w_])"), r"\1"),  # __bold__
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"`([^`]*)`"), r"\1"),  # `code`
)


def plain_text(cell: str) -> str:
    """A cell as the words a reader sees: bold, emphasis, code, links, footnote marks, citations and <br> removed."""
    for pattern, replacement in _INLINE:
        cell = pattern.sub(replacement, cell)
    return " ".join(cell.split())
