"""What turns a page of the site into a chapter of a book, in the HTML both the PDF and the EPUB are made from:
the books' own title for a page, headings a level down inside a Part, captions inside their tables,
cross-references marked for page numbers, note calls kept apart, and every run in the other language marked.
"""

from __future__ import annotations

import html
import re

FIRST_H1 = re.compile(r"(<h1\b[^>]*>)(.*?)(</h1>)", re.S)
HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")
# A numbered table's caption (book.markdown.numbering writes it as a paragraph that names the table).
TABLE_CAPTION = re.compile(r'<p class="book-caption" id="([^"]+)">(.*?)</p>\s*<table aria-labelledby="\1" tabindex="0">', re.S)
# A link the author wrote to another place in the book (the book's own links carry a class before their href).
CROSS_REFERENCE = re.compile(r'<a href="(book:[^"]*)"')
# Two note calls side by side would print as one number ("67").
NEXT_NOTE = re.compile(r"(</a></sup>)(<sup id=\"[^\"]*fnref)")
TAG = re.compile(r"(<[^>]+>)")
# Elements whose text is not running prose: code, drawings, and anything already marked with a language.
KEEP = {"code", "pre", "svg", "script", "style", "kbd", "samp", "title", "desc"}
VOID = {"br", "hr", "img", "col", "wbr", "source", "input", "meta", "link"}
# Japanese (kana, kanji, full-width forms and their punctuation) inside English text.
JAPANESE = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+(?:[ \u3000]*[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+)*"
)
# English inside Japanese text: two words or more of Latin letters (a lone name or abbreviation is read as Japanese).
_WORD = r"(?:[A-Za-z0-9'’.\-]|&amp;)+"
ENGLISH = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z]{_WORD}?(?: {_WORD})+")
OTHER = {"en": ("ja", JAPANESE), "ja": ("en", ENGLISH)}


def book_html(page_html: str, lang: str, title: str | None, demote: bool) -> str:
    """A page's HTML as a chapter: `title` (the books' own, if the page gives one) on its first heading; headings
    one level down in a section of a Part (the Part is the h1); and the rest of what the module's docstring lists."""
    if title:
        page_html = FIRST_H1.sub(lambda m: m[1] + html.escape(title, quote=False) + m[3], page_html, count=1)
    if lang == "en":  # what Python-Markdown's smarty did not see: raw HTML such as a chart's caption and drawing
        page_html = each_text(page_html, curly_quotes, KEEP - {"svg", "title", "desc"})
    if demote:
        page_html = HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", page_html)
    page_html = TABLE_CAPTION.sub(r'<table id="\1"><caption>\2</caption>', page_html)
    page_html = CROSS_REFERENCE.sub(r'<a class="book-xref" href="\1"', page_html)
    page_html = NEXT_NOTE.sub(r'\1<sup class="book-note-separator">,</sup>\2', page_html)
    return mark_languages(page_html, lang)


# Straight quotes left after smarty: opening after a space or an opening bracket or dash, closing elsewhere; an
# apostrophe inside a word or before a decade ('90s).
OPENING_DOUBLE = re.compile(r'(^|(?<=[\s(\[{\u2014\u2013/]))"')
APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])'(?=[A-Za-z])|'(?=\d\ds\b)")
OPENING_SINGLE = re.compile(r"(^|(?<=[\s(\[{\u2014\u2013]))'")


def curly_quotes(text: str) -> str:
    """English straight quotes and apostrophes made typographic, as a book sets them."""
    text = text.replace("&quot;", '"').replace("&#x27;", "'").replace("&#39;", "'")  # text, not an attribute
    if '"' not in text and "'" not in text:
        return text
    text = OPENING_DOUBLE.sub("\u201c", text).replace('"', "\u201d")
    text = APOSTROPHE.sub("\u2019", text)
    return OPENING_SINGLE.sub("\u2018", text).replace("'", "\u2019")


def mark_languages(page_html: str, lang: str) -> str:
    """Every run of text in the other language wrapped in a span with its `lang`, outside code and drawings and
    outside elements that already name their language."""
    other, pattern = OTHER.get(lang, (None, None))
    if not other:
        return page_html
    return each_text(
        page_html, lambda text: pattern.sub(lambda m: f'<span lang="{other}">{m[0]}</span>', text), KEEP, (" lang=",)
    )


def each_text(page_html: str, change, keep: set[str], keep_marked: tuple[str, ...] = ()) -> str:
    """`change(text)` applied to every text between tags, except inside an element named in `keep` or whose
    opening tag holds one of `keep_marked`."""
    out, kept = [], []  # kept: the open elements, True for each whose text is left alone
    for token in TAG.split(page_html):
        if token.startswith("<"):
            out.append(token)
            name = re.match(r"</?([A-Za-z][A-Za-z0-9]*)", token)
            if not name:
                continue
            tag = name[1].lower()
            if token.startswith("</"):
                if kept:
                    kept.pop()
            elif tag not in VOID and not token.endswith("/>"):
                kept.append(tag in keep or any(mark in token for mark in keep_marked) or (bool(kept) and kept[-1]))
            continue
        out.append(change(token) if token and not (kept and kept[-1]) else token)
    return "".join(out)
