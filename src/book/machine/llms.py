"""Each language's `llms.txt` (the llmstxt.org format: the book's title, a summary, then its pages by Part, each
a link to its Markdown twin with a line on what it says) and `llms-full.txt` (every twin's text, in reading order)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from book.site.strings import STRINGS, joined

OPTIONAL = "Optional"  # llms.txt's own name for a section a reader with little room may skip


@dataclass(frozen=True)
class Page:
    path: str  # in the language folder
    title: str
    description: str | None
    twin: str  # the twin's absolute URL
    url: str  # the page's canonical URL
    body: str  # the twin's text after its front matter
    text: str  # the whole twin


def llms_txt(lang: str, title: str, summary: str, sections: list[tuple[str | None, list[Page]]], links: dict[str, str]) -> str:
    """`sections` are the nav's: (a Part's title, its pages), or (None, a page outside the Parts); `links` the URLs
    of the full text (`full`), the data package (`data`) and the other language's llms.txt (`other`)."""
    text = STRINGS[lang]
    out = [f"# {title}", "", f"> {summary}", "", _licence(lang), ""]
    out += [text["llms_more"].format(**links), ""]
    grouped: list[tuple[str, list[Page]]] = []
    for name, pages in sections:
        heading = name or (
            text["llms_back"] if any(n for n, _ in sections[: sections.index((name, pages))]) else text["llms_front"]
        )
        if grouped and grouped[-1][0] == heading:
            grouped[-1][1].extend(pages)
        else:
            grouped.append((heading, list(pages)))
    grouped.append((OPTIONAL, []))
    for heading, pages in grouped:
        if heading == OPTIONAL:
            pages = [p for _, ps in sections for p in ps if p.path in OPTIONAL_PAGES]
        else:
            pages = [p for p in pages if p.path not in OPTIONAL_PAGES]
        if pages:
            out += [f"## {heading}", "", *(_item(p) for p in pages), ""]
    return "\n".join(out).rstrip() + "\n"


OPTIONAL_PAGES = ("translation-status.md",)  # the site's bookkeeping, not the book


def llms_full(lang: str, title: str, summary: str, pages: list[Page]) -> str:
    """The whole book in one text: each page's twin, its canonical URL under its title."""
    out = [f"# {title}", "", f"> {summary}", "", _licence(lang), ""]
    for page in pages:
        heading, _, rest = page.body.partition("\n")
        out += ["---", "", heading, "", f"URL: {page.url}", rest.rstrip(), ""]
    return "\n".join(out).rstrip() + "\n"


def _licence(lang: str) -> str:
    """The attribution and the licence, as sentences of the language (Japanese sets no space between them)."""
    return joined(lang, STRINGS[lang]["attribution"], STRINGS[lang]["licence"])


def _item(page: Page) -> str:
    return f"- [{page.title}]({page.twin})" + (f": {page.description}" if page.description else "")


def write(root: Path, lang: str, title: str, summary: str, sections, pages: dict[str, Page], order: list[str], links) -> None:
    """`llms.txt` and `llms-full.txt` at a language's root; `sections` name the nav's pages by path, `pages` are
    the twins by path, `order` the reading order."""
    outline = [(name, [pages[p] for p in paths if p in pages]) for name, paths in sections]
    (root / "llms.txt").write_text(llms_txt(lang, title, summary, outline, links), encoding="utf-8")
    full = llms_full(lang, title, summary, [pages[p] for p in order if p in pages])
    (root / "llms-full.txt").write_text(full, encoding="utf-8")
