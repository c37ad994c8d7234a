"""The site navigation's top-level sections, each rendered once for the many pages on which it reads the same.

Every page carries the whole book's navigation, and the theme renders it anew for each: on a long book that is
most of the build. A section that does not hold the page is the same on every page, except for its links, which
are relative to the page. Those links read the same from every page equally deep in the site that leaves the
section's folder at the same level. So such a section is rendered once for each of those, and kept. The section
that holds the page marks it and holds its table of contents: it is rendered on every page, as is any section
whose folder holds the page.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from typing import Any


class Sections:
    """What one build's theme rendered of its navigation's top-level sections (a new build makes a new one)."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[str, int, int], Any] = {}
        self._folders: dict[str, tuple[str, ...] | None] = {}

    def render(self, render: Callable[[Any, str, int], Any], item: Any, path: str, page_url: str | None) -> Any:
        """The theme's `render(item, path, 1)` (its nav-item macro) for a top-level `item` of the navigation, on the
        page at `page_url` (None for a page that is not in the navigation, such as the 404 page)."""
        if path not in self._folders:  # the same on every page of the build
            self._folders[path] = _folder(item)
        folder = self._folders[path]
        if page_url is None or folder is None or getattr(item, "active", False):
            return render(item, path, 1)
        here = _directory(page_url)
        shared = _common_length(here, folder)
        if shared == len(folder):  # the page is inside the section's folder: its links there are shorter
            return render(item, path, 1)
        key = (path, len(here), shared)
        if key not in self._rendered:
            self._rendered[key] = render(item, path, 1)
        return self._rendered[key]


def _folder(item: Any) -> tuple[str, ...] | None:
    """The folder every page and link of `item` is in (as URL parts), or None when one of them is not a plain
    site-relative URL (an address elsewhere reads the same from every page, but `..` does not)."""
    urls = list(_urls(item))
    if not urls or any(url.startswith(("/", "#", "..")) or ":" in url.split("/")[0] for url in urls):
        return None
    parts = [_parts(url) for url in urls]
    return parts[0][: min(_common_length(parts[0], other) for other in parts)]


def _urls(item: Any):
    url = getattr(item, "url", None)
    if url is not None:
        yield url
    for child in getattr(item, "children", None) or ():
        yield from _urls(child)


@functools.lru_cache(maxsize=64)  # asked once for each top-level section of the page
def _directory(page_url: str) -> tuple[str, ...]:
    """The folder links on the page are relative to, as MkDocs reads it: a last part with a dot is a file."""
    folder, _, last = page_url.rpartition("/")
    return _parts(folder if "." in last else page_url)


def _parts(url: str) -> tuple[str, ...]:
    normal = posixpath.normpath("/" + url)[1:]
    return tuple(normal.split("/")) if normal else ()


def _common_length(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common
