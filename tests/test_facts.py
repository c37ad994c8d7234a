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
        "docs/en/p.md:3: table 1, row 'GLM-5', column 'Total': '745B' does not carry the numbers of '744B' in "
        "docs/ja/p.md:3 — write the same numbers, as digits, in both languages"
    ]


def test_numbers_written_as_words_do_not_pass():
    en = "| Model | Total | Level |\n| --- | ---: | --- |\n| GLM-5 | 744B | on par with GPT-5.2 |\n| Kimi K2.5 | 1T | above a year earlier |\n"
    errors = facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", en))
    assert len(errors) == 1 and "'above a year earlier'" in str(errors[0]) and ":4:" in str(errors[0])


def test_a_missing_table_or_row_is_named():
    en_rows = "| Model | Total | Level |\n| --- | ---: | --- |\n| GLM-5 | 744B | on par with GPT-5.2 |\n"
    assert "table 1 has 1 rows × 3 columns" in str(facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", en_rows))[0])
    assert str(facts.table_mismatches(("docs/ja/p.md", JA), ("docs/en/p.md", "no table\n"))[0]) == (
        "docs/en/p.md: has 0 table(s) where docs/ja/p.md has 1 — give both languages the same tables, in the same order"
    )
