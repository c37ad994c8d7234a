"""What one build of every language shares, read once when its first language starts."""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from book import contents as book_contents
from book.checks import parity, sources
from book.errors import BookError
from book.parallel import pages as parallel_pages
from book.parallel import pairs
from book.references.pages import nav_pages
from book.site import context, history
from book.translations import tracking


@dataclass
class Build:
    site: context.Site
    root: Path  # the folder of mkdocs.yml
    docs: Path
    contents: dict[str, book_contents.Contents]
    translations: tracking.Book | None
    last_changed: dict
    reading_order: list[str]  # the nav's pages
    errors: list[BookError] = field(default_factory=list)  # what stops the build (shown in the browser under serve)
    paired: frozenset[str] = frozenset()  # the pages read side by side too (book.parallel)

    @classmethod
    def start(cls, config, settings, site: context.Site) -> Build:
        """The sources checked, then read for the pages; with errors, nothing is read (every page would fail on them)."""
        root = Path(config.config_file_path).resolve().parent
        docs = Path(config.docs_dir)
        order = nav_pages(config.nav or [])
        shown_docs = sources.shown_folder(docs, root)
        try:
            translations = tracking.scan(docs, site.langs, shown_docs, root=docs)  # dates are kept by path in docs/
        except UnicodeDecodeError:
            translations = None  # the checks name the file and the line

        names = nav_names(config)
        errors, _ = sources.problems(root, site.langs, docs, config.nav or [], root / settings.citation_file, translations, names)
        build = cls(site, root, docs, {}, None, {}, order, errors)
        if not errors:
            candidates = parallel_pages.paired(parity.pages(docs, site.default))
            build.paired = frozenset(p for p in candidates if pairs.pairs_up(docs, site.langs, p))
            build.contents = book_contents.read(
                docs, site.langs, order, lambda path: f"{shown_docs}/{path.relative_to(docs).as_posix()}", config.nav, names
            )
            build.translations = translations
            build.last_changed = history.last_changed(docs)
        return build

    def contents_of(self, lang: str) -> book_contents.Contents:
        return self.contents.get(lang) or book_contents.Contents(lang)


def nav_names(config) -> dict[str, dict[str, str]]:
    """Each language's names for the nav's sections, as the i18n plugin translates them (its documented setting)."""
    return {lang.locale: dict(lang.nav_translations or {}) for lang in config.plugins["i18n"].config.languages}


def page_language(page, site: context.Site) -> str:
    """The language a page is built in: the first folder of its URL, where the i18n plugin puts other languages."""
    first = page.file.url.split("/", 1)[0]
    return first if first in site.langs and first != site.default else site.default


def page_path(page) -> str:
    """The page's path inside its language folder (a missing translation's page is built from the original's)."""
    return posixpath.join(*page.file.src_uri.split("/")[1:])


class Warnings(logging.Handler):
    """MkDocs' warnings during a build, which `make serve` shows in the browser instead of stopping."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
