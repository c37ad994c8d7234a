"""Numbered tables and figures: a caption above each table, and references to tables and charts by their ID.

    Table: What the table shows {#tbl:six-models}

    | Model | ... |

    As [[tbl:six-models]] shows, … the chart [[fig:six-models]] …

The caption becomes a paragraph that names the table (表1-1 / Table 1-1) and labels it for screen readers; each
reference becomes a link named after what it points at (表1-1, Figure 2-1), wherever in the book that is.
Numbers come from `contents` (book.numbering counts them per Part, in reading order).

    markdown_extensions:
      - attr_list
      - book.markdown.numbering
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from book.data import links
from book.errors import BookError, did_you_mean
from book.markdown import BookExtension
from book.sources import captions

_FORM = "Table: what the table shows {#tbl:an-id}"


class CaptionProcessor(BlockProcessor):
    """`Table: … {#tbl:id}`, a paragraph of its own: the numbered caption of the table below it."""

    def __init__(self, parser, extension: NumberingExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block: str) -> bool:
        return captions.is_caption(block.split("\n", 1)[0])

    def run(self, parent, blocks: list[str]) -> None:
        block = blocks.pop(0)
        caption = captions.read_caption(block) if "\n" not in block.strip() else None
        if caption is None:
            raise BookError("", None, f"the caption {block.strip()!r} is not one line ending with an ID", f"write `{_FORM}`")
        label = self.extension.label("tbl", caption.id)
        paragraph = etree.SubElement(parent, "p", {"class": "book-caption", "id": label.anchor})
        number = etree.SubElement(paragraph, "span", {"class": "book-caption__number"})
        lang, data = self.extension.getConfig("lang"), self.extension.getConfig("data")
        number.text = label.name(lang)
        number.tail = " " + caption.text
        if data:  # the links are HTML of their own: MkDocs would take their href for a page's and check it
            number.tail += " " + self.parser.md.htmlStash.store(links.table_links(data, lang, label.name(lang), caption.id))


class ReferenceProcessor(InlineProcessor):
    """[[tbl:id]] and [[fig:id]]: a link named after the table or figure."""

    def __init__(self, extension: NumberingExtension):
        super().__init__(captions.REFERENCE.pattern)
        self.extension = extension

    def handleMatch(self, match: re.Match, data: str):
        label = self.extension.label(match["kind"], match["id"])
        link = etree.Element("a", {"class": "book-ref", "href": self.extension.href(label.page, label.anchor)})
        link.text = label.name(self.extension.getConfig("lang"))
        return link, match.start(0), match.end(0)


class LabelTablesTreeprocessor(Treeprocessor):
    """Each captioned table named by its caption for assistive technology."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            previous = None
            for child in parent:
                if child.tag == "table" and previous is not None and "book-caption" in (previous.get("class") or ""):
                    child.set("aria-labelledby", previous.get("id"))
                previous = child


class NumberingExtension(BookExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(CaptionProcessor(md.parser, self), "book_caption", 12)  # before paragraphs
        md.inlinePatterns.register(ReferenceProcessor(self), "book_reference", 175)  # after code spans and escapes
        md.treeprocessors.register(LabelTablesTreeprocessor(md), "book_label_tables", 5)

    def label(self, kind: str, item_id: str):
        """The table's or figure's label; a BookError naming the closest ID when there is none."""
        if kind not in captions.KINDS:
            raise BookError(
                "",
                None,
                f"reference [[{kind}:{item_id}]] is neither a table (tbl:) nor a figure (fig:)",
                "write [[tbl:ID]] or [[fig:ID]]",
            )
        labels = self.contents.labels
        label = labels.get((kind, item_id))
        if label is None:
            known = sorted(i for k, i in labels if k == kind)
            what = "table" if kind == "tbl" else "figure"
            raise BookError(
                "", None, f"[[{kind}:{item_id}]] names no {what} of the book", did_you_mean(item_id, known, f"[[{kind}:{{}}]]")
            )
        return label


def makeExtension(**kwargs) -> NumberingExtension:
    return NumberingExtension(**kwargs)
