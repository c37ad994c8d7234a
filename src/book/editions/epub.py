"""The EPUB 3 edition, written directly: one reflowable XHTML file per page of the site, a nav document and a cover."""

from __future__ import annotations

import html
import re
import time
import uuid
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

from book import project
from book.editions import front, pagelist
from book.editions.chapters import Chapter, anchor, resolve_links, stylesheet
from book.editions.pdf import contents
from book.errors import BookError
from book.site.strings import STRINGS

STYLESHEET = Path(__file__).with_name("epub.css")
VOID = re.compile(r"<(br|hr|img|col|wbr|source)\b([^>]*?)(?<!/)>")  # raw HTML in the sources may leave these open
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def _page(lang: str, title: str, body: str, body_attrs: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">'
        f'<head><meta charset="utf-8"/><title>{html.escape(title)}</title>'
        f'<link rel="stylesheet" type="text/css" href="style.css"/></head><body{body_attrs}>{body}</body></html>'
    )


def cover_svg(ed: front.Edition, subtitle: str) -> str:
    """The cover as an SVG image: the title and author on the book's colour, no font or image to fetch."""
    lines = [subtitle[i : i + 22] for i in range(0, len(subtitle), 22)] if ed.lang == "ja" else _wrap(subtitle, 38)
    text = "".join(
        f'<text x="60" y="{560 + 44 * n}" font-size="30" fill="#ffffff">{html.escape(line)}</text>'
        for n, line in enumerate(lines)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1420" width="1000" height="1420" font-family="sans-serif">'
        '<rect width="1000" height="1420" fill="#1a6b62"/>'
        '<text x="60" y="380" font-size="84" font-weight="bold" fill="#ffffff">The Edge of</text>'
        '<text x="60" y="480" font-size="84" font-weight="bold" fill="#ffffff">Intelligence</text>'
        f'{text}<text x="60" y="1240" font-size="34" fill="#ffffff">{html.escape(ed.t["cover_author"])}</text></svg>'
    )


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def identifier(lang: str) -> str:
    """The same identifier for every build of one language's book: a UUID named by the site's URL."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, project.site_url() + lang)}"


FOOTNOTES = re.compile(r'<div class="footnote">\s*<hr\s*/>\s*<ol>(.*?)</ol>\s*</div>', re.S)
FOOTNOTE = re.compile(r'<li id="([^"]+)">\s*(.*?)\s*</li>', re.S)
NOTE_CALL = re.compile(r'<sup id="([^"]+)"><a class="footnote-ref" href="([^"]+)">([^<]*)</a></sup>')
BACKLINK = re.compile(r'(?:&#160;|\s)*<a class="footnote-backref" href="([^"]+)"[^>]*>.*?</a>', re.S)


def notes(page_html: str) -> str:
    """Footnotes as an e-book marks them: each call a `noteref`, each note an `aside` of type `footnote` that
    starts with its number, which leads back to the call."""
    page_html = NOTE_CALL.sub(
        r'<sup id="\1"><a class="footnote-ref" epub:type="noteref" role="doc-noteref" href="\2">\3</a></sup>', page_html
    )
    calls = dict(re.findall(r'<sup id="([^"]+)"><a class="footnote-ref"[^>]*>([^<]*)</a>', page_html))

    def note(match: re.Match) -> str:
        note_id, text = match.groups()
        back = BACKLINK.search(text)
        text = BACKLINK.sub("", text)
        number = calls.get(back.group(1).rpartition("#")[2], "") if back else ""
        link = f'<a class="footnote-number" href="{back.group(1)}" role="doc-backlink">{number}</a> ' if back else ""
        text = re.sub(r"^<p>", f"<p>{link}", text, count=1)
        return f'<aside id="{note_id}" class="footnote" epub:type="footnote" role="doc-footnote">{text}</aside>'

    return FOOTNOTES.sub(lambda m: '<section class="footnotes">' + FOOTNOTE.sub(note, m.group(1)) + "</section>", page_html)


def build(chapters: list[Chapter], lang: str, out: Path, pdf: Path | None = None) -> Path:
    """The EPUB of `chapters` in `lang`; with the PDF already made (`pdf`), a page list keyed to its pages."""
    ed = front.edition(lang)
    starts = pagelist.page_starts(chapters, pagelist.pdf_pages(pdf), pagelist.chapter_pages(pdf)) if pdf else {}
    files: dict[str, str] = {}
    for chapter in chapters:
        body = pagelist.mark(chapter.html, starts.get(chapter.anchor, []))
        body = resolve_links(
            notes(body),
            lambda page, fragment: f"{anchor(page)}.xhtml" + (f"#{fragment}" if fragment else ""),
        )
        body = VOID.sub(r"<\1\2/>", body)
        files[f"{chapter.anchor}.xhtml"] = _page(lang, chapter.title, f'<section id="{chapter.anchor}">{body}</section>')
    subtitle = front.subtitle(lang)
    files["cover.xhtml"] = _page(
        lang, front.TITLE, f'<div class="cover"><img src="cover.svg" alt="{html.escape(front.TITLE + " — " + subtitle)}"/></div>'
    )
    files["title.xhtml"] = _page(lang, front.TITLE, front.title_page(ed) + (front.colophon(ed) if lang == "en" else ""))
    if lang != "en":
        files["colophon.xhtml"] = _page(lang, ed.t["okuzuke_published"].format(date=ed.date), front.okuzuke(ed))
    toc = contents(chapters, ed).replace('<nav id="toc" role="doc-toc">', '<nav epub:type="toc" id="toc" role="doc-toc">')
    toc = _toc_links(toc, chapters)
    landmarks = (
        '<nav epub:type="landmarks" hidden="hidden"><ol>'
        f'<li><a epub:type="cover" href="cover.xhtml">{html.escape(ed.t["cover"])}</a></li>'
        f'<li><a epub:type="toc" href="nav.xhtml">{html.escape(ed.t["contents"])}</a></li>'
        f'<li><a epub:type="bodymatter" href="{chapters[0].anchor}.xhtml">{html.escape(chapters[0].title)}</a></li>'
        "</ol></nav>"
    )
    files["nav.xhtml"] = _page(lang, ed.t["contents"], toc + _page_list(chapters, starts, ed) + landmarks)
    for name, text in files.items():  # a page that is not well-formed XML is not an e-book page
        try:
            ElementTree.fromstring(text.encode("utf-8"))
        except ElementTree.ParseError as error:
            raise BookError(
                name, error.position[0], f"not well-formed XHTML in the EPUB ({error})", "fix the page's HTML"
            ) from None
    spine = ["cover.xhtml", "title.xhtml", "nav.xhtml"] + [f"{c.anchor}.xhtml" for c in chapters]
    spine += ["colophon.xhtml"] if "colophon.xhtml" in files else []
    _write(out, lang, ed, files, spine, cover_svg(ed, subtitle), bool(starts))
    return out


def _page_list(chapters: list[Chapter], starts: dict[str, list[tuple[int, int]]], ed: front.Edition) -> str:
    """The PDF's page numbers, each leading to where that page begins in the e-book."""
    entries = sorted((number, chapter.anchor) for chapter in chapters for number, _ in starts.get(chapter.anchor, []))
    if not entries:
        return ""
    items = "".join(f'<li><a href="{anchor}.xhtml#page-{number}">{number}</a></li>' for number, anchor in entries)
    return f'<nav epub:type="page-list" id="page-list" hidden="hidden"><h2>{html.escape(ed.t["page_list"])}</h2><ol>{items}</ol></nav>'


def _toc_links(toc: str, chapters: list[Chapter]) -> str:
    """The contents' links to chapters of one document (#anchor), made links to the chapters' files."""
    for chapter in chapters:
        toc = toc.replace(f'href="#{chapter.anchor}"', f'href="{chapter.anchor}.xhtml"')
    return toc


def _package(lang: str, ed: front.Edition, files: dict[str, str], spine: list[str], page_list: bool) -> str:
    modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ed.epoch))
    config = project.config()
    items = ['<item id="style" href="style.css" media-type="text/css"/>']
    items.append('<item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>')
    for name, text in files.items():
        props = ["nav"] if name == "nav.xhtml" else []
        if "<svg" in text:
            props.append("svg")
        prop = f' properties="{" ".join(props)}"' if props else ""
        items.append(f'<item id="{_item_id(name)}" href="{name}" media-type="application/xhtml+xml"{prop}/>')
    itemrefs = "".join(f'<itemref idref="{_item_id(name)}"/>' for name in spine)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{lang}">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="book-id">{identifier(lang)}</dc:identifier>'
        f'<dc:title xml:lang="en">{front.TITLE}</dc:title><dc:language>{lang}</dc:language>'
        f"{_creators(ed)}"
        f"<dc:date>{ed.date}</dc:date>"
        f"<dc:rights>{html.escape(ed.t['licence_name'])} (CC BY 4.0) {config['extra']['license_url']}</dc:rights>"
        f"<dc:source>{config['extra']['original_url']}</dc:source>"
        f'<meta property="dcterms:modified">{modified}</meta>'
        f"{_accessibility(ed, page_list)}"
        '<meta name="cover" content="cover-image"/>'
        f"</metadata><manifest>{''.join(items)}</manifest><spine>{itemrefs}</spine></package>"
    )


def _creators(ed: front.Edition) -> str:
    """The original's author and the adaptation's makers, each with a MARC relator role."""
    author, makers = ed.t["author_name"], ed.t["contributors_name"]
    other = "en" if ed.lang == "ja" else "ja"
    return (
        f'<dc:creator id="author">{html.escape(author)}</dc:creator>'
        '<meta refines="#author" property="role" scheme="marc:relators">aut</meta>'
        f'<meta refines="#author" property="alternate-script" xml:lang="{other}">'
        f"{html.escape(STRINGS[other]['author_name'])}</meta>"
        '<meta refines="#author" property="file-as">Yamauchi, Satoshi</meta>'
        f'<dc:contributor id="adapters">{html.escape(makers)}</dc:contributor>'
        '<meta refines="#adapters" property="role" scheme="marc:relators">adp</meta>'
        '<meta refines="#adapters" property="role" scheme="marc:relators">trl</meta>'
    )


# EPUB Accessibility 1.1: how the book can be read, what helps, and that nothing in it is a hazard.
A11Y_FEATURES = ("tableOfContents", "structuralNavigation", "readingOrder", "alternativeText", "displayTransformability")


def _accessibility(ed: front.Edition, page_list: bool) -> str:
    features = A11Y_FEATURES + (("pageNavigation", "printPageNumbers") if page_list else ())
    meta = [
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),
        ("schema:accessModeSufficient", "textual"),
        *[("schema:accessibilityFeature", feature) for feature in features],
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", ed.t["accessibility_summary"]),
        ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
        ("a11y:certifiedBy", ed.t["contributors_name"]),
    ]
    listed = "".join(f'<meta property="{name}">{html.escape(value)}</meta>' for name, value in meta)
    if page_list:  # where the page list's numbers come from (EPUB 3.2's way, which epubcheck knows)
        pdf = project.edition_name(ed.lang, "pdf")
        listed += (
            f'<dc:source id="pagination">{pdf}</dc:source><meta refines="#pagination" property="source-of">pagination</meta>'
        )
    return listed


def _item_id(name: str) -> str:
    return "x-" + name.removesuffix(".xhtml").replace(".", "-")


def _write(out: Path, lang: str, ed: front.Edition, files: dict[str, str], spine: list[str], cover: str, page_list: bool) -> None:
    """mimetype first and stored, then the rest with fixed dates: the same sources give the same bytes."""
    stamp = time.gmtime(max(ed.epoch, 315532800))[:6]  # zip cannot store times before 1980
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as book:

        def add(name: str, data: str, compress: int = zipfile.ZIP_DEFLATED) -> None:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            book.writestr(info, data.encode("utf-8"))

        add("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        add("META-INF/container.xml", CONTAINER)
        add("OEBPS/content.opf", _package(lang, ed, files, spine, page_list))
        add("OEBPS/style.css", stylesheet(STYLESHEET))
        add("OEBPS/cover.svg", cover)
        for name in sorted(files):
            add(f"OEBPS/{name}", files[name])
    tmp.replace(out)
