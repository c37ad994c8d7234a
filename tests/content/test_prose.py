"""Prose style and terms: textlint with the book's configuration passes on docs/, and a mistake in either language
is reported as `path:line: what is wrong — how to fix it`."""

from __future__ import annotations

import pytest

from book.checks import prose
from conftest import ROOT, copy_book

pytestmark = pytest.mark.skipif(not (ROOT / prose.TEXTLINT).exists(), reason="run `make setup` (npm ci) first")


def _append(book, page: str, text: str) -> int:
    """Adds a paragraph to a page of the copy and returns its line number."""
    path = book / page
    lines = path.read_text(encoding="utf-8").rstrip("\n").splitlines()
    path.write_text("\n".join([*lines, "", text, ""]), encoding="utf-8")
    return len(lines) + 2


def test_the_book_passes_the_prose_check():
    errors = prose.problems(ROOT)
    assert not errors, "\n".join(map(str, errors))


def test_copy_book_brings_the_prose_configuration(tmp_path):
    book = copy_book(tmp_path / "book")
    for name in (*prose.CONFIGS.values(), "prh.yml"):
        assert (book / name).exists(), name
    assert prose.problems(book) == []


def test_a_mistake_in_each_language_is_named_by_file_and_line(tmp_path):
    book = copy_book(tmp_path / "book")
    ja = _append(book, "docs/ja/part-1/1-2.md", "いまでは2ヶ月あれば十分である。")
    en = _append(book, "docs/en/part-1/1-2.md", "Every open weight model was optimized for speed.")
    errors = [str(e) for e in prose.problems(book)]
    assert errors == [
        f"docs/ja/part-1/1-2.md:{ja}: 'いま' is not how the book writes it (prh.yml) — write '今'",
        f"docs/ja/part-1/1-2.md:{ja}: 'ヶ月' is not how the book writes it (prh.yml) — write 'か月'",
        f"docs/en/part-1/1-2.md:{en}: 'open weight' is not how the book writes it (terminology) — write 'open-weight'",
        f"docs/en/part-1/1-2.md:{en}: 'optimized' is not how the book writes it (terminology) — write 'optimised'",
    ]


def test_style_rules_name_the_rule_and_the_fix(tmp_path):
    book = copy_book(tmp_path / "book")
    ja = _append(book, "docs/ja/part-1/1-2.md", "この節では GLM-5 を扱います。")
    en = _append(book, "docs/en/part-1/1-2.md", "The the model answers.")
    errors = [str(e) for e in prose.problems(book)]
    assert any(
        e.startswith(f"docs/ja/part-1/1-2.md:{ja}: ")
        and "(ja-spacing/ja-space-between-half-and-full-width)" in e
        and "— remove the space between Japanese and Latin letters or digits" in e
        for e in errors
    ), errors
    assert any(e.startswith(f"docs/ja/part-1/1-2.md:{ja}: ") and "no-mix-dearu-desumasu" in e for e in errors), errors
    assert (
        f'docs/en/part-1/1-2.md:{en}: "the" is repeated (write-good) — rephrase it; or, if the rule does not suit the book, tune it in .textlintrc.en.yml'
        in errors
    )


def test_front_matter_code_and_chart_markers_are_not_prose(tmp_path):
    book = copy_book(tmp_path / "book")
    page = book / "docs" / "ja" / "part-1" / "1-2.md"
    text = page.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    page.write_text(
        f"{head}\nkeywords: いまの 2ヶ月\n---\n{body}\n<!-- chart\ncaption: いま 3ヶ月 です\n-->\n\n```text\nいま 2ヶ月 です\n```\n",
        encoding="utf-8",
    )
    assert prose.problems(book) == []


def test_the_books_one_voice_and_the_space_before_bold_are_flagged(tmp_path):
    """The names the book settled on (原著, 筆者, フロンティア級, 不可逆; the original, the author, frontier-class,
    irreversible) are the only ones that pass, and a space before ** in Japanese text is found where
    ja-space-around-strong does not look: after 、 or 。, and before ** the parser leaves as text."""
    book = copy_book(tmp_path / "book")
    ja = _append(book, "docs/ja/part-1/1-2.md", "原典によれば、原著者はフロンティア水準の知能が後戻りできない形で移ると書いた。")
    bold = _append(book, "docs/ja/part-1/1-2.md", "違いにはならない。 **軸は移った。**")
    literal = _append(book, "docs/ja/part-1/1-2.md", "差が生まれる場所は、 **「推論」**へ移る。")
    en = _append(
        book,
        "docs/en/part-1/1-2.md",
        "The original edition says, and the original author agrees, that frontier-level gains cannot be undone.",
    )
    errors = [str(e) for e in prose.problems(book)]
    assert errors == [
        f"docs/ja/part-1/1-2.md:{ja}: '原典' is not how the book writes it (prh.yml) — write '原著'",
        f"docs/ja/part-1/1-2.md:{ja}: '原著者' is not how the book writes it (prh.yml) — write '筆者'",
        f"docs/ja/part-1/1-2.md:{ja}: 'フロンティア水準' is not how the book writes it (prh.yml) — write 'フロンティア級'",
        f"docs/ja/part-1/1-2.md:{ja}: '後戻りできない' is not how the book writes it (prh.yml) — write '不可逆な'",
        f"docs/ja/part-1/1-2.md:{bold}: '。' is not how the book writes it (prh.yml) — write '。'",
        f"docs/ja/part-1/1-2.md:{literal}: '、 **' is not how the book writes it (prh.yml) — write '、**'",
        f"docs/en/part-1/1-2.md:{en}: 'original edition' is not how the book writes it (terminology) — write 'original'",
        f"docs/en/part-1/1-2.md:{en}: 'original author' is not how the book writes it (terminology) — write 'author'",
        f"docs/en/part-1/1-2.md:{en}: 'frontier-level' is not how the book writes it (terminology) — write 'frontier-class'",
        f"docs/en/part-1/1-2.md:{en}: 'cannot be undone' is not how the book writes it (terminology) — write 'is irreversible'",
    ]
