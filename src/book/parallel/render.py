"""A side-by-side page's text: each language's page rendered whole by the book's Markdown (so tables, charts,
footnotes, citations and glossary terms are as on its own page), cut into its rows where the sources pair, and
laid out as one row per pair, each side in its own language.

IDs stay as they are in the interface's language (its sections' anchors work as on its own page); the other
language's get a prefix, `en-`, so no ID is written twice. Links to another page lead to its side-by-side page
while it has one, so the reader stays in the view they chose.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from book.errors import BookError
from book.parallel import pages
from book.parallel.pairs import Unit, units
from book.site import languages
from book.site.strings import STRINGS

MARK = "<!--book-pair-->"  # set before each row of a page's Markdown, found again in its HTML
# Where a side's links to its data folder point until the side is placed on a page: one rendering of a side
# serves both interfaces' side-by-side pages, whose folders differ.
DATA = "book-data:"
FOOTNOTES = '<div class="footnote">'  # Python-Markdown's footnotes, after the last row
_ID = re.compile(r'\b(id|for)="([^"]*)"')
_IDREFS = re.compile(r'\b(aria-labelledby|aria-describedby)="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')


@dataclass(frozen=True)
class Place:
    """Where a side-by-side page stands in the site."""

    page: str  # the page it shows, as a path in a language folder
    interface: str  # the language of its header, navigation and search
    url: str  # its own site-relative URL
    default: str
    use_directory_urls: bool
    paired: frozenset[str]  # the pages that have a side-by-side version
    data: dict[str, str]  # each language's data folder, relative to this page

    def prefix(self, lang: str) -> str:
        """What the IDs of `lang`'s side start with."""
        return "" if lang == self.interface else f"{lang}-"


def marked(text: str, path: str) -> tuple[str, list[Unit]]:
    """The page's Markdown with MARK before each row (so each list item becomes a list of its own), and the rows."""
    rows = units(text, path)
    starts = {row.line for row in rows}
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in starts:
            out += ["", MARK, ""]
        out.append(line)
    return "\n".join(out), rows


def cut(page_html: str, rows: int, path: str) -> tuple[list[str], str]:
    """The HTML of each row, and the footnotes after them."""
    parts = page_html.split(MARK)[1:]
    if len(parts) != rows:
        raise BookError(path, None, f"side by side, {rows} blocks were expected and {len(parts)} were rendered", "report this")
    notes = parts[-1].find(FOOTNOTES) if parts else -1
    footnotes = parts[-1][notes:] if notes >= 0 else ""
    if notes >= 0:
        parts[-1] = parts[-1][:notes]
    return [part.strip() for part in parts], footnotes.strip()


@dataclass(frozen=True)
class Side:
    """One language's page, rendered and cut into its rows, before it is placed on a side-by-side page."""

    kinds: tuple[str, ...]
    rows: tuple[str, ...]
    footnotes: str


def side(path: str, text: str, lang: str, convert: Callable[[str, str], str]) -> Side:
    """`lang`'s page (its `text`, named `path`) as rows; `convert(text, lang)` renders Markdown as the page's own
    rendering does, its data links starting with DATA."""
    marked_text, rows = marked(text, path)
    cells, footnotes = cut(convert(marked_text, lang), len(rows), path)
    return Side(tuple(row.kind for row in rows), tuple(cells), footnotes)


def page_html(sides: dict[str, Side], place: Place) -> str:
    """The paired page, a column for each of `sides` in their order."""
    langs = list(sides)
    first = sides[langs[0]]
    if any(len(sides[lang].rows) != len(first.rows) for lang in langs):
        raise BookError(place.page, None, "the languages do not pair", "run the source checks (make check)")
    out = ['<div class="book-parallel">', _row({lang: "" for lang in langs}, "head")]
    for index, kind in enumerate(first.kinds):
        out.append(_row({lang: _localised(sides[lang].rows[index], lang, place) for lang in langs}, kind))
    if any(sides[lang].footnotes for lang in langs):
        out.append(_row({lang: _localised(sides[lang].footnotes, lang, place) for lang in langs}, "footnotes"))
    out.append("</div>")
    return "\n".join(out)


def _row(cells: dict[str, str], kind: str) -> str:
    """One pair of `kind` (a block's kind, item, head or footnotes): each side with its `lang`, and the language's
    name above it where the columns stack."""
    inner = []
    for lang, cell in cells.items():
        name = html.escape(STRINGS[lang]["language_name"])
        label = f'<span class="book-pair__lang" aria-hidden="true">{name}</span>'
        inner.append(f'<div class="book-pair__side" lang="{lang}">{label}{cell}</div>')
    return f'<div class="book-pair book-pair--{kind}">{"".join(inner)}</div>'


def _localised(cell: str, lang: str, place: Place) -> str:
    """A side's HTML with its IDs prefixed (outside the interface's language) and its links to pages resolved."""
    prefix = place.prefix(lang)
    if prefix:
        cell = _ID.sub(lambda m: f'{m[1]}="{prefix}{m[2]}"', cell)
        cell = _IDREFS.sub(lambda m: f'{m[1]}="' + " ".join(prefix + token for token in m[2].split()) + '"', cell)
    cell = cell.replace(f'href="{DATA}', f'href="{place.data[lang]}')
    return _HREF.sub(lambda m: f'href="{html.escape(_href(html.unescape(m[1]), lang, place))}"', cell)


def _href(url: str, lang: str, place: Place) -> str:
    """Where a link of `lang`'s side leads from the side-by-side page."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return url
    fragment = f"#{place.prefix(lang)}{parts.fragment}" if parts.fragment else ""
    if not parts.path:
        return fragment or url
    if not parts.path.endswith(".md"):
        return url  # the data downloads, written for this page already
    target = posixpath.normpath(posixpath.join(posixpath.dirname(place.page), unquote(parts.path)))
    if target in place.paired:
        where = pages.url(target, place.interface, place.default, place.use_directory_urls)
    else:
        where, fragment = (
            languages.page_url(target, lang, place.default, place.use_directory_urls),
            (f"#{parts.fragment}" if parts.fragment else ""),
        )
    return languages.relative_url(where, place.url) + fragment
