"""Citations: `[@key]` after a claim becomes a numbered link to its entry in the References, and the References
page's `<!-- references -->` becomes the list of entries, each with links back to the sections that cite it.

    GLM-5 was released in February [@glm5].

Entries live in `docs/references.yml` (book.references.bibliography), numbered through the book.

    markdown_extensions:
      - book.markdown.citations
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor

from book.errors import BookError, did_you_mean
from book.markdown import BookExtension, replace_marker
from book.references import bibliography
from book.references.citations import CITATION, REFERENCES_PAGE


class CitationProcessor(InlineProcessor):
    def __init__(self, extension: CitationsExtension):
        super().__init__(CITATION.pattern)
        self.extension = extension

    def handleMatch(self, match: re.Match, data: str):
        extension = self.extension
        entries = extension.contents.entries
        entry = entries.get(match[1])
        if entry is None:
            raise BookError(
                "", None, f"citation [@{match[1]}] names no entry of the references", did_you_mean(match[1], entries, "[@{}]")
            )
        lang = extension.getConfig("lang")
        href = extension.href(extension.getConfig("references_page"), f"ref-{entry.key}")
        link = etree.Element("a", {"class": "book-cite", "href": href, "title": bibliography.citation_title(entry, lang)})
        link.text = f"[{entry.number}]"
        return link, match.start(0), match.end(0)


def references_list(parent: etree.Element, extension: CitationsExtension) -> None:
    """The References page's `<!-- references -->`: a heading per group, then its entries, numbered through the
    book, each with links back to the sections that cite it."""
    lang, contents = extension.getConfig("lang"), extension.contents
    for group in contents.references:
        heading = etree.SubElement(parent, "h2", {"id": group.id})
        heading.text = group.titles[lang]
        start = str(group.entries[0].number if group.entries else 1)
        listed = etree.SubElement(parent, "ol", {"class": "book-references", "start": start})
        for entry in group.entries:
            citers = [(name, extension.href(*place.partition("#")[::2])) for name, place in contents.cited_in.get(entry.key, [])]
            listed.append(_entry(entry, lang, citers))


def _entry(entry: bibliography.Entry, lang: str, citers: list[tuple[str, str]]) -> etree.Element:
    """One reference: author, title, where and when it appeared, its address, a note, and where the book cites it."""
    item = etree.Element("li", {"id": f"ref-{entry.key}"})
    author = etree.SubElement(item, "strong")
    author.text = entry.text("author", lang)
    parts = [f"“{entry.text('title', lang)}”"]
    container = entry.text("container", lang)
    if container:
        author.tail = ", " + parts.pop() + ", "
        emphasis = etree.SubElement(item, "em")
        emphasis.text = container
        last = emphasis
    else:
        last = author
        last.tail = ", " + parts.pop()
    more = [
        entry.text("identifier", lang),
        bibliography.format_date(entry.fields.get("date"), bool(entry.fields.get("as_of")), lang),
    ]
    last.tail = (last.tail or "") + "".join(f", {text}" for text in more if text) + "."
    url = entry.fields.get("url")
    if url:
        last.tail += " "
        last = _link(item, url, url.split("://", 1)[-1].rstrip("/"))
    note = entry.text("note", lang)
    if note:
        etree.SubElement(item, "br")
        _span(item, "book-reference-note", note)
    etree.SubElement(item, "br")
    label = bibliography.LABELS[lang]
    cited = _span(item, "book-reference-cited", f"{label['cited_in']}: " if citers else label["none"])
    for number, (name, href) in enumerate(citers):
        link = _link(cited, href, name)
        link.tail = ", " if number < len(citers) - 1 else None
    return item


def _link(parent: etree.Element, href: str, text: str) -> etree.Element:
    link = etree.SubElement(parent, "a", {"href": href})
    link.text = text
    return link


def _span(parent: etree.Element, css: str, text: str) -> etree.Element:
    span = etree.SubElement(parent, "span", {"class": css})
    span.text = text
    return span


class CitationsExtension(BookExtension):
    options = {"references_page": [REFERENCES_PAGE, "the page that lists the references, in each language folder"]}

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(CitationProcessor(self), "book_citation", 175)  # after code spans and escapes
        replace_marker(md, "book_references", bibliography.MARKER, lambda parent: references_list(parent, self))


def makeExtension(**kwargs) -> CitationsExtension:
    return CitationsExtension(**kwargs)
