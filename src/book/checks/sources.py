"""The source checks every build path runs before building: pages, headings, tables, charts, citations, glossary, translations."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from book import glossary, project
from book.charts import render
from book.checks import about, facts, parity, titles, unsafe
from book.errors import BookError
from book.numbering import labels
from book.parallel import pages as parallel_pages
from book.parallel import pairs
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
    """Front matter MkDocs would otherwise publish as body text, under a made-up title; a title and a description,
    which the navigation, search engines and link previews show."""
    try:
        matter = frontmatter.read(text, shown)
    except BookError as error:
        return [error]
    errors = []
    for key, fix in (
        ("title", "write the page's title after title:, as the navigation should show it"),
        (
            "description",
            "write one sentence after description: saying what the page shows (search engines and link previews show it)",
        ),
    ):
        if not (matter.scalar(key) or "").strip():
            line = matter.line(matter.keys[key][0]) if key in matter.keys else 1
            errors.append(BookError(shown, line, f"the page has no {key}", fix))
    return errors


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
    nav_names: dict[str, dict[str, str]] | None = None,
) -> tuple[list[BookError], list[BookError]]:
    """(errors, warnings) found in the docs folder (`root`/docs unless given) without building; every problem of
    every page, in one pass. `nav` is mkdocs.yml's (read from `root` unless given): tables are numbered in its order,
    and `nav_names` each language's names for its sections (read from `root` unless given).
    `translations` is the folder's translation records, if the caller has read them already."""
    docs = docs or root / "docs"
    nav = project.config(root).get("nav") or [] if nav is None else nav
    nav_names = project.nav_names(root) if nav_names is None else nav_names
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
    titled = dict(texts)  # pages whose front matter reads, and so has a title to compare
    for (lang, page), (shown, text) in texts.items():
        unreadable = _front_matter(shown, text)
        errors += [*unreadable, *unsafe.problems(shown, text, PurePosixPath(lang, page))]
        errors += editions.problems(shown, text)
        if unreadable:
            del titled[lang, page]
    errors += titles.problems(titled, docs, langs, nav, nav_names)
    for asset in sorted(p for p in docs.rglob("*") if p.suffix.lower() in unsafe.ASSET_SUFFIXES and p.is_file()):
        shown = f"{shown_docs}/{asset.relative_to(docs).as_posix()}"
        errors += unsafe.asset_problems(shown, asset.read_text(encoding="utf-8", errors="replace"))
    original, *others = langs
    table_errors: list[BookError] = []
    paired = set(parallel_pages.paired(parity.pages(docs, original)))
    try:
        book = translations or tracking.scan(docs, langs, shown_root=shown_docs)
    except BookError as error:
        book, tracked_errors = None, [error]
    unpaired: list[BookError] = []  # pairing that fails in a translation older than its original: it has to catch up
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
                    sections = parity.section_id_mismatches(texts[original, page], texts[lang, page])
                    errors += sections
                    if not sections and page in paired:  # read side by side: every block pairs with its counterpart
                        stale = book is not None and tracking.page_state(book, lang, page).state == "stale"
                        (unpaired if stale else errors).extend(pairs.problems(texts[original, page], texts[lang, page]))
                table_errors += facts.table_mismatches(texts[original, page], texts[lang, page])

    def shown(path: Path) -> str:
        return f"{shown_docs}/{path.relative_to(docs).as_posix()}"

    chart_errors = render.check_book(docs, langs, shown)
    # A chart's cell that does not read, or whose numbers differ, makes its table's differ too: one message.
    charted = {(error.path, error.line) for error in chart_errors}
    errors += chart_errors + [
        error
        for error in table_errors
        if (error.path, error.line) not in charted and not any(f"{path}:{line}" in error.problem for path, line in charted)
    ]
    errors += citations.check_book(docs, langs, shown)
    errors += about.problems(docs, langs, shown)
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
    warnings: list[BookError] = []
    if book is not None:
        try:
            tracked_errors, warnings = tracking.check(book)
        except BookError as error:
            tracked_errors = [error]
    return _once(errors + tracked_errors), warnings + [_waiting(error) for error in unpaired]


def _waiting(error: BookError) -> BookError:
    """A page that does not pair while its translation is behind: a warning until the translation catches up, and
    the page is read in one language meanwhile (book.parallel.pairs.pairs_up)."""
    return BookError(error.path, error.line, error.problem + " (the translation is older than its original)", error.fix)


def of_book(root: Path) -> tuple[list[BookError], list[BookError]]:
    """problems() of the book whose mkdocs.yml is in `root`, set up as that configuration sets it up."""
    config = project.config(root)
    citation_file = root / config["plugins"]["book"].get("citation_file", "CITATION.cff")
    return problems(root, project.languages(root), nav=config.get("nav") or [], citation_file=citation_file)


def _once(errors: list[BookError]) -> list[BookError]:
    """Each problem reported once, though two checks (the page's and its translation's) may both find it."""
    return list({str(error): error for error in errors}.values())
