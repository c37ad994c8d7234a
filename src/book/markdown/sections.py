"""A Part's list of its sections: the Part page's `<!-- sections -->` becomes a list of the sections the nav puts
in that Part, each linked by its title and followed by its one-line description, both from the section's own
front matter (book.outline). A new section appears in its Part's list once the nav names it.

    ## How this Part is organised {#sections}

    <!-- sections -->

    markdown_extensions:
      - book.markdown.sections
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown

from book import outline
from book.errors import BookError
from book.markdown import BookExtension, replace_marker

# Between a section's title and its one line, as each language punctuates it.
SEPARATOR = {"ja": "：", "en": ": "}


def sections_list(parent: etree.Element, extension: SectionsExtension) -> None:
    """The Part's sections as the nav orders them, each linked by its title and followed by its one line."""
    lang, page = extension.getConfig("lang"), extension.getConfig("page")
    book = extension.contents.outline  # the nav's; without one, the folders' (book.contents.read)
    part = book.part_opened_by(page) if book else None
    if part is None:
        raise BookError(
            page, None, f"{outline.SECTIONS_MARKER} is on a page that opens no Part", "put it on a Part's own index.md"
        )
    listed = etree.SubElement(parent, "ul", {"class": "book-sections"})
    for section in part.sections:
        item = etree.SubElement(listed, "li")
        link = etree.SubElement(item, "a", {"href": extension.href(section.rel)})
        link.text = section.title
        if section.lang != lang:  # a section not yet translated is listed in its original's words
            item.set("lang", section.lang)
        link.tail = SEPARATOR.get(lang, SEPARATOR["en"]) + section.description


class SectionsExtension(BookExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        replace_marker(md, "book_sections", outline.SECTIONS_MARKER, lambda parent: sections_list(parent, self))


def makeExtension(**kwargs) -> SectionsExtension:
    return SectionsExtension(**kwargs)
