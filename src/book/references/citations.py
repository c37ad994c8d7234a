"""Citations in the text: `[@key]` after a claim becomes a numbered link to its entry in References."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from book.errors import BookError, did_you_mean
from book.references.bibliography import Entry, citation_title
from book.sources.fences import FENCE, outside_fences
from book.sources.headings import EXPLICIT_ID, HEADING

CITATION = re.compile(r"\[@([^\]\s]*)\]")
REFERENCES_PAGE = "references.md"


@dataclass(frozen=True)
class Citation:
    key: str
    line: int
    section: str | None  # the ID of the heading the citation stands under


def find(text: str) -> list[Citation]:
    """Every `[@key]` outside code fences, with its line and section."""
    return list(_find(text))


@functools.lru_cache(maxsize=1024)  # the checks and the References page read each page's citations
def _find(text: str) -> tuple[Citation, ...]:
    found, section = [], None
    for number, line in outside_fences(text):
        heading = HEADING.match(line)
        if heading:
            explicit = EXPLICIT_ID.search(heading["attrs"] or "")
            section = explicit["id"] if explicit else section
        found += [Citation(m[1], number, section) for m in CITATION.finditer(line)]
    return tuple(found)


def problems(path: str, text: str, known: dict[str, Entry]) -> list[BookError]:
    """Citations whose key names no reference."""
    return [
        BookError(
            path,
            c.line,
            f"citation [@{c.key}] names no entry of docs/references.yml",
            did_you_mean(c.key, known, "[@{}]") + " (or add the entry to docs/references.yml)",
        )
        for c in find(text)
        if c.key not in known
    ]


def link(entry: Entry, lang: str, references_href: str) -> str:
    """The numbered link a citation becomes."""
    title = html.escape(citation_title(entry, lang), quote=True)
    return f'<a class="book-cite" href="{html.escape(references_href, quote=True)}#ref-{entry.key}" title="{title}">[{entry.number}]</a>'


def replace(markdown: str, lang: str, known: dict[str, Entry], references_href: str) -> str:
    """Each citation as its link; code fences are left alone and unknown keys stay (the checks report them)."""
    out, fenced = [], False
    for line in markdown.splitlines(keepends=True):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            line = CITATION.sub(lambda m: link(known[m[1]], lang, references_href) if m[1] in known else m[0], line)
        out.append(line)
    return "".join(out)


def cited_in(docs: Path, lang: str, pages: list[str], label) -> dict[str, list[tuple[str, str]]]:
    """For each key, the (label, page#section) of every page of one language that cites it, in book order.

    `pages` are the language's pages in reading order, `label(rel)` names a page for a reader.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for rel in pages:
        path = docs / lang / rel
        if not path.is_file():
            continue
        for citation in find(path.read_text(encoding="utf-8")):
            places = found.setdefault(citation.key, [])
            if all(target.split("#")[0] != rel for _, target in places):  # one link per page, to its first citing section
                places.append((label(rel), rel + (f"#{citation.section}" if citation.section else "")))
    return found


def check_book(docs: Path, langs: list[str], shown=lambda path: str(path)) -> list[BookError]:
    """The bibliography reads, every citation of every page names one of its entries, and every entry is cited
    somewhere in each language (an entry the text relies on without citing it reads "Not cited in the text")."""
    from book.references import bibliography

    where = shown(docs / "references.yml")
    try:
        known = bibliography.entries(bibliography.load(docs / "references.yml", where))
    except BookError as error:
        return [error]
    errors = []
    for lang in langs:
        cited, unknown = set(), []
        for path in sorted((docs / lang).rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            unknown += problems(shown(path), text, known)
            cited |= {citation.key for citation in find(text)}
        errors += unknown
        if unknown:
            continue  # a mistyped key leaves its entry uncited: the mistake is reported once, where it was made
        errors += [
            BookError(
                where,
                entry.line,
                f"[{entry.number}] {entry.key} is cited nowhere in {shown(docs / lang)}",
                f"cite it as [@{entry.key}] where that language's text relies on it, or remove the entry",
            )
            for key, entry in known.items()
            if key not in cited
        ]
    return errors
