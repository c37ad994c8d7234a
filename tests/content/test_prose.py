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


# One copy of the small book holds every case below, each on pages of its own, and textlint reads it once.
TERMS, STYLE, NOT_PROSE, VOICE = "part-1/1-2.md", "part-1/1-1.md", "part-1/index.md", "glossary.md"


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The copy, the line of each case's paragraph, and textlint's findings on each page."""
    book = copy_book(tmp_path_factory.mktemp("prose") / "book")
    lines = {
        "terms": (
            _append(book, f"docs/ja/{TERMS}", "いまでは2ヶ月あれば十分である。"),
            _append(book, f"docs/en/{TERMS}", "Every open weight model was optimized for speed."),
        ),
        "style": (
            _append(book, f"docs/ja/{STYLE}", "この節では GLM-5 を扱います。"),
            _append(book, f"docs/en/{STYLE}", "The the model answers."),
        ),
        "voice": (
            _append(book, f"docs/ja/{VOICE}", "原典によれば、原著者はフロンティア水準の知能が後戻りできない形で移ると書いた。"),
            _append(book, f"docs/ja/{VOICE}", "違いにはならない。 **軸は移った。**"),
            _append(book, f"docs/ja/{VOICE}", "差が生まれる場所は、 **「推論」**へ移る。"),
            _append(
                book,
                f"docs/en/{VOICE}",
                "The original edition says, and the original author agrees, that frontier-level gains cannot be undone.",
            ),
        ),
    }
    page = book / "docs" / "ja" / NOT_PROSE
    text = page.read_text(encoding="utf-8")
    front, _, body = text.partition("\n---\n")
    page.write_text(
        f"{front}\nkeywords: いまの 2ヶ月\n---\n{body}\n<!-- chart\ncaption: いま 3ヶ月 です\n-->\n\n```text\nいま 2ヶ月 です\n```\n",
        encoding="utf-8",
    )
    errors = [str(e) for e in prose.problems(book)]
    return book, lines, errors


def on(errors: list[str], *pages: str) -> list[str]:
    return [e for e in errors if any(e.startswith(f"docs/{lang}/{page}:") for page in pages for lang in ("ja", "en"))]


def test_the_book_passes_the_prose_check():
    errors = prose.problems(ROOT)
    assert not errors, "\n".join(map(str, errors))


def test_copy_book_brings_the_prose_configuration(checked):
    book, _, errors = checked
    for name in (*prose.CONFIGS.values(), "prh.yml"):
        assert (book / name).exists(), name
    assert [e for e in errors if not on([e], TERMS, STYLE, VOICE)] == []  # the pages left as they are pass


def test_a_mistake_in_each_language_is_named_by_file_and_line(checked):
    _, lines, errors = checked
    ja, en = lines["terms"]
    assert on(errors, TERMS) == [
        f"docs/ja/{TERMS}:{ja}: 'いま' is not how the book writes it (prh.yml) — write '今'",
        f"docs/ja/{TERMS}:{ja}: 'ヶ月' is not how the book writes it (prh.yml) — write 'か月'",
        f"docs/en/{TERMS}:{en}: 'open weight' is not how the book writes it (terminology) — write 'open-weight'",
        f"docs/en/{TERMS}:{en}: 'optimized' is not how the book writes it (terminology) — write 'optimised'",
    ]


def test_style_rules_name_the_rule_and_the_fix(checked):
    _, lines, errors = checked
    ja, en = lines["style"]
    errors = on(errors, STYLE)
    assert any(
        e.startswith(f"docs/ja/{STYLE}:{ja}: ")
        and "(ja-spacing/ja-space-between-half-and-full-width)" in e
        and "— remove the space between Japanese and Latin letters or digits" in e
        for e in errors
    ), errors
    assert any(e.startswith(f"docs/ja/{STYLE}:{ja}: ") and "no-mix-dearu-desumasu" in e for e in errors), errors
    assert (
        f'docs/en/{STYLE}:{en}: "the" is repeated (write-good) — rephrase it; or, if the rule does not suit the book, tune it in .textlintrc.en.yml'
        in errors
    )


def test_front_matter_code_and_chart_markers_are_not_prose(checked):
    _, _, errors = checked
    assert on(errors, NOT_PROSE) == []


def test_the_books_one_voice_and_the_space_before_bold_are_flagged(checked):
    """The names the book settled on (原著, 筆者, フロンティア級, 不可逆; the original, the author, frontier-class,
    irreversible) are the only ones that pass, and a space before ** in Japanese text is found where
    ja-space-around-strong does not look: after 、 or 。, and before ** the parser leaves as text."""
    _, lines, errors = checked
    ja, bold, literal, en = lines["voice"]
    assert on(errors, VOICE) == [
        f"docs/ja/{VOICE}:{ja}: '原典' is not how the book writes it (prh.yml) — write '原著'",
        f"docs/ja/{VOICE}:{ja}: '原著者' is not how the book writes it (prh.yml) — write '筆者'",
        f"docs/ja/{VOICE}:{ja}: 'フロンティア水準' is not how the book writes it (prh.yml) — write 'フロンティア級'",
        f"docs/ja/{VOICE}:{ja}: '後戻りできない' is not how the book writes it (prh.yml) — write '不可逆な'",
        f"docs/ja/{VOICE}:{bold}: '。' is not how the book writes it (prh.yml) — write '。'",
        f"docs/ja/{VOICE}:{literal}: '、 **' is not how the book writes it (prh.yml) — write '、**'",
        f"docs/en/{VOICE}:{en}: 'original edition' is not how the book writes it (terminology) — write 'original'",
        f"docs/en/{VOICE}:{en}: 'original author' is not how the book writes it (terminology) — write 'author'",
        f"docs/en/{VOICE}:{en}: 'frontier-level' is not how the book writes it (terminology) — write 'frontier-class'",
        f"docs/en/{VOICE}:{en}: 'cannot be undone' is not how the book writes it (terminology) — write 'is irreversible'",
    ]
