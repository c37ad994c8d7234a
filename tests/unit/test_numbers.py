"""Numbers in table cells: what contributors write parses to the right value and unit, or fails loudly."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from book.sources.numbers import MISSING, NotANumber, parse_number, pick_number, read_unit


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


@pytest.mark.parametrize(
    "cell, value, unit",
    [
        ("100 tok/sec", 100, "tok/s"),
        ("100 tokens/s", 100, "tok/s"),
        ("$1.55/1M tokens", 1.55, "$/1M tokens"),
        ("$1.55/1Mトークン", 1.55, "$/1M tokens"),
        ("＄１．５５／１Ｍトークン", 1.55, "$/1M tokens"),
        ("3×", 3, "×"),
        ("3x", 3, "×"),
        ("3倍", 3, "×"),
        ("24GB", 24, "GB"),
        ("24 GB", 24, "GB"),
        ("18 months", 18, "months"),
        ("18か月", 18, "months"),
        ("18ヶ月", 18, "months"),
        ("18カ月", 18, "months"),
        ("1.5K tok/sec", 1500, "tok/s"),
        ("1/3", 1 / 3, ""),
        ("2/3", 2 / 3, ""),
        ("1/4%", 0.25, "%"),
    ],
)
def test_units_and_fractions(cell, value, unit):
    number = parse_number(cell)
    assert (number.value, number.unit, number.high, number.peak) == (pytest.approx(value), unit, None, None)


@pytest.mark.parametrize(
    "cell, low, high, peak, unit",
    [
        ("100–300", 100, 300, None, ""),
        ("100〜300", 100, 300, None, ""),
        ("100～300", 100, 300, None, ""),
        ("100~300", 100, 300, None, ""),
        ("100-300", 100, 300, None, ""),
        ("100 – 300 tok/sec", 100, 300, None, "tok/s"),
        ("100–300 tok/sec (peak 350 tok/sec)", 100, 300, 350, "tok/s"),
        ("100〜300 tok/sec（ピーク350 tok/sec）", 100, 300, 350, "tok/s"),
        ("100〜300（最大350）", 100, 300, 350, ""),
        ("1–3B", 1e9, 3e9, None, ""),
        ("1B–3B", 1e9, 3e9, None, ""),
        ("$1–$3", 1, 3, None, "$"),
        ("10–20%", 10, 20, None, "%"),
        ("6〜12か月", 6, 12, None, "months"),
        ("50 (peak 70)", 50, None, 70, ""),
    ],
)
def test_ranges_and_peaks(cell, low, high, peak, unit):
    number = parse_number(cell)
    assert (number.value, number.high, number.peak, number.unit) == (pytest.approx(low), high, peak, unit)
    assert number.top == (high or low) and not number.missing


def test_a_note_that_is_not_a_peak_stays_a_note():
    number = parse_number("100–300 (measured)")
    assert (number.note, number.peak) == ("measured", None)


@pytest.mark.parametrize(
    "cell, reason",
    [
        ("300–100", "is a range whose upper end is not above its lower end"),
        ("100–100", "is a range whose upper end is not above its lower end"),
        ("1B–3", "has a scale (K, M, B, T) on its lower end only"),
        ("$1–€3", "is a range between two currencies"),
        ("1/0", "is not a fraction a chart can draw"),
        ("100–300 (peak 200)", "has a peak below its value"),
        ("100–300 tok/sec (peak 350%)", "has its peak in % but its value in tok/s"),
        ("100–300 (peak 350–400)", "has a peak that is not one number"),
        ("$5%", "is both an amount of money and a percentage"),
        ("$3x", "is both an amount of money and a number in ×"),
        ("3B%", "is not a number"),
        ("3B months", "is not a number"),
    ],
)
def test_numbers_that_read_two_ways_say_why(cell, reason):
    with pytest.raises(NotANumber) as raised:
        parse_number(cell)
    assert (raised.value.text, raised.value.reason) == (cell, reason)


@pytest.mark.parametrize(
    "cell, unit, text, value",
    [
        (
            "100〜300 tok/sec（ピーク350 tok/sec）。アクティブ11Bで196B分の知識を保つ",
            None,
            "100〜300 tok/sec（ピーク350 tok/sec）",
            100,
        ),
        ("1Tパラメータのうち32Bをアクティブ化、$1.20/1Mトークン", None, "1T", 1e12),
        ("1Tパラメータのうち32Bをアクティブ化、$1.20/1Mトークン", "$/1M tokens", "$1.20/1Mトークン", 1.2),
        ("1T parameters with 32B active; $1.20/1M tokens", "$/1M tokens", "$1.20/1M tokens", 1.2),
        ("Frontier-class performance at $1.55/1M tokens (against GPT-5.2: 1/3 of its price)", None, "$1.55/1M tokens", 1.55),
        ("on par with GPT-5.2 at 3x the speed", None, "3x", 3),
        ("runs on an M4 Max in 24 GB", None, "24 GB", 24),
        ("Qwen3-Coder-Next: 80B", None, "80B", 80e9),
        ("１年前より上", None, "１", 1),
    ],
)
def test_picking_the_first_number_from_a_cell_with_words(cell, unit, text, value):
    number = pick_number(cell, unit)
    assert (number.text, number.value) == (text, pytest.approx(value))


@pytest.mark.parametrize("cell, unit", [("3Bのdenseモデルで実証", "$/1M tokens"), ("GPT-5.2 on an M4 Max", None), ("", None)])
def test_a_cell_without_the_number_picked_is_a_gap(cell, unit):
    number = pick_number(cell, unit)
    assert number.missing and number.text == "—"


@pytest.mark.parametrize(
    "written, unit",
    [("$/1M tokens", "$/1M tokens"), ("$/1Mトークン", "$/1M tokens"), ("tok/sec", "tok/s"), ("倍", "×"), ("$", "$"), ("%", "%")],
)
def test_units_named_in_a_pick_rule(written, unit):
    assert read_unit(written) == unit


@pytest.mark.parametrize("written", ["", "parsecs", "$%", "$ months"])
def test_units_the_book_does_not_write(written):
    assert read_unit(written) is None


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
