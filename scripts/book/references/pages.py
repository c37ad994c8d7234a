"""Citations and the References list in the pages of one language: what the hook does with each page's Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from book.markdown import headings
from book.references import bibliography, citations


def nav_pages(nav) -> list[str]:
    """The Markdown pages of mkdocs.yml's nav, in reading order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav
    return [page for item in items for page in nav_pages(item)]


def label(path: Path) -> str:
    """How References names a citing page: its number (1-3, 第2部, Part 2), or its title up to a colon."""
    title = headings.headings(path.read_text(encoding="utf-8"))[0].text
    return re.split(r"[.：:]", title, maxsplit=1)[0].strip()


def cite(
    markdown: str,
    page: str,
    lang: str,
    groups: list[bibliography.Group],
    reading_order: list[str],
    docs: Path,
    url: Callable[[str], str],
) -> str:
    """Citations as numbered links; on the References page, the list with links back to each citing page.

    `page` is the page's path inside its language folder; `url(rel)` is another page's URL relative to this one.
    """
    if page == citations.REFERENCES_PAGE:
        found = citations.cited_in(docs, lang, reading_order, lambda rel: label(docs / lang / rel))
        cited = {key: [(name, _href(target, url)) for name, target in places] for key, places in found.items()}
        return markdown.replace(bibliography.MARKER, bibliography.render(groups, lang, cited))
    return citations.replace(markdown, lang, bibliography.entries(groups), url(citations.REFERENCES_PAGE))


def _href(target: str, url: Callable[[str], str]) -> str:
    rel, _, anchor = target.partition("#")
    return url(rel) + (f"#{anchor}" if anchor else "")
