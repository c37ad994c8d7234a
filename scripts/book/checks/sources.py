"""The source checks every build path runs before building: pages, headings, tables, charts, citations, glossary, translations."""

from __future__ import annotations

from pathlib import Path

from book import project
from book.charts import render
from book.checks import facts, parity, unsafe
from book.errors import BookError
from book.markdown import frontmatter, headings
from book.numbering import labels
from book.references import cff, citations
from book.references.pages import nav_pages
from book.site import glossary
from book.translations import tracking


def read(path: Path, shown: str) -> str:
    """A page's text; a file that is not UTF-8 is the contributor's error, not a crash."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise BookError(
            shown, line, f"is not UTF-8 text (byte {error.object[error.start]:#04x})", "save the file as UTF-8"
        ) from None


def _front_matter(shown: str, text: str) -> list[BookError]:
    """Front matter MkDocs would otherwise publish as body text, under a made-up title."""
    try:
        frontmatter.read(text, shown)
    except BookError as error:
        return [error]
    return []


def reading_order(root: Path, docs: Path, lang: str) -> list[str]:
    """The pages in the nav's order, then any page the nav leaves out."""
    return labels.complete_order(nav_pages(project.config(root).get("nav") or []), docs, lang)


def problems(root: Path, langs: list[str]) -> tuple[list[BookError], list[BookError]]:
    """(errors, warnings) found in docs/ without building; every problem of every page, in one pass."""
    docs = root / "docs"
    errors = parity.missing_counterparts(docs, langs)
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    for lang in langs:
        for page in parity.pages(docs, lang):
            shown = f"docs/{lang}/{page}"
            try:
                texts[lang, page] = (shown, read(docs / lang / page, shown))
            except BookError as error:
                errors.append(error)
    if len(errors) > len(parity.missing_counterparts(docs, langs)):
        return errors, []  # unreadable pages would make every later check fail on them again
    for shown, text in texts.values():
        errors += _front_matter(shown, text) + unsafe.problems(shown, text)
    original, *others = langs
    for page in parity.pages(docs, original):
        for lang in langs:
            if (lang, page) in texts:
                errors += headings.heading_problems(*texts[lang, page])
        for lang in others:
            if (lang, page) in texts and (original, page) in texts:
                errors += parity.section_id_mismatches(texts[original, page], texts[lang, page])
                errors += facts.table_mismatches(texts[original, page], texts[lang, page])

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix()

    errors += render.check_book(docs, langs, shown)
    errors += citations.check_book(docs, langs, shown)
    if any(cff.MARKER in text for _, text in texts.values()):  # a page shows the citations CITATION.cff gives
        try:
            cff.load(root / cff.FILE)
        except BookError as error:
            errors.append(error)
    errors += labels.check_book(docs, langs, reading_order(root, docs, original), shown)
    for lang in langs:
        try:
            glossary.load(docs / lang / "glossary.md")
        except BookError as error:
            errors.append(error)
    try:
        tracked_errors, warnings = tracking.check(tracking.scan(docs, langs, shown_root="docs", root=root))
    except BookError as error:
        tracked_errors, warnings = [error], []
    return errors + tracked_errors, warnings
