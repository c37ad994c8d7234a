"""Fenced code blocks: what the book's Markdown readers skip."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A fenced code block opens or closes (up to 3 spaces of indent, 3 or more backticks or tildes).
FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")


def outside_fences(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line that is not code: fences and what they enclose are left out."""
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line
