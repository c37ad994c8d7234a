"""The book's own Markdown syntax as Python-Markdown extensions, which mkdocs.yml lists and any builder can run.

Each extension takes the page's language (`lang`), its path inside its language folder (`page`), how it links
another page of the book (`link`) and what it needs from the other pages (`contents`, book.contents). The
MkDocs plugin sets these for every page; a builder that sets none gets links to the Markdown files, which
MkDocs and most converters turn into links to pages, and contents read from `docs_dir`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from book.contents import Contents, read_folder

# What stands for stashed HTML or an escaped character inside a text node: never cut one in two.
PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


class BookExtension(Extension):
    """The options every extension of the book takes."""

    def __init__(self, **kwargs):
        self.config = {
            "docs_dir": ["docs", "the folder with one folder of pages per language, read when `contents` is not given"],
            "lang": ["en", "the page's language"],
            "page": ["", "the page's path inside its language folder, such as part-1/1-1.md"],
            # Not None: Python-Markdown reads an option whose default is None as a yes or no.
            "link": ["", "link(path) → the href of another page of the book (a path in the language folder) from this one"],
            "contents": ["", "what the page needs from the rest of the book (book.contents.Contents)"],
            # The site sets it; print and e-books, which cannot offer a download, leave it empty.
            "data": [
                "",
                "the language's data folder (book.data) from this page, e.g. ../../data/: each numbered table's and chart's data linked beside its caption",
            ],
        }
        self.config.update({name: list(option) for name, option in getattr(self, "options", {}).items()})  # an extension's own
        super().__init__(**kwargs)

    @property
    def contents(self) -> Contents:
        return self.getConfig("contents") or read_folder(self.getConfig("docs_dir"), self.getConfig("lang"))

    def href(self, page: str, anchor: str = "") -> str:
        """The link to `page` (a path in the language folder) and an anchor on it, from this page."""
        here = self.getConfig("page")
        link: Callable[[str], str] | str = self.getConfig("link")
        if link:
            target = link(page)
        elif page == here:
            target = ""
        else:
            target = posixpath.relpath(page, posixpath.dirname(here) or ".")
        return target + (f"#{anchor}" if anchor else "")


def replace_in_text(
    root: etree.Element, pattern: re.Pattern, make: Callable[[re.Match], etree.Element | None], skip: frozenset[str]
) -> None:
    """Each match of `pattern` in the text under `root` replaced by the element `make(match)` gives (kept as text
    when it gives None); text under an element whose tag is in `skip` is left alone."""
    if root.tag in skip:
        return
    children = list(root)
    if root.text:
        parts = _split(root.text, pattern, make)
        root.text = parts[0]
        _insert(root, 0, parts[1:])
    for child in children:
        replace_in_text(child, pattern, make, skip)
        if child.tail:
            parts = _split(child.tail, pattern, make)
            child.tail = parts[0]
            _insert(root, list(root).index(child) + 1, parts[1:])


def _split(text: str, pattern: re.Pattern, make) -> list:
    """[text, element, text, element, …, text]: the text around each match made into an element."""
    masked = PLACEHOLDER.sub(lambda m: "\0" * len(m[0]), text) if "\x02" in text else text
    parts, position = [], 0
    for match in pattern.finditer(masked):
        made = make(match)
        if made is not None:
            parts += [text[position : match.start()], made]
            position = match.end()
    return [*parts, text[position:]]


def _insert(parent: etree.Element, index: int, parts: list) -> None:
    """Elements with the text after each as its tail, at `index` among `parent`'s children."""
    for offset in range(0, len(parts), 2):
        element, tail = parts[offset], parts[offset + 1]
        element.tail = tail or None
        parent.insert(index + offset // 2, element)


class _MarkerLine(Preprocessor):
    """A marker is an HTML comment, which Python-Markdown would set aside as raw HTML: it becomes a block of its own."""

    def __init__(self, md: Markdown, marker: str, stand_in: str):
        super().__init__(md)
        self.marker, self.stand_in = marker, stand_in

    def run(self, lines: list[str]) -> list[str]:
        return [self.stand_in if line.strip() == self.marker else line for line in lines]


class _MarkerBlock(BlockProcessor):
    def __init__(self, parser, stand_in: str, build: Callable[[etree.Element], None]):
        super().__init__(parser)
        self.stand_in, self.build = stand_in, build

    def test(self, parent, block: str) -> bool:
        return block.strip() == self.stand_in

    def run(self, parent, blocks: list[str]) -> None:
        blocks.pop(0)
        self.build(parent)


def replace_marker(md: Markdown, name: str, marker: str, build: Callable[[etree.Element], None]) -> None:
    """`marker` (`<!-- references -->`) on a line of its own becomes what `build(parent)` adds to the page there."""
    stand_in = f"\x02{name}\x03"
    md.preprocessors.register(_MarkerLine(md, marker, stand_in), name, 21)  # before raw HTML is set aside
    md.parser.blockprocessors.register(_MarkerBlock(md.parser, stand_in, build), name, 100)
