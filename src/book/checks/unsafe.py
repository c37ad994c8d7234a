"""Markdown that could run code on readers' screens, or send them where the book cannot check: the book is edited
by pull requests from anyone.

Raw HTML may format (spans, line breaks, abbreviations) but never run: no script-bearing elements, no
event-handler attributes, no javascript: URLs and no data: links, anywhere in a page outside code, nor in an
SVG or HTML file that the site would publish beside the pages. A page's links and images stay inside docs/.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import PurePosixPath

from book.errors import BookError
from book.sources.fences import outside_fences

ELEMENTS = ("script", "iframe", "object", "embed", "style")
_ELEMENT = re.compile(r"<\s*(" + "|".join(ELEMENTS) + r")\b", re.I)
# An attribute named on… inside a tag: onclick=, onerror = …
_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I)
# javascript: as a link target, in Markdown or in an attribute; entities and spaces cannot hide it.
_SCRIPT_URL = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|(?:href|src|action|formaction)\s*=\s*[\"']?)\s*(?:j|&#0*106;|&#x0*6a;)\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:",
    re.I,
)
# data: as a link's target (an image may be data: — the security policy allows it — but a page may not).
_DATA_LINK = re.compile(
    r"(?:(?<!!)\[[^\]]*\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|(?:href|action|formaction)\s*=\s*[\"']?)\s*data\s*:", re.I
)
# The target of a Markdown link or image, or of an HTML attribute that loads or links.
_TARGET = re.compile(r"(?P<bang>!?)\[[^\]]*\]\(\s*<?(?P<md>[^)\s>]+)|(?P<attr>href|src)\s*=\s*[\"'](?P<html>[^\"']+)", re.I)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# Files beside the pages that a browser may run as a document.
ASSET_SUFFIXES = (".svg", ".html", ".htm", ".xml")


@functools.lru_cache(maxsize=1024)  # a page unchanged since the last build (serve) is not read again
def problems(path: str, text: str, page: PurePosixPath | None = None) -> tuple[BookError, ...]:
    """Every line of a page that would put script on a reader's screen; with the page's place inside docs/ (`page`),
    every link or image that leads out of docs/."""
    errors = []
    for number, line in outside_fences(text):
        if "<" not in line and "](" not in line and "]:" not in line:
            continue  # no tag, no link: nothing here can run or lead anywhere
        line = _CODE_SPAN.sub("", line)  # code is shown, not run
        element = _ELEMENT.search(line)
        if element:
            errors.append(
                BookError(
                    path,
                    number,
                    f"<{element[1].lower()}> is not allowed in the book's pages",
                    "write it in Markdown, or show it as code between backticks",
                )
            )
        handler = _HANDLER.search(line)
        if handler:
            errors.append(
                BookError(
                    path,
                    number,
                    f"the attribute {handler[1].lower()}= would run script",
                    "remove it: pages carry no event handlers",
                )
            )
        if _SCRIPT_URL.search(line):
            errors.append(
                BookError(path, number, "a javascript: link would run script", "link to a page or an https:// address instead")
            )
        if _DATA_LINK.search(line):
            errors.append(
                BookError(
                    path,
                    number,
                    "a data: link would open a page the book cannot check",
                    "link to a page or an https:// address instead",
                )
            )
        for match in _TARGET.finditer(line) if page is not None else ():
            target, image = match["md"] or match["html"], bool(match["bang"]) or (match["attr"] or "").lower() == "src"
            if _outside(page, target):
                fix = "put the file inside docs/ (beside the page, or in its language folder) and point at it there"
                errors.append(BookError(path, number, f"the {'image' if image else 'link'} {target} is outside docs/", fix))
    return tuple(errors)


def asset_problems(path: str, text: str) -> list[BookError]:
    """What would run script in an SVG or HTML file the site publishes as it is (its styles may stay)."""
    return [error for error in problems(path, text) if not error.problem.startswith("<style>")]


def _outside(page: PurePosixPath, target: str) -> bool:
    """Whether a relative target, read from the page's folder (`page` is its path inside docs/), leaves docs/."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith(("#", "/")):
        return False
    resolved = posixpath.normpath(posixpath.join(str(page.parent), target.split("#")[0]))
    return resolved == ".." or resolved.startswith("../")
