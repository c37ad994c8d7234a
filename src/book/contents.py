"""What a page's Markdown needs from the rest of the book, read once per build for each language.

The book's Markdown extensions (book.markdown) turn a page's own syntax into HTML. A reference to a table on
another page, a citation's number or a glossary term needs the other pages too: a builder reads these once and
hands them to the extensions with every page (the MkDocs plugin does; a bare Python-Markdown gets them read
from `docs_dir`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from book import glossary
from book import outline as book_outline
from book.checks import parity
from book.numbering import labels as numbering
from book.numbering.labels import Label
from book.numbering.render import figure_numbers
from book.references import bibliography, citations
from book.references.pages import label as page_label
from book.references.pages import nav_pages

REFERENCES_FILE = "references.yml"  # beside the language folders
GLOSSARY_PAGE = "glossary.md"  # in each language folder


@dataclass(frozen=True)
class Contents:
    lang: str
    labels: dict[tuple[str, str], Label] = field(default_factory=dict)  # numbered tables and figures by (kind, id)
    references: tuple[bibliography.Group, ...] = ()  # the bibliography, in its groups
    cited_in: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key → (page's label, page#section)
    terms: tuple[glossary.Term, ...] = ()
    outline: book_outline.Outline | None = None  # the Parts and their sections, as the nav orders them

    @functools.cached_property
    def figures(self) -> dict[str, tuple[str, str | None]]:
        """Chart id → the number its caption starts with, and the line naming its data table."""
        return figure_numbers(self.labels, self.lang)

    @functools.cached_property
    def entries(self) -> dict[str, bibliography.Entry]:
        return bibliography.entries(list(self.references))


def read(
    docs: Path,
    langs: list[str],
    reading_order: list[str] | None = None,
    shown=lambda path: str(path),
    nav: list | None = None,
    nav_names: dict[str, dict[str, str]] | None = None,
) -> dict[str, Contents]:
    """Each language's contents; a page a language lacks reads as the first language's, as the site shows it.

    `reading_order` is the nav's pages (tables are numbered in that order); without it, the nav's, else the files'
    own order. `shown(path)` is how messages name a file (the checks' way: then what they have read is not read
    again). `nav` (mkdocs.yml's) and `nav_names` (each language's names for its sections) give the outline; without
    a nav, the outline is read from the folders.
    """
    default = langs[0]
    reading_order = reading_order or (nav_pages(nav) if nav else None)
    outlines = book_outline.read(docs, langs, nav, nav_names)
    order = numbering.complete_order(reading_order or [], docs, default)
    numbers = numbering.numbers_by_language(docs, langs, order, default, shown)
    groups = tuple(bibliography.load(docs / REFERENCES_FILE, f"{docs.name}/{REFERENCES_FILE}"))
    return {
        lang: Contents(
            lang,
            numbers[lang],
            groups,
            citations.cited_in(docs, lang, order, lambda rel, lang=lang: page_label(docs / lang / rel)),
            tuple(glossary.load(docs / lang / GLOSSARY_PAGE)),
            outlines[lang],
        )
        for lang in langs
    }


@functools.lru_cache(maxsize=4)
def read_folder(docs_dir: str, lang: str) -> Contents:
    """A language's contents from a docs folder alone (one folder per language, the first in name order the
    original), for builders that hand the extensions none."""
    docs = Path(docs_dir)
    langs = sorted(p.name for p in docs.iterdir() if p.is_dir() and parity.pages(docs, p.name))
    langs.sort(key=lambda name: name != lang)  # read `lang` as its own original when it is all there is
    return read(docs, langs)[lang]
