"""The two languages must have the same pages and the same section IDs, in the same order."""

from __future__ import annotations

from pathlib import Path

from book.errors import BookError
from book.sources.headings import Heading, headings


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
                errors.append(
                    BookError(
                        f"docs/{other}/{page}",
                        None,
                        f"missing: docs/{lang}/{page} has no counterpart in {other}",
                        f"add docs/{other}/{page} (translate it, or copy the original and mark it untranslated)",
                    )
                )
    return errors


def renamed(original_text: str, translation_text: str) -> list[tuple[Heading, Heading]]:
    """Headings at the same place in both languages whose IDs differ, each lacking on the other side: one ID renamed."""
    a = [h for h in headings(original_text) if h.id]
    b = [h for h in headings(translation_text) if h.id]
    if len(a) != len(b):
        return []
    ids_a, ids_b = {h.id for h in a}, {h.id for h in b}
    return [(x, y) for x, y in zip(a, b) if x.id not in ids_b and y.id not in ids_a]


def rename_errors(path_a: str, path_b: str, pairs: list[tuple[Heading, Heading]]) -> list[BookError]:
    return [
        BookError(
            path_b, y.line, f"section #{y.id} is #{x.id} in {path_a}:{x.line}", f"give both languages the same ID: {{#{x.id}}}"
        )
        for x, y in pairs
    ]


def section_id_mismatches(original: tuple[str, str], translation: tuple[str, str]) -> list[BookError]:
    """Section IDs present in one language and not the other (one message for an ID renamed), or in another order."""
    (path_a, text_a), (path_b, text_b) = original, translation
    pairs = renamed(text_a, text_b)
    errors = rename_errors(path_a, path_b, pairs)
    a = [h for h in headings(text_a) if h.id and h not in {x for x, _ in pairs}]
    b = [h for h in headings(text_b) if h.id and h not in {y for _, y in pairs}]
    ids_a, ids_b = [h.id for h in a], [h.id for h in b]
    for heading in a:
        if heading.id not in ids_b:
            errors.append(
                BookError(
                    path_b,
                    None,
                    f"section #{heading.id} of {path_a}:{heading.line} is missing here",
                    f"add the heading with {{#{heading.id}}} to {path_b}, or remove it from both",
                )
            )
    for heading in b:
        if heading.id not in ids_a:
            errors.append(
                BookError(
                    path_b,
                    heading.line,
                    f"section #{heading.id} does not exist in {path_a}",
                    f"add it to {path_a} too, or remove it here",
                )
            )
    common_a = [i for i in ids_a if i in ids_b]
    common_b = [i for i in ids_b if i in ids_a]
    if not errors and common_a != common_b:
        # A repeated ID can make one list a prefix of the other: then they part where the shorter ends.
        first = next((j for j, (x, y) in enumerate(zip(common_a, common_b)) if x != y), min(len(common_a), len(common_b)))
        if first == len(common_b):
            first -= 1
        line = next(h.line for h in b if h.id == common_b[first])
        errors.append(
            BookError(
                path_b,
                line,
                f"sections are in another order than in {path_a} (#{common_b[first]} where #{common_a[first]} is expected)",
                "order the sections as in the original",
            )
        )
    return errors
