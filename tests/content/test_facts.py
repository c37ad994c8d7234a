"""Fact parity: every table of a Japanese page carries the same numbers as its English counterpart."""

from __future__ import annotations

import pytest

from book.checks import facts, parity
from conftest import ROOT

DOCS = ROOT / "docs"


@pytest.mark.parametrize("page", parity.pages(DOCS, "ja"))
def test_tables_carry_the_same_numbers_in_both_languages(page):
    ja = (f"docs/ja/{page}", (DOCS / "ja" / page).read_text(encoding="utf-8"))
    en = (f"docs/en/{page}", (DOCS / "en" / page).read_text(encoding="utf-8"))
    assert facts.table_mismatches(ja, en) == []


def test_the_book_has_its_tables():
    text = (DOCS / "ja" / "part-1" / "1-3.md").read_text(encoding="utf-8")
    assert len(facts.tables(text, "1-3.md")) == 4


JA = "| モデル | 総パラメータ | 性能 |\n| --- | ---: | --- |\n| GLM-5 | 744B | GPT-5.2と同等 |\n| Kimi K2.5 | 1T | １年前より上 |\n"


def test_a_differing_cell_names_both_paths_the_table_and_the_cell():
    en = "| Model | Total | Level |\n| --- | ---: | --- |\n| GLM-5 | 745B | on par with GPT-5.2 |\n| Kimi K2.5 | 1T | above 1 year earlier |\n"
    assert [str(e) for e in facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", en))] == [
        "docs/en/p.md:3: table 1, row 'GLM-5', column 'Total': '745B' has 745 where '744B' in docs/ja/p.md:3 has 744 "
        "— write the same numbers, as digits, in both languages (in any order)"
    ]


def test_numbers_written_as_words_do_not_pass():
    en = "| Model | Total | Level |\n| --- | ---: | --- |\n| GLM-5 | 744B | on par with GPT-5.2 |\n| Kimi K2.5 | 1T | above a year earlier |\n"
    errors = facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", en))
    assert [str(e) for e in errors] == [
        "docs/en/p.md:4: table 1, row 'Kimi K2.5', column 'Level': 'above a year earlier' lacks 1, which '１年前より上' "
        "in docs/ja/p.md:4 has — write the same numbers, as digits, in both languages (in any order)"
    ]


def test_a_missing_table_or_row_is_named():
    en_rows = "| Model | Total | Level |\n| --- | ---: | --- |\n| GLM-5 | 744B | on par with GPT-5.2 |\n"
    assert "table 1 has 1 rows × 3 columns" in str(facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", en_rows))[0])
    assert str(facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", "no table\n"))[0]) == (
        "docs/en/p.md: has 0 table(s) where docs/ja/p.md has 1 — give both languages the same tables, in the same order"
    )


def table(cell: str) -> str:
    return f"| Model | Achieved |\n| --- | --- |\n| Kimi K2.5 | {cell} |\n"


def test_the_same_numbers_in_another_order_agree():
    ja = table("1Tパラメータのうち32Bをアクティブ化、$1.20/1Mトークン")
    en = table("1T parameters with 32B active; $1.20/1M tokens")
    reordered = table("32B active of 1T parameters; $1.20/1M tokens")
    assert facts.table_mismatches(("docs/ja/p.md", ja), ("docs/en/p.md", en)) == []
    assert facts.table_mismatches(("docs/ja/p.md", ja), ("docs/en/p.md", reordered)) == []


def test_a_number_written_once_more_is_named():
    errors = facts.table_mismatches(
        ("docs/ja/p.md", table("80Bのうち3B")), ("docs/en/p.md", table("80B total, 3B active, 3B dense"))
    )
    assert [str(e) for e in errors] == [
        "docs/en/p.md:3: table 1, row 'Kimi K2.5', column 'Achieved': '80B total, 3B active, 3B dense' has 3, which "
        "'80Bのうち3B' in docs/ja/p.md:3 does not — write the same numbers, as digits, in both languages (in any order)"
    ]


def test_a_reordered_cell_with_one_wrong_number_names_only_that_number():
    errors = facts.table_mismatches(
        ("docs/ja/p.md", table("100〜300（ピーク350）")), ("docs/en/p.md", table("peak 360; 100–300"))
    )
    assert len(errors) == 1 and "has 360 where '100〜300（ピーク350）' in docs/ja/p.md:3 has 350 —" in str(errors[0])
