"""Numbers for the book's tables and figures, counted per Part in reading order, and the checks on them.

Tables and figures are counted apart: 表1-1 / Table 1-1 is the first table of Part 1, 図2-1 / Figure 2-1 the first
chart of Part 2. The Conclusion counts as its own division, C (表C-1 / Table C-1). Both languages count the same
items in the same order, so the numbers agree; the checks make sure they do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from book.checks import parity
from book.errors import BookError, did_you_mean
from book.numbering.scan import Item, Page, scan
from book.sources import captions

_PART = re.compile(r"part-(?P<n>\d+)/")
DIVISIONS = {"conclusion.md": "C"}  # pages outside the Parts whose tables are numbered
NAMES = {
    "ja": {"tbl": "表{number}", "fig": "図{number}"},
    "en": {"tbl": "Table {number}", "fig": "Figure {number}"},
}


@dataclass(frozen=True)
class Label:
    kind: str
    id: str
    number: str  # "1-1"
    page: str  # the page's path inside its language folder
    caption: str
    table: str | None = None  # a figure's data table, by its ID

    def name(self, lang: str) -> str:
        """How the text names it: 表1-1, Figure 2-1."""
        return NAMES.get(lang, NAMES["en"])[self.kind].format(number=self.number)

    @property
    def anchor(self) -> str:
        return captions.anchor(self.kind, self.id)


def division(page: str) -> str | None:
    """The division a page's tables are numbered in (a Part's number, or C), or None when they are not numbered."""
    match = _PART.match(page)
    return match["n"] if match else DIVISIONS.get(page)


def complete_order(reading_order: list[str], docs: Path, lang: str) -> list[str]:
    """The pages in reading order (the nav's), then any page the nav leaves out."""
    return reading_order + [page for page in parity.pages(docs, lang) if page not in reading_order]


def numbers_by_language(
    docs: Path, langs: list[str], reading_order: list[str], default: str, shown=lambda path: str(path)
) -> dict[str, dict]:
    """Each language's labels, as the site shows the book (a missing translation reads as its original)."""
    order = complete_order(reading_order, docs, default)
    return {lang: number(scan_language(docs, lang, order, shown, fallback=default)) for lang in langs}


def scan_language(
    docs: Path, lang: str, pages: list[str], shown=lambda path: str(path), fallback: str | None = None
) -> dict[str, Page]:
    """Each page of one language (in reading order) scanned; with `fallback`, a page the language lacks is read
    in that language, as the site shows it."""
    scanned = {}
    for page in pages:
        path = docs / lang / page
        if not path.is_file() and fallback:
            path = docs / fallback / page
        if path.is_file():
            scanned[page] = scan(path.read_text(encoding="utf-8"), shown(path), division(page) is not None)
    return scanned


def number(pages: dict[str, Page]) -> dict[tuple[str, str], Label]:
    """(kind, id) → its label, counting per division and kind in the order of `pages`."""
    counts: dict[tuple[str, str], int] = {}
    labels = {}
    for page, scanned in pages.items():
        part = division(page)
        if part is None:
            continue
        for item in scanned.items:
            if (item.kind, item.id) in labels:
                continue  # a duplicate: the checks report it
            counts[part, item.kind] = counts.get((part, item.kind), 0) + 1
            number = f"{part}-{counts[part, item.kind]}"
            labels[item.kind, item.id] = Label(item.kind, item.id, number, page, item.caption, item.table)
    return labels


def problems(pages: dict[str, Page], path_of, elsewhere: frozenset = frozenset()) -> list[BookError]:
    """A language's errors: bad captions, IDs used twice, references to IDs no table or figure carries (but not to a
    figure while a chart marker does not read, nor to an ID another language's table carries (`elsewhere`): the
    chart checks, or the caption's and the pairing's checks, report that one mistake)."""
    errors: list[BookError] = []
    seen: dict[tuple[str, str], tuple[str, Item]] = {}
    for page, scanned in pages.items():
        errors += scanned.errors
        for item in scanned.items:
            if item.kind == "tbl" and (item.kind, item.id) in seen:
                first_page, first = seen[item.kind, item.id]
                errors.append(
                    BookError(
                        path_of(page),
                        item.line,
                        f"table ID #tbl:{item.id} is already used at {path_of(first_page)}:{first.line}",
                        "give every table of a language its own ID",
                    )
                )
            seen.setdefault((item.kind, item.id), (page, item))
    figures_known = all(scanned.charts_read for scanned in pages.values())
    for page, scanned in pages.items():
        for ref in scanned.references:
            if ref.kind not in captions.KINDS:
                errors.append(
                    BookError(
                        path_of(page),
                        ref.line,
                        f"reference [[{ref.kind}:{ref.id}]] is neither a table (tbl:) nor a figure (fig:)",
                        f"write [[tbl:ID]] for a table or [[fig:ID]] for a chart, such as [[tbl:{ref.id}]]",
                    )
                )
            elif (ref.kind, ref.id) not in seen and (ref.kind, ref.id) not in elsewhere and (ref.kind == "tbl" or figures_known):
                known = [item_id for kind, item_id in seen if kind == ref.kind]
                what = "table" if ref.kind == "tbl" else "figure"
                errors.append(
                    BookError(
                        path_of(page),
                        ref.line,
                        f"reference [[{ref.kind}:{ref.id}]] names no {what} of the book",
                        did_you_mean(ref.id, known, f"[[{ref.kind}:{{}}]]"),
                    )
                )
    return errors


def mismatches(original: dict[str, Page], translation: dict[str, Page], path_of, original_path_of) -> list[BookError]:
    """Where a translated page numbers other tables or figures than its original, so the numbers would differ."""
    errors = []
    for page, mine in translation.items():
        theirs = original.get(page)
        if theirs is None or mine.errors or theirs.errors:
            continue  # a caption that does not read is reported where it stands
        for kind, word in (("tbl", "tables"), ("fig", "figures")):
            if kind == "fig" and not (mine.charts_read and theirs.charts_read):
                continue  # a marker that does not read is reported by the chart checks
            a = [i for i in theirs.items if i.kind == kind]
            b = [i for i in mine.items if i.kind == kind]
            if [i.id for i in a] != [i.id for i in b]:
                at = b[0].line if b else None
                errors.append(
                    BookError(
                        path_of(page),
                        at,
                        f"the {word} here ({', '.join(i.id for i in b) or 'none'}) differ from those of "
                        f"{original_path_of(page)} ({', '.join(i.id for i in a) or 'none'}), so their numbers would differ",
                        "give both languages the same captioned tables and charts, with the same IDs, in the same order",
                    )
                )
    return errors


def check_book(docs: Path, langs: list[str], reading_order: list[str], shown=lambda path: str(path)) -> list[BookError]:
    """Every language's captions and references, and the same numbered items in every language."""
    scanned = {lang: scan_language(docs, lang, reading_order, shown) for lang in langs}
    errors = []
    original, *others = langs
    for lang in langs:

        def path_of(page: str, lang: str = lang) -> str:
            return shown(docs / lang / page)

        elsewhere = frozenset(
            (item.kind, item.id) for other in langs if other != lang for page in scanned[other].values() for item in page.items
        )
        errors += problems(scanned[lang], path_of, elsewhere)
    for lang in others:
        errors += mismatches(
            scanned[original],
            scanned[lang],
            lambda page, lang=lang: shown(docs / lang / page),
            lambda page: shown(docs / original / page),
        )
    return errors
