"""The PDF edition: the book as one HTML document, typeset by Vivliostyle (CSS paged media) in Debian's Chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from book import project
from book.editions import finish, front, hyphenation
from book.editions.chapters import Chapter, resolve_links, stylesheet
from book.errors import BookError
from book.project import CHROMIUM
from book.site.strings import STRINGS

STYLESHEET = Path(__file__).with_name("print.css")
VIVLIOSTYLE = project.ROOT / "node_modules" / ".bin" / "vivliostyle"
FOOTNOTE_LIST = re.compile(r'<div class="footnote">.*?</div>', re.S)
FOOTNOTE_ITEM = re.compile(r'<li id="([^"]+)">(.*?)</li>', re.S)
FOOTNOTE_REF = re.compile(r'<sup id="[^"]*"><a class="footnote-ref" href="[^"]*#([^"]+)">[^<]*</a></sup>')
BACKREF = re.compile(r'\s*(&#160;)?<a class="footnote-backref"[^>]*>.*?</a>')
TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
# A table this short is kept whole on one page with its caption; a longer one runs on, its header repeated.
KEEP_ROWS = 6
# Page margins (top, outer, bottom, gutter), which set the measure. English: 9.5 pt Charis SIL on 98 mm, some
# 65 characters a line. Japanese: 9 pt on exactly 36 characters (324 pt of the A5's 419.53), so justified
# Japanese is never letter-spaced.
MARGINS = {"en": ("17mm", "21mm", "19mm", "29mm"), "ja": ("17mm", "45.53pt", "19mm", "50pt")}


def page_css(lang: str) -> str:
    """The stylesheet's rules that depend on the language: margins, and the words around a cross-reference's page."""
    top, outer, bottom, gutter = MARGINS[lang]
    before, after = STRINGS[lang]["xref_page"]
    return (
        f"@page {{ margin: {top} {outer} {bottom} {gutter}; }}\n"
        f"@page :left {{ margin-left: {outer}; margin-right: {gutter}; }}\n"
        f"a.book-xref::after {{ content: {json.dumps(before, ensure_ascii=False)} target-counter(attr(href url), page) "
        f"{json.dumps(after, ensure_ascii=False)}; }}\n"
    )


def document(chapters: list[Chapter], lang: str) -> str:
    """The whole book as one HTML file: cover, title page, (English) copyright page, contents, every chapter,
    (Japanese) the 奥付."""
    ed = front.edition(lang)
    body = "".join(_chapter(c, lang) for c in chapters)
    body = resolve_links(body, lambda page, fragment: "#" + (fragment or _anchor_of(chapters, page)))
    colophon, okuzuke = (front.colophon(ed), "") if lang == "en" else ("", front.okuzuke(ed))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/><title>{front.TITLE}</title>'
        f'<meta name="author" content="{html.escape(ed.t["book_author"])}"/>'
        f'<link rel="stylesheet" href="print.css"/></head><body>'
        f"{front.cover(ed)}{front.title_page(ed)}{colophon}{contents(chapters, ed)}{body}{okuzuke}"
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


def _chapter(chapter: Chapter, lang: str) -> str:
    """A chapter as print sets it: footnotes at their calls, short tables kept whole, English hyphenated. A Part
    opens with its title alone on a right-hand page (a section of its own, so the page style stays there), then
    its introduction, which carries the Part's short title for the running heads."""
    page_html = TABLE.sub(_keep_if_short, _footnotes_in_place(chapter.html))
    if lang == "en":
        page_html = hyphenation.soft_hyphens(page_html)
    if chapter.kind != "part":
        return f'<section class="chapter chapter--{chapter.kind}" id="{chapter.anchor}">{page_html}</section>'
    title_end = page_html.index("</h1>") + len("</h1>")
    running = f'<p class="running-part" aria-hidden="true">{html.escape(chapter.part or chapter.title)}</p>'
    return (
        f'<section class="part-title" id="{chapter.anchor}">{page_html[:title_end]}</section>'
        f'<section class="chapter chapter--part">{running}{page_html[title_end:]}</section>'
    )


def _keep_if_short(match: re.Match) -> str:
    table = match.group(0)
    if table.count("<tr") > KEEP_ROWS:
        return table
    return table.replace("<table", '<table class="book-keep"', 1)


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
    (work / "print.css").write_text(stylesheet(STYLESHEET) + page_css(lang), encoding="utf-8")
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
    finish.finish(out, ed, last_page_stays_last=lang != "en")
    return out
