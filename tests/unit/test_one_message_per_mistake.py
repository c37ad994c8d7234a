"""One message per mistake: the sources check of the small book, each mistake made once, reports each once,
where it was made, and nothing that only follows from it."""

from __future__ import annotations

from book.checks import sources
from conftest import copy_book

MISTAKES = [
    # (language, what the page had, what a contributor wrote instead, the one message it gets)
    ("ja", "| GLM-5 | 744B |", "| GLM-5 | abc |", 'value "abc" in column "総パラメータ" is not a number'),
    ("en", "{#reading}", "{#how-to-read}", "section #how-to-read is #reading in docs/ja/part-1/1-1.md:"),
    ("en", "Table: Size", "Size", "the table's caption does not start with `Table: `"),
    ("ja", "[@glm5]", "[@glm-5]", "citation [@glm-5] names no entry of docs/references.yml — did you mean [@glm5]?"),
    ("ja", "[[tbl:two-models]]は", "[[tbl:two-model]]は", "reference [[tbl:two-model]] names no table of the book"),
]


def test_each_mistake_is_reported_once_and_nothing_follows_from_it(tmp_path):
    root = copy_book(tmp_path / "book")
    for lang, right, wrong, _ in MISTAKES:
        page = root / "docs" / lang / "part-1" / "1-1.md"
        text = page.read_text(encoding="utf-8")
        assert right in text, f"the small book no longer has {right!r} in {lang}/part-1/1-1.md"
        page.write_text(text.replace(right, wrong, 1), encoding="utf-8")
    errors, _ = sources.of_book(root)
    reported = [str(error) for error in errors]
    for *_, message in MISTAKES:
        assert sum(message in line for line in reported) == 1, (message, reported)
    assert len(reported) == len(MISTAKES), "\n".join(reported)
