"""The two languages must have the same pages and the same section IDs, in the same order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from book.errors import BookError

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
EXPLICIT_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
VALID_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A fenced code block opens or closes (up to 3 spaces of indent, 3 or more backticks or tildes).
FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    id: str | None


def pages(docs: Path, lang: str) -> list[str]:
    """Markdown pages of one language, as paths inside its folder."""
    root = docs / lang
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def missing_counterparts(docs: Path, languages: list[str]) -> list[BookError]:
    """A page present in one language and not in another."""
    present = {lang: set(pages(docs, lang)) for lang in languages}
    errors = []
    for lang in languages:
        for other in languages:
            for page in sorted(present[lang] - present[other]):
                errors.append(BookError(
                    f"docs/{other}/{page}", None, f"missing: docs/{lang}/{page} has no counterpart in {other}",
                    f"add docs/{other}/{page} (translate it, or copy the original and mark it untranslated)",
                ))
    return errors


def headings(text: str) -> list[Heading]:
    """ATX headings outside code fences, with their explicit {#id} if any."""
    found, fenced = [], False
    in_front_matter = text.startswith("---\n")
    for number, line in enumerate(text.splitlines(), start=1):
        if in_front_matter:
            if number > 1 and line.strip() == "---":
                in_front_matter = False
            continue
        if FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        match = HEADING.match(line)
        if match:
            explicit = EXPLICIT_ID.search(match["attrs"] or "")
            found.append(Heading(number, len(match["hashes"]), match["text"], explicit and explicit["id"]))
    return found


def heading_problems(path: str, text: str) -> list[BookError]:
    """Every heading needs an explicit, valid, unique ID: anchors must not depend on the language."""
    errors, seen = [], {}
    for heading in headings(text):
        if heading.id is None:
            errors.append(BookError(path, heading.line, f"heading {heading.text!r} has no explicit ID",
                                    "end the heading with an ID shared by both languages, e.g. {#evidence-1}"))
        elif not VALID_ID.match(heading.id):
            errors.append(BookError(path, heading.line, f"heading ID #{heading.id} is not lowercase letters, digits and hyphens",
                                    "use an ID such as #evidence-1"))
        elif heading.id in seen:
            errors.append(BookError(path, heading.line, f"heading ID #{heading.id} is already used on line {seen[heading.id]}",
                                    "give each heading its own ID"))
        else:
            seen[heading.id] = heading.line
    return errors


def section_id_mismatches(original: tuple[str, str], translation: tuple[str, str]) -> list[BookError]:
    """Section IDs present in one language and not the other, or in another order."""
    (path_a, text_a), (path_b, text_b) = original, translation
    a = [h for h in headings(text_a) if h.id]
    b = [h for h in headings(text_b) if h.id]
    ids_a, ids_b = [h.id for h in a], [h.id for h in b]
    errors = []
    for heading in a:
        if heading.id not in ids_b:
            errors.append(BookError(path_b, None, f"section #{heading.id} of {path_a}:{heading.line} is missing here",
                                    f"add the heading with {{#{heading.id}}} to {path_b}, or remove it from both"))
    for heading in b:
        if heading.id not in ids_a:
            errors.append(BookError(path_b, heading.line, f"section #{heading.id} does not exist in {path_a}",
                                    f"add it to {path_a} too, or remove it here"))
    common_a = [i for i in ids_a if i in ids_b]
    common_b = [i for i in ids_b if i in ids_a]
    if not errors and common_a != common_b:
        first = next(j for j, (x, y) in enumerate(zip(common_a, common_b)) if x != y)
        line = next(h.line for h in b if h.id == common_b[first])
        errors.append(BookError(path_b, line, f"sections are in another order than in {path_a} (#{common_b[first]} where #{common_a[first]} is expected)",
                                "order the sections as in the original"))
    return errors
