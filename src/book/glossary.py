"""Glossary terms, read from each language's glossary page (book.markdown.glossary explains each where a page first uses it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from book.errors import BookError

HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*\{(?P<attrs>[^}]*)\}\s*$")
ID_ATTR = re.compile(r"#(?P<id>[A-Za-z0-9_-]+)")
MATCH_ATTR = re.compile(r'data-match="(?P<forms>[^"]*)"')
INLINE_MARKUP = [(re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"), (re.compile(r"[*_`]{1,3}"), "")]


@dataclass(frozen=True)
class Term:
    id: str
    heading: str
    forms: tuple[str, ...]
    definition: str


def parse_glossary(text: str, path: str) -> list[Term]:
    """Terms in the order the glossary lists them; each H2 is a term, its first paragraph the definition."""
    lines = text.splitlines()
    terms = []
    for number, line in enumerate(lines, start=1):
        match = HEADING.match(line)
        if not match:
            continue
        term_id = ID_ATTR.search(match["attrs"])
        if not term_id:
            raise BookError(path, number, f"glossary term {match['text']!r} has no id", "add one, e.g. {#open-weight}")
        forms_attr = MATCH_ATTR.search(match["attrs"])
        forms = [f.strip() for f in forms_attr["forms"].split("|")] if forms_attr else [match["text"]]
        definition = _first_paragraph(lines[number:])
        if not definition:
            raise BookError(
                path,
                number,
                f"glossary term {match['text']!r} has no definition",
                "write a one- or two-sentence paragraph right under the heading",
            )
        terms.append(Term(term_id["id"], match["text"], tuple(f for f in forms if f), definition))
    return terms


def _first_paragraph(lines: list[str]) -> str:
    paragraph: list[str] = []
    for line in lines:
        if line.startswith("#"):
            break
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    text = " ".join(paragraph)
    for pattern, replacement in INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return text


def load(path: Path) -> list[Term]:
    return parse_glossary(path.read_text(encoding="utf-8"), str(path)) if path.is_file() else []
