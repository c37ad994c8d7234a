"""One error type for every check a contributor can fail."""

from __future__ import annotations


class BookError(Exception):
    """A problem in the book's sources, reported as `path:line: what is wrong — how to fix it`."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __reduce__(self):  # pickled whole: the source checks send their errors from another process
        return BookError, (self.path, self.line, self.problem, self.fix)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem} — {self.fix}"


class BookErrors(Exception):
    """Several problems at once, so a contributor sees all of them in one run."""

    def __init__(self, errors: list[BookError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __reduce__(self):
        return BookErrors, (self.errors,)


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
