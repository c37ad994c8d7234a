"""Glossary terms explained where a page first uses them: the first use of each term in running text links to
its entry and shows its definition on hover and focus. The terms and their forms are the glossary page's own
headings (book.glossary).

    markdown_extensions:
      - book.markdown.glossary
"""

from __future__ import annotations

import functools
import re
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from book.glossary import Term
from book.markdown import BookExtension, replace_in_text

# Elements whose text stays as written: links, code, headings, data tables, chart data, form controls.
SKIP = frozenset(
    {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "table", "figure"}
    | {"button", "svg", "kbd", "dfn", "label", "select", "textarea"}
)


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        page = extension.getConfig("page")
        glossary = extension.getConfig("glossary_page")
        terms = extension.contents.terms
        if not terms or page == glossary or page in extension.getConfig("skip_pages"):
            return
        by_form = {form: term for term in terms for form in term.forms}
        href, done = extension.href(glossary), set()

        def explain(match: re.Match) -> etree.Element | None:
            term = by_form[match[0]]
            if term.id in done:
                return None
            done.add(term.id)
            if not extension.getConfig("tooltips"):
                return _link(match[0], term, href, {"class": "book-term"})
            return _term(match[0], term, href)

        replace_in_text(root, _pattern(tuple(by_form)), explain, SKIP)


def _term(text: str, term: Term, glossary_href: str) -> etree.Element:
    """The linked term and its tooltip, which search leaves out (or every page would match every term)."""
    tip_id = f"term-{term.id}"
    wrapper = etree.Element("span", {"class": "book-term"})
    wrapper.append(_link(text, term, glossary_href, {"aria-describedby": tip_id}))
    tip = etree.SubElement(wrapper, "span", {"class": "book-term__tip", "role": "tooltip", "id": tip_id})
    tip.set("data-search-exclude", None)
    tip.text = term.definition
    return wrapper


def _link(text: str, term: Term, glossary_href: str, attributes: dict) -> etree.Element:
    link = etree.Element("a", {"href": f"{glossary_href}#{term.id}", **attributes})
    link.text = text
    return link


@functools.lru_cache(maxsize=8)  # every page of a language has the same terms
def _pattern(forms: tuple[str, ...]) -> re.Pattern:
    """One pattern for every form, longest first; Latin forms only match as whole words."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        escaped = re.escape(form)
        if form[0].isascii() and form[0].isalnum():
            escaped = r"(?<![A-Za-z0-9-])" + escaped
        if form[-1].isascii() and form[-1].isalnum():
            escaped += r"(?![A-Za-z0-9-])"
        parts.append(escaped)
    return re.compile("|".join(parts))


class GlossaryExtension(BookExtension):
    options = {
        "glossary_page": ["glossary.md", "the glossary, in each language folder"],
        "skip_pages": [["references.md"], "pages whose words are names, not the book's terms"],
        "tooltips": [True, "each term's definition on hover and focus; False: a plain link, for print and e-books"],
    }

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "book_glossary", 7)  # after the inline text


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
