"""The same facts in every language: each table's cells carry the same numbers in the translation."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from book.errors import BookError
from book.sources.fences import FENCE
from book.sources.tables import Table, parse_table, starts_table

# A number as written in a cell: digits with decimal points and thousands commas (full-width folded).
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def tables(text: str, path: str) -> list[Table]:
    """Every pipe table of a page, outside code fences, in order."""
    return list(_tables(text, path))


@functools.lru_cache(maxsize=1024)  # each page's tables, read once per state of the page
def _tables(text: str, path: str) -> tuple[Table, ...]:
    lines = text.splitlines()
    found, index, fenced = [], 0, False
    while index < len(lines):
        if FENCE.match(lines[index]):
            fenced = not fenced
        elif not fenced and starts_table(lines, index):
            table = parse_table(lines, index, path)
            found.append(table)
            index = table.end
            continue
        index += 1
    return tuple(found)


def numbers(cell: str) -> list[str]:
    return NUMBER.findall(unicodedata.normalize("NFKC", cell))


def differing_numbers(original: str, translation: str) -> str | None:
    """What sets the translation's numbers apart from the original's, in any order; None when they are the same.

    Word order differs between languages, so "1Tのうち32B" and "32B of 1T" carry the same numbers.
    """
    mine, theirs = Counter(numbers(translation)), Counter(numbers(original))
    extra = ", ".join((mine - theirs).elements())
    lacking = ", ".join((theirs - mine).elements())
    if extra and lacking:
        return f"has {extra} where {{original}} has {lacking}"
    if extra:
        return f"has {extra}, which {{original}} does not"
    if lacking:
        return f"lacks {lacking}, which {{original}} has"
    return None


def table_mismatches(original: tuple[str, str], translation: tuple[str, str]) -> list[BookError]:
    """Tables present in one language only, of another shape, or with a cell whose numbers differ."""
    (path_a, text_a), (path_b, text_b) = original, translation
    try:
        a, b = tables(text_a, path_a), tables(text_b, path_b)
    except BookError as error:
        return [error]
    if len(a) != len(b):
        return [
            BookError(
                path_b,
                None,
                f"has {len(b)} table(s) where {path_a} has {len(a)}",
                "give both languages the same tables, in the same order",
            )
        ]
    errors = []
    for number, (ta, tb) in enumerate(zip(a, b), start=1):
        shape_a, shape_b = (len(ta.rows), len(ta.header)), (len(tb.rows), len(tb.header))
        if shape_a != shape_b:
            errors.append(
                BookError(
                    path_b,
                    tb.line,
                    f"table {number} has {shape_b[0]} rows × {shape_b[1]} columns, "
                    f"the same table in {path_a}:{ta.line} has {shape_a[0]} × {shape_a[1]}",
                    "give both languages the same rows and columns",
                )
            )
            continue
        for row_a, row_b, line_a, line_b in zip(ta.rows, tb.rows, ta.row_lines, tb.row_lines):
            for column, (cell_a, cell_b) in enumerate(zip(row_a, row_b)):
                difference = differing_numbers(cell_a, cell_b)
                if difference:
                    original = f"{cell_a!r} in {path_a}:{line_a}"
                    errors.append(
                        BookError(
                            path_b,
                            line_b,
                            f"table {number}, row {row_b[0]!r}, column {tb.header[column]!r}: {cell_b!r} "
                            + difference.format(original=original),
                            "write the same numbers, as digits, in both languages (in any order)",
                        )
                    )
    return errors
