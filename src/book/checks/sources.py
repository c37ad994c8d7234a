"""The source checks every build path runs before building: pages, headings, tables, charts, citations, glossary, translations."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from book import glossary, project
from book.charts import render
from book.checks import facts, parity, unsafe
from book.errors import BookError
from book.numbering import labels
from book.references import cff, citations
from book.references.pages import nav_pages
from book.sources import editions, frontmatter, headings
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


def shown_folder(docs: Path, root: Path) -> str:
    """How messages name the docs folder: relative to the project, when it is inside it."""
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.as_posix()


def problems(
    root: Path,
    langs: list[str],
    docs: Path | None = None,
    nav: list | None = None,
    citation_file: Path | None = None,
    translations: tracking.Book | None = None,
) -> tuple[list[BookError], list[BookError]]:
    """(errors, warnings) found in the docs folder (`root`/docs unless given) without building; every problem of
    every page, in one pass. `nav` is mkdocs.yml's (read from `root` unless given): tables are numbered in its order.
    `translations` is the folder's translation records, if the caller has read them already."""
    docs = docs or root / "docs"
    nav = project.config(root).get("nav") or [] if nav is None else nav
    shown_docs = shown_folder(docs, root)
    errors = parity.missing_counterparts(docs, langs)
    missing = len(errors)
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    for lang in langs:
        for page in parity.pages(docs, lang):
            shown = f"{shown_docs}/{lang}/{page}"
            try:
                texts[lang, page] = (shown, read(docs / lang / page, shown))
            except BookError as error:
                errors.append(error)
    if len(errors) > missing:
        return errors, []  # unreadable pages would make every later check fail on them again
    for (lang, page), (shown, text) in texts.items():
        errors += [*_front_matter(shown, text), *unsafe.problems(shown, text, PurePosixPath(lang, page))]
        errors += editions.problems(shown, text)
    for asset in sorted(p for p in docs.rglob("*") if p.suffix.lower() in unsafe.ASSET_SUFFIXES and p.is_file()):
        shown = f"{shown_docs}/{asset.relative_to(docs).as_posix()}"
        errors += unsafe.asset_problems(shown, asset.read_text(encoding="utf-8", errors="replace"))
    original, *others = langs
    table_errors: list[BookError] = []
    for page in parity.pages(docs, original):
        faulty = set()  # pages whose headings are wrong: comparing their sections would only repeat that
        for lang in langs:
            if (lang, page) in texts:
                found = headings.heading_problems(*texts[lang, page])
                errors += found
                faulty |= {lang} if found else set()
        for lang in others:
            if (lang, page) in texts and (original, page) in texts:
                if not faulty & {original, lang}:
                    errors += parity.section_id_mismatches(texts[original, page], texts[lang, page])
                table_errors += facts.table_mismatches(texts[original, page], texts[lang, page])

    def shown(path: Path) -> str:
        return f"{shown_docs}/{path.relative_to(docs).as_posix()}"

    chart_errors = render.check_book(docs, langs, shown)
    charted = {(error.path, error.line) for error in chart_errors}  # a chart's numbers differ: its table's do too, one message
    errors += chart_errors + [error for error in table_errors if (error.path, error.line) not in charted]
    errors += citations.check_book(docs, langs, shown)
    if any(cff.MARKER in text for _, text in texts.values()):  # a page shows the citations CITATION.cff gives
        try:
            cff.load(citation_file or root / cff.FILE)
        except BookError as error:
            errors.append(error)
    errors += labels.check_book(docs, langs, labels.complete_order(nav_pages(nav), docs, original), shown)
    for lang in langs:
        try:
            path = docs / lang / "glossary.md"
            if path.is_file():
                glossary.parse_glossary(path.read_text(encoding="utf-8"), f"{shown_docs}/{lang}/glossary.md")
        except BookError as error:
            errors.append(error)
    try:
        tracked_errors, warnings = tracking.check(translations or tracking.scan(docs, langs, shown_root=shown_docs))
    except BookError as error:
        tracked_errors, warnings = [error], []
    return _once(errors + tracked_errors), warnings


def _once(errors: list[BookError]) -> list[BookError]:
    """Each problem reported once, though two checks (the page's and its translation's) may both find it."""
    return list({str(error): error for error in errors}.values())
