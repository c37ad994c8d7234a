"""Markdown that could run code on readers' screens: the book is edited by pull requests from anyone.

Raw HTML may format (spans, line breaks, abbreviations) but never run: no script-bearing elements, no
event-handler attributes and no javascript: URLs, anywhere in a page outside code.
"""

from __future__ import annotations

import re

from book.errors import BookError
from book.markdown.fences import outside_fences

ELEMENTS = ("script", "iframe", "object", "embed", "style")
_ELEMENT = re.compile(r"<\s*(" + "|".join(ELEMENTS) + r")\b", re.I)
# An attribute named on… inside a tag: onclick=, onerror = …
_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I)
# javascript: as a link target, in Markdown or in an attribute; entities and spaces cannot hide it.
_SCRIPT_URL = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|(?:href|src|action|formaction)\s*=\s*[\"']?)\s*(?:j|&#0*106;|&#x0*6a;)\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:",
    re.I,
)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def problems(path: str, text: str) -> list[BookError]:
    """Every line of a page that would put script on a reader's screen."""
    errors = []
    for number, line in outside_fences(text):
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
    return errors
