"""Where each page of the PDF begins, found in the book's chapters, for the EPUB's page list.

The PDF is read back (pdftotext, without its running heads and folios; its bookmarks give the page each chapter
starts on); each line of a page is looked for in the chapter that runs onto the page, from where the previous page
began, and in any chapter that starts on it; the earliest match marks the page's start (a footnote stands later
in the text, so it is not taken). A page
with no running text of its own (a blank page, a Part's title page) is left out of the list.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf

from book.editions.chapters import Chapter
from book.editions.typography import KEEP, TAG, VOID

# The type area of an A5 page in points, below the running heads and above the folios.
BODY_CROP = ["-x", "0", "-y", "45", "-W", "420", "-H", "505"]
IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011]+")
SHORTEST = 8  # characters of a line worth looking for: shorter ones (a folio, a label) match anywhere


def squeeze(text: str) -> str:
    """Text compared without spaces or hyphens (line ends differ), ligatures and full-width forms made plain."""
    return IGNORED.sub("", unicodedata.normalize("NFKC", text))


def pdf_pages(pdf: Path) -> list[str]:
    """The running text of every page of the PDF, in order (index 0 is page 1)."""
    out = subprocess.run(["pdftotext", "-q", *BODY_CROP, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def chapter_pages(pdf: Path) -> list[int]:
    """The page each bookmark of the PDF leads to, in order: one per chapter of the book."""
    with pikepdf.open(pdf) as document:
        numbers = {page.objgen: n for n, page in enumerate(document.pages, start=1)}
        found = []

        def walk(items) -> None:
            for item in items:
                destination = item.destination
                if isinstance(destination, (pikepdf.Name, pikepdf.String)):
                    destination = document.Root.Dests[str(destination)] if "/Dests" in document.Root else None
                if destination is not None:
                    found.append(numbers.get(destination[0].objgen, 0))
                walk(item.children)

        with document.open_outline() as outline:
            walk(outline.root)
    return found


class Text:
    """A chapter's text, squeezed, with where each of its characters stands in the chapter's HTML."""

    def __init__(self, page_html: str):
        chars, offsets, kept, position = [], [], [], 0
        for token in TAG.split(page_html):
            if token.startswith("<"):
                name = re.match(r"</?([A-Za-z][A-Za-z0-9]*)", token)
                if name and token.startswith("</"):
                    kept and kept.pop()
                elif name and name[1].lower() not in VOID and not token.endswith("/>"):
                    kept.append(name[1].lower() in KEEP or (bool(kept) and kept[-1]))
            elif not (kept and kept[-1]):
                for unit in re.finditer(r"&[#\w]+;|[^&]|&", token):  # a character, or an entity as one
                    for char in squeeze(html.unescape(unit[0])):
                        chars.append(char)
                        offsets.append(position + unit.start())
            position += len(token)
        self.text, self.offsets = "".join(chars), offsets


def page_starts(chapters: list[Chapter], pages: list[str], starts: list[int]) -> dict[str, list[tuple[int, int]]]:
    """For each chapter's anchor, (page number, offset in its HTML) of every PDF page that begins inside it;
    `starts` is the page each chapter starts on."""
    texts = [Text(chapter.html) for chapter in chapters]
    found: dict[str, list[tuple[int, int]]] = {chapter.anchor: [] for chapter in chapters}
    at_chapter, at = 0, 0
    for number, page in enumerate(pages, start=1):
        if number < starts[0]:
            continue  # the cover, title pages and contents are not the book's text
        running = max(i for i, start in enumerate(starts) if start <= number)
        before = max((i for i, start in enumerate(starts) if start < number), default=running)
        candidates = sorted({before, *(i for i, start in enumerate(starts) if start == number)})
        lines = [squeeze(line) for line in page.splitlines()]
        best = None
        for line in (line[:40] for line in lines if len(line) >= SHORTEST):
            for index in candidates:
                position = texts[index].text.find(line, at if index == at_chapter else 0)
                if position >= 0 and (best is None or (index, position) < best):
                    best = (index, position)
        if best is None or best < (at_chapter, at):
            continue
        at_chapter, at = best
        found[chapters[at_chapter].anchor].append((number, texts[at_chapter].offsets[at]))
        at += 1
    return found


def mark(page_html: str, starts: list[tuple[int, int]]) -> str:
    """The chapter's HTML with a page-break marker where each page of the PDF begins."""
    for number, offset in sorted(starts, key=lambda start: start[1], reverse=True):
        marker = f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{number}" aria-label="{number}"></span>'
        page_html = page_html[:offset] + marker + page_html[offset:]
    return page_html
