"""The book's outline: its Parts and their sections in the nav's order, each page with the title, one-line
description and reading time the page itself gives.

A page's title and its one line are written once, in its front matter (`title`, `description`); a Part's name is
the nav's (mkdocs.yml, translated by the i18n plugin's `nav_translations`), and its opening page's title starts
with it (book.checks.titles). Everything that lists pages is made from this outline: the front page, each Part's
list of its sections (book.markdown.sections) and so the PDF and EPUB, which render the same pages.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from book.references.citations import REFERENCES_PAGE
from book.references.pages import nav_pages
from book.sources import frontmatter, headings, reading

# What separates a title from its subtitle: 「第1部：収束 ── 消えた性能格差」, "Part 1: The Convergence — …".
SUBTITLE_SEPARATORS = (" ── ", " — ")
PART_OPENING = "index.md"  # a Part's own page, first in its nav section (the theme's navigation.indexes)
SECTIONS_MARKER = "<!-- sections -->"  # where a Part's page lists its sections (book.markdown.sections)


@dataclass(frozen=True)
class Entry:
    """One page as lists show it."""

    rel: str  # its path in the language folder, e.g. part-1/1-1.md
    title: str
    description: str
    minutes: float  # reading time, unrounded
    lang: str  # the language of its text (the original's, where a translation is missing)

    @property
    def key(self) -> str:
        """The page's name without .md or index.md (part-1/1-1, part-1): the same online, offline and in any language."""
        stem = self.rel.removesuffix(".md")
        return "" if stem == "index" else stem.removesuffix("/index")


@dataclass(frozen=True)
class Part:
    name: str  # the nav's, in the outline's language
    opening: Entry | None  # the Part's own page (its index.md), if the nav gives it one
    sections: tuple[Entry, ...]

    @property
    def minutes(self) -> float:
        return sum(entry.minutes for entry in self.entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return ((self.opening,) if self.opening else ()) + self.sections


@dataclass(frozen=True)
class Outline:
    lang: str
    front: tuple[Entry, ...] = ()  # the pages before the first Part (the front page)
    parts: tuple[Part, ...] = ()
    closing: tuple[Entry, ...] = ()  # the chapters after the Parts (the Conclusion), up to the References
    apparatus: tuple[Entry, ...] = ()  # the References and every page after them

    @property
    def reading(self) -> tuple[Entry, ...]:
        """The pages a reader reads through, in order: each Part's opening and sections, then the closing chapters."""
        return tuple(entry for part in self.parts for entry in part.entries) + self.closing

    @property
    def start(self) -> Entry | None:
        """Where reading starts: the first section of the first Part (else the first page there is to read)."""
        first_sections = [part.sections[0] for part in self.parts if part.sections][:1]
        return (first_sections or list(self.reading) or [None])[0]

    def part_opened_by(self, rel: str) -> Part | None:
        return next((part for part in self.parts if part.opening and part.opening.rel == rel), None)


@dataclass(frozen=True)
class Layout:
    """The nav's shape, which every language shares: pages before the Parts, the Parts, pages after them."""

    front: tuple[str, ...]
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (the nav's name in the default language, its pages)
    after: tuple[str, ...]


def layout(nav: list) -> Layout:
    """A nav section (a name over a list of pages) is a Part; pages outside sections come before or after them."""
    front, parts, after = [], [], []
    for item in nav or []:
        entries = item.items() if isinstance(item, dict) else [(None, item)]
        for name, value in entries:
            if name is not None and isinstance(value, list):
                parts.append((str(name), tuple(nav_pages(value))))
            else:
                (after if parts else front).extend(nav_pages(value))
    return Layout(tuple(front), tuple(parts), tuple(after))


def folder_layout(docs: Path, lang: str) -> Layout:
    """For builders without a nav: each folder with an index.md is a Part (its other pages in name order), the
    language's index.md comes first and its other top-level pages after the Parts, in name order."""
    folder = docs / lang
    parts = []
    for part in sorted((p for p in folder.iterdir() if (p / PART_OPENING).is_file()), key=_natural):
        pages = sorted((p for p in part.glob("*.md") if p.name != PART_OPENING), key=_natural)
        rels = [f"{part.name}/{PART_OPENING}", *(f"{part.name}/{p.name}" for p in pages)]
        parts.append((part.name, tuple(rels)))
    top = sorted((p.name for p in folder.glob("*.md")), key=lambda name: (name != "index.md", _natural(Path(name))))
    front = tuple(top[:1]) if top[:1] == ["index.md"] else ()
    return Layout(front, tuple(parts), tuple(name for name in top if name not in front))


def book_layout(docs: Path, default: str, nav: list | None) -> Layout:
    """The nav's shape, or the folders' when there is no nav (MkDocs then lists every page)."""
    return layout(nav) if nav else folder_layout(docs, default)


def read(
    docs: Path, langs: list[str], nav: list | None = None, nav_names: Mapping[str, Mapping[str, str]] | None = None
) -> dict[str, Outline]:
    """Each language's outline from the nav (else the folders); `nav_names[lang]` translates the nav's Part names."""
    default = langs[0]
    shape = book_layout(docs, default, nav)
    outlines = {}
    for lang in langs:
        names = (nav_names or {}).get(lang) or {}

        def entries(rels, lang=lang) -> tuple[Entry, ...]:
            return tuple(found for rel in rels if (found := _entry(docs, lang, default, rel)))

        parts = []
        for name, rels in shape.parts:
            opening = _entry(docs, lang, default, rels[0]) if posixpath.basename(rels[0]) == PART_OPENING else None
            if nav:
                shown = names.get(name, name)
            else:  # a folder's name is no Part name: its opening's title begins with one
                shown = part_name(opening.title) if opening else name
            parts.append(Part(shown, opening, entries(rels[1:] if opening else rels)))
        cut = shape.after.index(REFERENCES_PAGE) if REFERENCES_PAGE in shape.after else len(shape.after)
        outlines[lang] = Outline(lang, entries(shape.front), tuple(parts), entries(shape.after[:cut]), entries(shape.after[cut:]))
    return outlines


def part_name(title: str) -> str:
    """A Part's name as its title begins: the title up to its subtitle."""
    for separator in SUBTITLE_SEPARATORS:
        title = title.split(separator, 1)[0]
    return title


def _entry(docs: Path, lang: str, default: str, rel: str) -> Entry | None:
    """The page in `lang`, or its original where the translation is missing (as the site shows it); None if neither."""
    for text_lang in dict.fromkeys((lang, default)):
        path = docs / text_lang / rel
        if path.is_file():
            return _page(path, path.stat().st_mtime_ns, rel, text_lang)
    return None


@functools.lru_cache(maxsize=1024)  # each page once per state of its file, for every build under serve
def _page(path: Path, _mtime: int, rel: str, lang: str) -> Entry:
    text = path.read_text(encoding="utf-8")
    matter = frontmatter.read(text, str(path))
    title = matter.scalar("title") or next((h.text for h in headings.headings(text)), rel)
    return Entry(rel, title, matter.scalar("description") or "", reading.minutes(matter.body, lang), lang)


def _natural(path: Path) -> list:
    """part-2 before part-10, 1-9 before 1-10."""
    return [int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", path.name)]
