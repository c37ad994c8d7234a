"""One error type for every check a contributor can fail."""

from __future__ import annotations

import difflib


class BookError(Exception):
    """A problem in the book's sources, reported as `path:line: what is wrong — how to fix it`."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem} — {self.fix}" if where else f"{self.problem} — {self.fix}"


class BookErrors(Exception):
    """Several problems at once, so a contributor sees all of them in one run."""

    def __init__(self, errors: list[BookError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def collapse_repeats(keyed: list[tuple[object, BookError]], more: str) -> list[BookError]:
    """One report per key, saying how many others it stands for; `more` reads like "(and {n} more times)"."""
    groups: dict = {}
    for key, error in keyed:
        groups.setdefault(key, []).append(error)
    out = []
    for same in groups.values():
        first = same[0]
        if len(same) > 1:
            first = BookError(first.path, first.line, f"{first.problem} {more.format(n=len(same) - 1)}", first.fix)
        out.append(first)
    return out


def closest(wrong: str, known) -> str | None:
    """The known name nearest to a mistyped one, if any is near enough to be what was meant."""
    close = difflib.get_close_matches(wrong, sorted(set(known)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(wrong: str, known, form: str = "{}") -> str:
    """The fix for a name that names nothing: the closest known one, written as `form` shows, or the names there are."""
    known = sorted(set(known))
    if near := closest(wrong, known):
        return f"did you mean {form.format(near)}?"
    if not known:
        return "there are none yet: add one first"
    shown = ", ".join(form.format(name) for name in known[:5])
    return f"use one of {shown}" + (f" (or {len(known) - 5} more)" if len(known) > 5 else "")
