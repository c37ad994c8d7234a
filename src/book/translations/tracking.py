"""Translations that never silently go stale.

A translated page says in its front matter which version of its original it translates:

    translation:  # written by make translations-update
      from: ja              # the original is the same path in docs/ja/
      hash: 3f9a0c1d2e4b    # the original's whole text
      sections:             # one hash per section of the original, keyed by its heading's {#id}
        _top: 0c1d2e4b      # title, description and any text above the first heading
        s1-3: 9f8e7d6c

A page without `translation:` is an original. `check` finds translations older than their
original, `update` rewrites the record once a translation has caught up (translation_record.py
says what is hashed), and `page_state` tells the site what a reader should be warned of.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from book.checks import parity
from book.errors import BookError, BookErrors
from book.sources import frontmatter
from book.translations.record import (
    KEY,
    TOP,
    TOP_LABEL,
    UPDATE,
    Record,
    Section,
    declared_source,
    page_hash,
    parse_record,
    render_record,
    split_sections,
)

# Pages


@dataclass
class Page:
    lang: str
    rel: str  # path inside the language folder, e.g. part-1/1-3.md
    shown: str  # path as printed in messages
    text: str
    matter: frontmatter.FrontMatter | None  # None when the front matter is not valid YAML
    sections: dict[str, Section] = field(default_factory=dict)
    record: Record | None = None
    errors: list[BookError] = field(default_factory=list)

    @property
    def hash(self) -> str:
        return page_hash(self.sections)

    @property
    def is_translation(self) -> bool:
        return self.matter is not None and KEY in self.matter.keys

    @property
    def title(self) -> str:
        return (self.matter and self.matter.scalar("title")) or self.rel


def read_page(path: Path, lang: str, rel: str, shown: str) -> Page:
    with open(path, encoding="utf-8", newline="") as f:  # keep \r\n so a rewrite changes nothing else
        text = f.read()
    try:
        matter = frontmatter.read(text, shown)
    except BookError as error:
        return Page(lang, rel, shown, text, None, errors=[error])
    record, errors = parse_record(matter, shown)
    return Page(lang, rel, shown, text, matter, split_sections(matter), record, errors)


@dataclass
class Book:
    """Every page of every language folder, read once."""

    docs_dir: Path
    root: Path  # what the paths in `history.last_changed()` are relative to: the docs folder
    shown_root: str
    languages: list[str]
    pages: dict[tuple[str, str], Page]

    def shown(self, lang: str, rel: str) -> str:
        return f"{self.shown_root}/{lang}/{rel}"

    def rels(self) -> list[str]:
        """Every page path in any language, each folder's index.md first."""
        return sorted({rel for _, rel in self.pages}, key=lambda rel: [(part != "index.md", part) for part in rel.split("/")])

    def repo_path(self, lang: str, rel: str) -> str:
        path = (self.docs_dir / lang / rel).resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.as_posix()


def scan(
    docs_dir: Path | str, languages: list[str] | None = None, shown_root: str | None = None, root: Path | str | None = None
) -> Book:
    """Read docs_dir/<lang>/**/*.md; languages default to docs_dir's folders, root to docs_dir itself."""
    docs_dir = Path(docs_dir).resolve()
    if languages is None:
        languages = sorted(p.name for p in docs_dir.iterdir() if p.is_dir())
    shown_root = (shown_root or str(docs_dir)).rstrip("/")
    book = Book(docs_dir, Path(root or docs_dir).resolve(), shown_root, list(languages), {})
    for lang in book.languages:
        for path in sorted((docs_dir / lang).rglob("*.md")):
            rel = path.relative_to(docs_dir / lang).as_posix()
            book.pages[lang, rel] = read_page(path, lang, rel, book.shown(lang, rel))
    return book


# Changes and states


@dataclass(frozen=True)
class Changes:
    changed: tuple[Section, ...]  # as they are in the original now
    added: tuple[Section, ...]
    removed: tuple[tuple[str, str], ...]  # (id, heading text in the translation)
    reordered: bool

    def __str__(self) -> str:
        def name(id_: str, title: str) -> str:
            short = title if len(title) <= 24 else title[:23] + "…"
            return f"{id_} {TOP_LABEL}" if id_ == TOP else f'{id_} "{short}"'

        parts = [
            f"{what}: " + ", ".join(name(*s) for s in items)
            for what, items in (
                ("changed", [(s.id, s.title) for s in self.changed]),
                ("added", [(s.id, s.title) for s in self.added]),
                ("removed", self.removed),
            )
            if items
        ]
        return "; ".join(parts + (["sections reordered"] if self.reordered else []))


def diff(record: Record, original: Page, translation: Page) -> Changes:
    """What changed in the original since the translation's record, section by section."""
    now = original.sections
    changed = tuple(s for i, s in now.items() if i in record.sections and record.sections[i] != s.hash)
    added = tuple(s for i, s in now.items() if i not in record.sections)
    removed = tuple(
        (i, translation.sections[i].title if i in translation.sections else "") for i in record.sections if i not in now
    )
    return Changes(changed, added, removed, not (changed or added or removed) and record.hash != original.hash)


@dataclass(frozen=True)
class PageState:
    state: str  # "original" | "current" | "stale" | "missing"
    lang: str
    rel: str
    original_lang: str | None = None  # of the original; for "missing", a language that has the page
    since: datetime.date | None = None  # when a stale page's original last changed (None without git history)
    changes: Changes | None = None


def original_of(book: Book, page: Page) -> Page | None:
    """The page a valid record points at, when that page exists and is itself an original."""
    if page.record is None or page.record.source == page.lang:
        return None
    original = book.pages.get((page.record.source, page.rel))
    return original if original is not None and original.matter is not None and not original.is_translation else None


def page_state(book: Book, lang: str, rel: str, dates: Mapping[str, datetime.datetime] | None = None) -> PageState:
    """Whether the reader of `lang`/`rel` sees an original, an up-to-date or stale translation, or nothing."""
    page = book.pages.get((lang, rel))
    if page is None:
        having = [l for l in book.languages if (l, rel) in book.pages]
        originals = [l for l in having if not book.pages[l, rel].is_translation]
        return PageState("missing", lang, rel, (originals or having or [None])[0])
    if not page.is_translation:
        return PageState("original", lang, rel)
    original = original_of(book, page)
    if original is None:  # a broken record: `check` fails the build; meanwhile the reader is warned
        source = declared_source(page.matter)
        return PageState("stale", lang, rel, source if source != lang and (source, rel) in book.pages else None)
    if page.record.hash == original.hash:
        return PageState("current", lang, rel, original.lang)
    when = (dates or {}).get(book.repo_path(original.lang, rel))
    return PageState("stale", lang, rel, original.lang, when and when.date(), diff(page.record, original, page))


# Check and update


def _id_errors(record: Record, original: Page, translation: Page) -> list[BookError]:
    """Section IDs in one language and not the other, unless the original's change since the record explains it."""
    if record.hash == original.hash:
        return parity.section_id_mismatches((original.shown, original.text), (translation.shown, translation.text))
    # Renamed in the translation only; one the original made since the record is the translation falling behind.
    pairs = [
        (x, y)
        for x, y in parity.renamed(original.text, translation.text)
        if x.id in record.sections and y.id not in record.sections
    ]
    errors = parity.rename_errors(original.shown, translation.shown, pairs)
    renamed = {x.id for x, _ in pairs} | {y.id for _, y in pairs}
    for i, s in original.sections.items():
        if i in record.sections and i not in translation.sections and i not in renamed:
            errors.append(
                BookError(
                    translation.shown,
                    None,
                    f"section #{i} of {original.shown}:{s.line} is missing here",
                    f"add the heading with {{#{i}}} to {translation.shown}, or remove it from both",
                )
            )
    for i, s in translation.sections.items():
        if i not in original.sections and i not in record.sections and i not in renamed:
            errors.append(
                BookError(
                    translation.shown,
                    s.line,
                    f"section #{i} does not exist in {original.shown}",
                    f"add it to {original.shown} too, or remove it here",
                )
            )
    return errors


def check(book: Book) -> tuple[list[BookError], list[BookError]]:
    """(errors, warnings): broken records and section IDs; stale or unrecorded translations."""
    errors, warnings = [], []
    usual = Counter(p.record.source for p in book.pages.values() if p.record).most_common(1)
    usual_original = usual[0][0] if usual else next(iter(book.languages), None)
    for page in book.pages.values():
        errors += page.errors
        record = page.record
        if page.matter is not None and not page.is_translation and page.lang != usual_original:
            others = [o for o in book.languages if o != page.lang and (o, page.rel) in book.pages]
            if others and not any(book.pages[o, page.rel].is_translation for o in others):
                warnings.append(
                    BookError(
                        page.shown,
                        1,
                        f"neither this page nor {book.shown(others[0], page.rel)} has a translation: record, "
                        "so nothing tells when one falls behind the other",
                        UPDATE.format(path="<the translated one of the two>"),
                    )
                )
        if record is None:
            continue
        original = book.pages.get((record.source, page.rel))
        if record.source == page.lang:
            errors.append(
                BookError(
                    page.shown,
                    record.source_line,
                    f"translation.from: names this page's own language ({page.lang})",
                    "set it to the language of the original, or delete the translation: block if this page is the original",
                )
            )
        elif record.source not in book.languages:
            errors.append(
                BookError(
                    page.shown,
                    record.source_line,
                    f"translation.from: is {record.source}, but there is no {book.shown_root}/{record.source}/ folder",
                    f"use one of {', '.join(book.languages)}",
                )
            )
        elif original is None:
            errors.append(
                BookError(
                    page.shown,
                    record.source_line,
                    f"its original {book.shown(record.source, page.rel)} does not exist",
                    "restore the original, correct from:, or delete the translation: block if this page is now the original",
                )
            )
        elif original.is_translation:
            errors.append(
                BookError(
                    page.shown,
                    record.source_line,
                    f"its original {original.shown} is itself a translation",
                    "point from: at the page that was written first, and remove translation: from that one",
                )
            )
        elif original.matter is not None:  # an unreadable original is reported on its own
            errors += _id_errors(record, original, page)
            if record.hash != original.hash:
                warnings.append(
                    BookError(
                        page.shown,
                        record.line,
                        f"translation is older than its original {original.shown} ({diff(record, original, page)})",
                        f"update the translation, then run {UPDATE.format(path=page.shown)}",
                    )
                )
    return errors, warnings


def update(book: Book, lang: str, rel: str, source: str | None = None) -> bool:
    """Record that lang/rel is up to date with its original (rewriting only `translation:`); True if the file changed."""
    page = book.pages.get((lang, rel))
    shown = book.shown(lang, rel)
    if page is None:
        raise BookErrors([BookError(shown, None, "no such page", "give the path of a page under a language folder")])
    if page.matter is None:
        raise BookErrors(page.errors)
    others = [o for o in book.languages if o != lang and (o, rel) in book.pages and not book.pages[o, rel].is_translation]
    source = source or declared_source(page.matter) or (others[0] if len(others) == 1 else None)
    translations = [o for o in book.languages if o != lang and (o, rel) in book.pages and book.pages[o, rel].is_translation]
    if source is None and translations:  # the original was given: what is recorded is each translation of it
        raise BookErrors(
            [
                BookError(
                    shown,
                    None,
                    f"is the original of {', '.join(book.shown(o, rel) for o in translations)}",
                    "give the translation instead: " + ", ".join(UPDATE.format(path=book.shown(o, rel)) for o in translations),
                )
            ]
        )
    if source is None:
        raise BookErrors(
            [
                BookError(
                    shown,
                    None,
                    "cannot tell which language this page translates",
                    "say it with --from LANG (FROM=LANG with make)",
                )
            ]
        )
    original = book.pages.get((source, rel))
    problem = (
        "a page cannot translate itself"
        if source == lang
        else f"{book.shown(source, rel)} does not exist"
        if original is None
        else f"{original.shown} is itself a translation"
        if original.is_translation
        else f"the front matter of {original.shown} is unreadable"
        if original.matter is None
        else None
    )
    if problem:
        raise BookErrors(
            [
                BookError(
                    shown,
                    None,
                    f"cannot record this page as a translation from {source}: {problem}",
                    "name the language of an existing original with --from LANG (FROM=LANG with make)",
                )
            ]
        )
    mismatches = parity.section_id_mismatches((original.shown, original.text), (shown, page.text))
    if mismatches:
        raise BookErrors(mismatches)
    text = frontmatter.replace_block(page.matter, KEY, render_record(source, original.sections))
    if text == page.text:
        return False
    with open(book.docs_dir / lang / rel, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return True
