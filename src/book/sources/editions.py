"""Text for one edition only: the site, or the printed and e-book editions (the books).

A page says what is true of the site alone (links, interactive charts, "this site") between `<!-- site -->` and
`<!-- /site -->` lines, and what the books say instead between `<!-- book -->` and `<!-- /book -->`. Each edition
keeps its own blocks and drops the other's with the marker lines, so a block may stand between two list items.
A book block holds no heading: the site's navigation and checks read headings from the whole page.
A page whose title differs in the books gives it in its front matter as `book_title:`.
"""

from __future__ import annotations

import re

from book.errors import BookError
from book.sources.fences import outside_fences
from book.sources.headings import HEADING

EDITIONS = ("site", "book")
# Other comments (chart markers, <!-- cite-this-book -->) are not markers.
MARKER = re.compile(r"^\s*<!--\s*(?P<close>/?)(?P<edition>site|book)\s*-->\s*$")
TITLE_KEY = "book_title"


def _blocks(text: str, path: str) -> tuple[list[tuple[str, int, int]], list[BookError]]:
    """(edition, opening line, closing line) of every block; and what is wrong with the markers."""
    blocks, errors, open_at = [], [], None
    for number, line in outside_fences(text):
        found = MARKER.match(line)
        if not found:
            continue
        edition = found["edition"]
        if not found["close"]:
            if open_at:
                problem = f"<!-- {edition} --> opens inside the {open_at[0]} block of line {open_at[1]}"
                errors.append(BookError(path, number, problem, f"close that block with <!-- /{open_at[0]} --> first"))
            else:
                open_at = (edition, number)
        elif not open_at or open_at[0] != edition:
            fix = f"open it above with <!-- {edition} -->, or remove this line"
            errors.append(BookError(path, number, f"<!-- /{edition} --> closes no {edition} block", fix))
        else:
            blocks.append((edition, open_at[1], number))
            open_at = None
    if open_at:
        errors.append(
            BookError(path, open_at[1], f"<!-- {open_at[0]} --> is never closed", f"end the block with <!-- /{open_at[0]} -->")
        )
    return blocks, errors


def problems(path: str, text: str) -> list[BookError]:
    """Unbalanced or unknown markers, and headings inside book blocks."""
    blocks, errors = _blocks(text, path)
    lines = text.splitlines()
    for edition, first, last in blocks:
        if edition != "book":
            continue
        for number in range(first + 1, last):
            if HEADING.match(lines[number - 1]):
                errors.append(
                    BookError(
                        path,
                        number,
                        "a heading inside a <!-- book --> block",
                        "keep headings outside book blocks (the site's navigation reads them); "
                        "a title of the books' own goes in the front matter as book_title:",
                    )
                )
    return errors


def for_edition(text: str, edition: str, path: str = "") -> str:
    """`text` as `edition` reads it: the other edition's blocks and every marker line left out. BookError on bad markers."""
    if "<!--" not in text:
        return text
    blocks, errors = _blocks(text, path)
    if errors:
        raise errors[0]
    dropped = set()
    for block_edition, first, last in blocks:
        dropped |= set(range(first, last + 1)) if block_edition != edition else {first, last}
    return "\n".join(line for number, line in enumerate(text.split("\n"), start=1) if number not in dropped)
