"""The two languages' blocks of a page, paired one to one; where they stop pairing, a BookError naming the line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from book.errors import BookError
from book.sources.blocks import ASIDE, MARKS, NAMES, blocks

_NOTES = "side by side, each footnote stands beside the one of the same name"
_FIX = "side by side, each heading, paragraph, list item, table and chart stands beside its counterpart, in the same order"


@dataclass(frozen=True)
class Unit:
    """One row of a side-by-side page: a block, or one item of a list."""

    kind: str  # a block's kind, or "item"
    line: int
    key: str  # a heading's, table's or chart's ID, or a marker's text: the same in both languages
    marks: frozenset[str]  # citations, references and footnote marks: the same in both languages

    @property
    def signature(self) -> tuple:
        return self.kind, self.key, self.marks

    @property
    def name(self) -> str:
        return "a list item" if self.kind == "item" else NAMES[self.kind]


def units(text: str, path: str) -> list[Unit]:
    """The rows a page gives: its blocks in the running text, each list split into its items."""
    found = []
    for block in blocks(text, path):
        if block.kind in ASIDE:
            continue
        if block.kind != "list":
            found.append(Unit(block.kind, block.line, block.key, block.marks))
            continue
        lines = text.split("\n")
        bounds = [*block.items, block.end + 1]
        for start, end in zip(bounds, bounds[1:]):
            found.append(Unit("item", start, "", frozenset(MARKS.findall("\n".join(lines[start - 1 : end - 1])))))
    return found


def footnotes(text: str, path: str) -> dict[str, int]:
    """The page's footnotes by name, with the line each is defined on."""
    return {block.key: block.line for block in blocks(text, path) if block.kind == "footnote"}


def problems(original: tuple[str, str], translation: tuple[str, str]) -> list[BookError]:
    """Where a page and its translation stop pairing: the first row out of step, and footnotes with no counterpart."""
    (path_a, text_a), (path_b, text_b) = original, translation
    try:
        a, b = units(text_a, path_a), units(text_b, path_b)
    except BookError:
        return []  # a chart marker that does not read: the chart checks report it
    errors = _first_step(a, b, path_a, path_b)
    notes_a, notes_b = footnotes(text_a, path_a), footnotes(text_b, path_b)
    for name, line in notes_b.items():
        if name not in notes_a:
            errors.append(
                BookError(
                    path_b,
                    line,
                    f"footnote [^{name}] has no counterpart in {path_a}",
                    f"add it there too, or remove it; {_NOTES}",
                )
            )
    for name, line in notes_a.items():
        if name not in notes_b:
            errors.append(
                BookError(
                    path_a,
                    line,
                    f"footnote [^{name}] has no counterpart in {path_b}",
                    f"translate it there, or remove it; {_NOTES}",
                )
            )
    return errors


def _first_step(a: list[Unit], b: list[Unit], path_a: str, path_b: str) -> list[BookError]:
    """The first place the two pages' rows differ; everything after it would only repeat it. There, a row of one
    language has no counterpart when the rest pairs without it, or two rows stand side by side that differ."""
    sig_a, sig_b = [u.signature for u in a], [u.signature for u in b]
    i = next((n for n, (x, y) in enumerate(zip(sig_a, sig_b)) if x != y), min(len(a), len(b)))
    if i == len(a) == len(b):
        return []
    replaced = _common(sig_a[i + 1 :], sig_b[i + 1 :]) if i < min(len(a), len(b)) else -1
    added = _common(sig_b[i + 1 :], sig_a[i:]) if i < len(b) else -1
    dropped = _common(sig_a[i + 1 :], sig_b[i:]) if i < len(a) else -1
    if added > replaced and added >= dropped:  # a row of the translation with no counterpart
        unit, after = b[i], _after(a, i, path_a)
        return [
            BookError(
                path_b,
                unit.line,
                f"{unit.name} here has no counterpart in {path_a}{after}",
                f"add it there too, or remove it; {_FIX}",
            )
        ]
    if dropped > replaced:  # a row of the original with no counterpart
        unit, after = a[i], _after(b, i, path_b)
        return [
            BookError(
                path_a,
                unit.line,
                f"{unit.name} here has no counterpart in {path_b}{after}",
                f"translate it there, or remove it; {_FIX}",
            )
        ]
    mine, theirs = b[i], a[i]
    if mine.kind == theirs.kind and mine.key == theirs.key:
        what = f"carries {_marks(mine)}, but its counterpart at {path_a}:{theirs.line} carries {_marks(theirs)}"
        fix = "keep each citation, reference and footnote mark in the counterpart of its paragraph; or the paragraphs are out of step"
        return [BookError(path_b, mine.line, f"{mine.name} here {what}", f"{fix}: {_FIX}")]
    return [
        BookError(
            path_b,
            mine.line,
            f"{_described(mine)} here would stand beside {_described(theirs)} at {path_a}:{theirs.line}",
            f"a block added to one language only puts the rest out of step; {_FIX}",
        )
    ]


def _common(x: list, y: list) -> int:
    """How many rows the two run on pairing from their starts."""
    return next((n for n, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))


def _after(units: list[Unit], index: int, path: str) -> str:
    return f" (it would come after {path}:{units[index - 1].line})" if index else " (it would come first)"


def _described(unit: Unit) -> str:
    return f"{unit.name} #{unit.key}" if unit.key and unit.kind != "marker" else unit.name


def _marks(unit: Unit) -> str:
    return ", ".join(sorted(unit.marks)) or "no citation, reference or footnote mark"


def pairs_up(docs: Path, langs: list[str], page: str) -> bool:
    """Whether every language's page pairs with the original's (a translation behind its original may not yet)."""
    original, *others = langs
    path = docs / original / page
    texts = {lang: docs / lang / page for lang in langs}
    if not all(p.is_file() for p in texts.values()):
        return False
    first = (f"{docs.name}/{original}/{page}", path.read_text(encoding="utf-8"))
    return not any(problems(first, (f"{docs.name}/{lang}/{page}", texts[lang].read_text(encoding="utf-8"))) for lang in others)
