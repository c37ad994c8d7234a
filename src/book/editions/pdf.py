"""The PDF edition: the book as one HTML document, typeset by Vivliostyle (CSS paged media) in Debian's Chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from book import project
from book.editions import front
from book.editions.chapters import Chapter, resolve_links, stylesheet
from book.errors import BookError
from book.project import CHROMIUM

STYLESHEET = Path(__file__).with_name("print.css")
VIVLIOSTYLE = project.ROOT / "node_modules" / ".bin" / "vivliostyle"
FOOTNOTE_LIST = re.compile(r'<div class="footnote">.*?</div>', re.S)
FOOTNOTE_ITEM = re.compile(r'<li id="([^"]+)">(.*?)</li>', re.S)
FOOTNOTE_REF = re.compile(r'<sup id="[^"]*"><a class="footnote-ref" href="[^"]*#([^"]+)">[^<]*</a></sup>')
BACKREF = re.compile(r'\s*(&#160;)?<a class="footnote-backref"[^>]*>.*?</a>')


def document(chapters: list[Chapter], lang: str) -> str:
    """The whole book as one HTML file: cover, title page, colophon, contents, then every chapter."""
    ed = front.edition(lang)
    body = "".join(
        f'<section class="chapter chapter--{c.kind}" id="{c.anchor}">{_part_title_page(c)}</section>' for c in chapters
    )
    body = resolve_links(body, lambda page, fragment: "#" + (fragment or _anchor_of(chapters, page)))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/><title>{front.TITLE}</title>'
        f'<meta name="author" content="{html.escape(ed.t["book_author"])}"/>'
        f'<link rel="stylesheet" href="print.css"/></head><body>'
        f"{front.cover(ed, chapters)}{front.title_page(ed, chapters)}{front.colophon(ed)}{contents(chapters, ed)}{body}"
        "</body></html>"
    )


def contents(chapters: list[Chapter], ed: front.Edition) -> str:
    """Nested like the nav: each Part with its sections; Vivliostyle reads it for the PDF's bookmarks too."""
    items, open_part = [], False
    for chapter in chapters:
        entry = f'<a href="#{chapter.anchor}">{html.escape(chapter.title)}</a>'
        if chapter.kind == "section":
            items.append(f"<li>{entry}</li>")
            continue
        if open_part:
            items.append("</ol></li>")
            open_part = False
        if chapter.kind == "part":
            items.append(f"<li>{entry}<ol>")
            open_part = True
        else:
            items.append(f"<li>{entry}</li>")
    if open_part:
        items.append("</ol></li>")
    return f'<nav id="toc" role="doc-toc"><h1>{html.escape(ed.t["contents"])}</h1><ol>{"".join(items)}</ol></nav>'


def _part_title_page(chapter: Chapter) -> str:
    """A Part's title on a right-hand page of its own, as a printed book opens a Part; its introduction follows."""
    page_html = _footnotes_in_place(chapter.html)
    if chapter.kind != "part":
        return page_html
    title_end = page_html.index("</h1>") + len("</h1>")
    return f'<div class="part-title">{page_html[:title_end]}</div>{page_html[title_end:]}'


def _anchor_of(chapters: list[Chapter], page: str) -> str:
    return next(c.anchor for c in chapters if c.rel == page)


def _footnotes_in_place(page_html: str) -> str:
    """Each footnote's text moved to where it is called, so `float: footnote` sets it at the foot of that page."""
    listing = FOOTNOTE_LIST.search(page_html)
    if not listing:
        return page_html
    notes = {
        note_id: re.sub(r"</?p>", " ", BACKREF.sub("", text)).strip() for note_id, text in FOOTNOTE_ITEM.findall(listing.group(0))
    }
    page_html = FOOTNOTE_LIST.sub("", page_html)
    return FOOTNOTE_REF.sub(lambda m: f'<span class="footnote-text" id="{m.group(1)}">{notes[m.group(1)]}</span>', page_html)


def build(chapters: list[Chapter], lang: str, out: Path, work: Path) -> Path:
    """Typeset the book in `lang` into `out` (A5); `work` keeps the HTML Vivliostyle read, for a look when it fails."""
    if not VIVLIOSTYLE.is_file():
        raise BookError(str(VIVLIOSTYLE), None, "Vivliostyle CLI is not installed", "run `make setup` (it runs `npm ci`)")
    if not Path(CHROMIUM).is_file():
        raise BookError(CHROMIUM, None, "Chromium is missing", "run scripts/install-browser.sh (make editions runs it)")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "book.html").write_text(document(chapters, lang), encoding="utf-8")
    (work / "print.css").write_text(stylesheet(STYLESHEET), encoding="utf-8")
    ed = front.edition(lang)
    # The document is its own table of contents: Vivliostyle makes the PDF's bookmarks from its nav.
    config = {
        "title": front.TITLE,
        "author": ed.t["book_author"],
        "language": lang,
        "entry": [{"path": "book.html", "rel": "contents"}],
        "output": str(out.resolve()),
    }
    (work / "vivliostyle.config.js").write_text(f"module.exports = {json.dumps(config, ensure_ascii=False)};\n", encoding="utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(VIVLIOSTYLE),
        "build",
        "--executable-browser",
        CHROMIUM,
    ]  # its log is kept for the error, never shown on success
    result = subprocess.run(command, cwd=work, capture_output=True, text=True)
    if result.returncode != 0 or not out.is_file():
        raise BookError(
            str(work / "book.html"),
            None,
            f"Vivliostyle failed: {result.stderr.strip() or result.stdout.strip()}",
            "open this file, the HTML it was given, to see what it could not lay out",
        )
    return out
