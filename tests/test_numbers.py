"""Numbers in table cells: what contributors write parses to the right value and unit, or fails loudly."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from book.markdown.numbers import MISSING, NotANumber, parse_number


@pytest.mark.parametrize(
    "cell, value, unit, note",
    [
        ("744B", 744e9, "", ""),
        ("1T", 1e12, "", ""),
        ("3B（dense）", 3e9, "", "dense"),
        ("3B (dense)", 3e9, "", "dense"),
        ("39.45", 39.45, "", ""),
        ("38.70%", 38.7, "%", ""),
        ("$1.55", 1.55, "$", ""),
        ("1,000", 1000, "", ""),
        ("１，０００", 1000, "", ""),
        ("５０", 50, "", ""),
        ("３８．７０％", 38.7, "%", ""),
        ("−5", -5, "", ""),
        ("-0.5B", -0.5e9, "", ""),
        ("0.1B", 1e8, "", ""),
        ("12 B", 12e9, "", ""),
        (" 47 ", 47, "", ""),
        ("0", 0, "", ""),
    ],
)
def test_numbers_as_the_book_writes_them(cell, value, unit, note):
    number = parse_number(cell)
    assert (number.value, number.unit, number.note) == (pytest.approx(value), unit, note)
    assert not number.missing and number.text == cell.strip()


@pytest.mark.parametrize("cell", ["N/A", "n/a", "—", "–", "-", "", "  ", "N/A（非公開）", "— (not disclosed)"])
def test_missing_values_are_gaps_not_zero(cell):
    number = parse_number(cell)
    assert number.missing and number.value is None


def test_a_missing_value_keeps_its_note():
    assert parse_number("N/A（非公開）").note == "非公開"


@pytest.mark.parametrize("cell", ["abc", "1.2.3", "1,00", "B", "%", "$", "5 apples", "$5%", "1e9", "∞", "NaN", "1B%"])
def test_anything_else_is_not_a_number(cell):
    with pytest.raises(NotANumber) as raised:
        parse_number(cell)
    assert raised.value.text == cell.strip()


def test_a_number_too_large_to_draw_says_so():
    with pytest.raises(NotANumber, match="too large"):
        parse_number("9" * 400)


# Properties


@given(st.text(max_size=30))
def test_every_cell_parses_or_raises_not_a_number(cell):
    try:
        number = parse_number(cell)
    except NotANumber as error:
        assert error.text == cell.strip()
        return
    if number.value == 0:  # a zero can only come from a written 0, never from a missing or odd cell
        assert "0" in unicodedata.normalize("NFKC", cell)


@given(
    st.sampled_from(sorted(MISSING)),
    st.text(alphabet=st.characters(blacklist_characters="()（）"), max_size=10),
    st.sampled_from(["({})", "（{}）", ""]),
)
def test_missing_words_with_any_note_stay_missing(word, note, brackets):
    number = parse_number(word + (brackets.format(note) if brackets else ""))
    assert number.missing and number.value is None


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["", "K", "M", "B", "T", "%"]),
)
def test_written_numbers_read_back(whole, cents, suffix):
    cell = f"{whole:,}.{cents:02d}{suffix}"
    scale = {"": 1, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, "%": 1}[suffix]
    number = parse_number(cell)
    assert number.value == pytest.approx((whole + cents / 100) * scale)
    assert number.unit == ("%" if suffix == "%" else "")
