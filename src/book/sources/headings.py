"""Headings and their explicit {#id}s: the anchors every language shares."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from book.errors import BookError
from book.sources.fences import outside_fences

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
EXPLICIT_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
VALID_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    id: str | None


def headings(text: str) -> list[Heading]:
    """ATX headings outside code fences, with their explicit {#id} if any."""
    return list(_headings(text))


@functools.lru_cache(maxsize=1024)  # each page's headings are read by several checks, and again at each rebuild of serve
def _headings(text: str) -> tuple[Heading, ...]:
    found, lines = [], text.splitlines()
    front_matter_end = (
        next((n for n, line in enumerate(lines[1:], start=2) if line.strip() == "---"), 0) if text.startswith("---\n") else 0
    )
    for number, line in outside_fences(text):
        if number <= front_matter_end:
            continue
        match = HEADING.match(line)
        if match:
            explicit = EXPLICIT_ID.search(match["attrs"] or "")
            found.append(Heading(number, len(match["hashes"]), match["text"], explicit and explicit["id"]))
    return tuple(found)


def heading_problems(path: str, text: str) -> list[BookError]:
    """Every heading needs an explicit, valid, unique ID: anchors must not depend on the language."""
    errors, seen = [], {}
    for heading in headings(text):
        if heading.id is None:
            errors.append(
                BookError(
                    path,
                    heading.line,
                    f"heading {heading.text!r} has no explicit ID",
                    "end the heading with an ID shared by both languages, e.g. {#evidence-1}",
                )
            )
        elif not VALID_ID.match(heading.id):
            errors.append(
                BookError(
                    path,
                    heading.line,
                    f"heading ID #{heading.id} is not lowercase letters, digits and hyphens",
                    "use an ID such as #evidence-1",
                )
            )
        elif heading.id in seen:
            errors.append(
                BookError(
                    path,
                    heading.line,
                    f"heading ID #{heading.id} is already used on line {seen[heading.id]}",
                    "give each heading its own ID",
                )
            )
        else:
            seen[heading.id] = heading.line
    return errors
