"""Titles written once: what the book's lists show of each page must agree with the page.

The front page, each Part's list of its sections and the editions show a page's front-matter `title` and
`description` (book.outline). So every page they list needs both, its first heading must read as its title, a
Part's opening page must be titled with the Part's name in the nav (mkdocs.yml, or its language's
nav_translations), and a Part's list is asked for only on a Part's own page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path

from book import outline
from book.errors import BookError
from book.sources import frontmatter, headings
from book.sources.fences import outside_fences

_MARKUP = re.compile(r"[*_`]")  # emphasis and code marks, which a heading may have and a title has not


def problems(
    texts: Mapping[tuple[str, str], tuple[str, str]],
    docs: Path,
    langs: list[str],
    nav: list | None,
    nav_names: Mapping[str, Mapping[str, str]],
) -> list[BookError]:
    """`texts` is (lang, page) → (how messages name the file, its text) for every page there is."""
    shape = outline.book_layout(docs, langs[0], nav)
    openings = {pages[0]: name for name, pages in shape.parts if posixpath.basename(pages[0]) == outline.PART_OPENING}
    listed = [page for _, pages in shape.parts for page in pages] + list(shape.after)
    errors = []
    for (lang, page), (shown, text) in texts.items():
        if page in listed:
            errors += _title_problems(shown, text)
        if page in openings and nav:
            errors += _part_name_problems(shown, text, openings[page], (nav_names.get(lang) or {}), lang == langs[0])
        if page not in openings:
            errors += _marker_problems(shown, text)
    return errors


def _title_problems(shown: str, text: str) -> list[BookError]:
    matter = frontmatter.read(text, shown)
    errors, title = [], matter.scalar("title")
    for key in ("title", "description"):
        if not matter.scalar(key):
            errors.append(
                BookError(
                    shown,
                    1,
                    f"the front matter has no `{key}`",
                    f"add `{key}: …`: the front page and the Part's list of its sections show every page by its "
                    "title and its one-line description",
                )
            )
    first = next(iter(headings.headings(text)), None)
    if title and first and _MARKUP.sub("", first.text).strip() != title.strip():
        errors.append(
            BookError(
                shown,
                first.line,
                f"the heading {first.text!r} is not the page's title {title!r} (line {_line(matter, 'title')})",
                "write the same title in both: lists of the book's pages show the front matter's",
            )
        )
    return errors


def _part_name_problems(shown: str, text: str, nav_name: str, names: Mapping[str, str], default: bool) -> list[BookError]:
    matter = frontmatter.read(text, shown)
    title = matter.scalar("title")
    name = names.get(nav_name, nav_name)
    if not title or outline.part_name(title) == name:
        return []
    where = "mkdocs.yml's nav" if default or nav_name in names else "mkdocs.yml's nav, untranslated"
    fix = (
        f"name the Part the same in both places (after its name, the title may go on with "
        f"{' or '.join(repr(s) for s in outline.SUBTITLE_SEPARATORS)} and a subtitle)"
    )
    if where.endswith("untranslated"):
        fix = f"translate {nav_name!r} in this language's nav_translations in mkdocs.yml, or {fix}"
    return [
        BookError(
            shown,
            _line(matter, "title"),
            f"the title {title!r} does not begin with the Part's name in {where}, {name!r}",
            fix,
        )
    ]


def _marker_problems(shown: str, text: str) -> list[BookError]:
    return [
        BookError(
            shown,
            number,
            f"{outline.SECTIONS_MARKER} is on a page that opens no Part",
            "a Part's list of its sections goes on the Part's own page, the index.md that opens its section of the nav",
        )
        for number, line in outside_fences(text)
        if line.strip() == outline.SECTIONS_MARKER
    ]


def _line(matter: frontmatter.FrontMatter, key: str) -> int:
    pair = matter.keys.get(key)
    return matter.line(pair[1]) if pair else 1
