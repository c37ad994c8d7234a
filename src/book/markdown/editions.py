"""Blocks for one edition: `<!-- site -->…<!-- /site -->` and `<!-- book -->…<!-- /book -->` (book.sources.editions).

The site builds with `edition: site` (the default); the PDF and EPUB with `edition: book`.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from book.markdown import BookExtension
from book.sources.editions import EDITIONS, for_edition


class EditionsPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: EditionsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        edition = self.extension.getConfig("edition")
        if edition not in EDITIONS:
            raise ValueError(f"book.markdown.editions: edition is {edition!r}, not one of {EDITIONS}")
        return for_edition("\n".join(lines), edition, self.extension.getConfig("page")).split("\n")


class EditionsExtension(BookExtension):
    options = {"edition": ["site", "site, or book for the PDF and EPUB editions"]}

    def extendMarkdown(self, md: Markdown) -> None:
        # Before the charts (29) and citations (21) read the lines: the other edition's blocks are gone by then.
        md.preprocessors.register(EditionsPreprocessor(md, self), "book_editions", 29.5)


def makeExtension(**kwargs) -> EditionsExtension:
    return EditionsExtension(**kwargs)
