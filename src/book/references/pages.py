"""The nav's pages in reading order, and how the References page names the pages that cite an entry."""

from __future__ import annotations

import re
from pathlib import Path

from book.sources import headings


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
