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
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from book import outline
from book.errors import BookError
from book.markdown import BookExtension

LIST = "\x02book-sections\x03"  # where the list goes, once the marker is read
# Between a section's title and its one line, as each language punctuates it.
SEPARATOR = {"ja": "：", "en": ": "}


class MarkerPreprocessor(Preprocessor):
    """The marker is an HTML comment, which Python-Markdown would set aside as raw HTML: it becomes a block of its own."""

    def run(self, lines: list[str]) -> list[str]:
        return [LIST if line.strip() == outline.SECTIONS_MARKER else line for line in lines]


class SectionsListProcessor(BlockProcessor):
    def __init__(self, parser, extension: SectionsExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block: str) -> bool:
        return block.strip() == LIST

    def run(self, parent, blocks: list[str]) -> None:
        blocks.pop(0)
        extension = self.extension
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
        md.preprocessors.register(MarkerPreprocessor(md), "book_sections", 21)  # before raw HTML is set aside
        md.parser.blockprocessors.register(SectionsListProcessor(md.parser, self), "book_sections", 100)


def makeExtension(**kwargs) -> SectionsExtension:
    return SectionsExtension(**kwargs)
