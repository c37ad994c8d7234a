"""Numbers as contributors write them in table cells: 744B, 1T, 3B（dense）, 38.70%, $1.55, 1,000, ５０,
ranges (100–300, 100〜300) with a peak in brackets, fractions (1/3) and units (tok/sec, $/1M tokens, 倍, GB, か月).

A cell is a number with its unit and an optional note in brackets, or a missing value
(N/A, —, empty) that charts draw as a gap: a missing value never becomes zero.
A cell that mixes text and numbers is not a number, but `pick_number` can take one number out of it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# Words for "no value": charts leave a gap, never a zero.
MISSING = {"", "n/a", "na", "—", "–", "―", "-"}
# Scale suffixes as the book writes them: B is 10⁹ and T is 10¹² (English short scale).
SCALES = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
EXAMPLES = "39.45, 744B or 38.70%"
CURRENCIES = "$€£¥"
# Units as either language writes them, each read as one name, so that "$1.55/1Mトークン" and
# "$1.55/1M tokens" are the same number in the same unit.
UNITS = {
    "%": "%",
    "×": "×",
    "x": "×",
    "倍": "×",
    "GB": "GB",
    "tok/sec": "tok/s",
    "tok/s": "tok/s",
    "tokens/sec": "tok/s",
    "tokens/s": "tok/s",
    "/1M tokens": "/1M tokens",
    "/1Mトークン": "/1M tokens",
    "months": "months",
    "month": "months",
    "か月": "months",
    "カ月": "months",
    "ヶ月": "months",
    "ヵ月": "months",
}
MONEY_UNITS = ("", "/1M tokens")  # what an amount of money may be counted per
SCALED_UNITS = ("", "tok/s", "/1M tokens")  # what K, M, B or T may scale

# A trailing note in half- or full-width brackets: "3B（dense）", "N/A (not disclosed)".
_NOTE = re.compile(r"\s*[(（](?P<note>[^()（）]*)[)）]\s*$")
_FOLLOWING_NOTE = re.compile(r"\s*[(（](?P<note>[^()（）]*)[)）]")
_PEAK = re.compile(r"(?:peak|max|ピーク|最大)\s*[:：]?\s*(?P<number>.+)", re.IGNORECASE)
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_UNIT = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"""
    (?P<sign>[-+]?)
    (?P<currency>[{CURRENCIES}]?)
    (?P<low>{_AMOUNT})
    (?:\s*(?P<low_scale>[KMBT])(?![A-Za-z]))?
    (?:
        \s*[~〜–-]\s*(?P<high_currency>[{CURRENCIES}]?)(?P<high>{_AMOUNT})(?:\s*(?P<high_scale>[KMBT])(?![A-Za-z]))?
      | /(?P<denominator>\d+)(?![\d.,]|\s*[KMBT])
    )?
    (?:\s*(?P<unit>{_UNIT}))?
    (?![A-Za-z])
    """,
    re.VERBOSE | re.ASCII,  # digits are ASCII once NFKC has folded the full-width ones
)
# What makes a number part of a name ("GPT-5.2", "M4", "Qwen3"), not a quantity, when it comes right before it.
_NAME_BEFORE = re.compile(r"(?:[A-Za-z0-9_.,]|[A-Za-z0-9]-)\Z")


@dataclass(frozen=True)
class Number:
    """One value cell: `value` is None for a missing value; a range runs from `value` to `high`."""

    value: float | None
    unit: str  # "" or one of UNITS' names, after any currency sign: cells of one axis must share it
    note: str  # the text in brackets after the value, shown on hover
    text: str  # the cell as written, for hover text and error messages
    high: float | None = None  # the upper end of a range such as 100–300
    peak: float | None = None  # a peak given in brackets: "100–300 tok/sec (peak 350 tok/sec)"

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def top(self) -> float | None:
        """Where the bar ends: the value, or the upper end of a range."""
        return self.high if self.high is not None else self.value

    @property
    def extent(self) -> tuple[float, ...]:
        """Every value the drawing has to reach."""
        return tuple(v for v in (self.value, self.high, self.peak) if v is not None)


class NotANumber(ValueError):
    """A cell in a value column that is neither a number nor a missing value."""

    def __init__(self, text: str, reason: str = "is not a number"):
        self.text = text
        self.reason = reason
        super().__init__(f'"{text}" {reason}')


def parse_number(cell: str) -> Number:
    """The number in `cell`, or a missing value; raises NotANumber for anything else."""
    text = cell.strip()
    note_match = _NOTE.search(text)
    note = note_match.group("note").strip() if note_match else ""
    body = text[: note_match.start()] if note_match else text
    plain = _fold(body).strip()
    if plain.lower() in MISSING:
        return Number(None, "", note, text)
    match = _QUANTITY.fullmatch(plain)
    if not match:
        raise NotANumber(text)
    return _number(match, note, text)


def pick_number(cell: str, unit: str | None = None) -> Number:
    """The first number in a cell that mixes text and numbers (the first in `unit`, when given).

    A cell with no such number is a missing value. A number right after a letter, digit, dot or a letter's hyphen
    is part of a name ("GPT-5.2", "M4", "Qwen3") and is not taken; a peak in brackets right after the number is.
    """
    text = cell.strip()
    plain, where = _fold_keeping_places(text)
    for match in _QUANTITY.finditer(plain):
        start = match.start()
        if _NAME_BEFORE.search(plain, 0, start):
            continue
        following = _FOLLOWING_NOTE.match(plain, match.end())
        if following and not _PEAK.fullmatch(following.group("note").strip()):
            following = None  # brackets right after the number are taken along only when they give its peak
        note = following.group("note").strip() if following else ""
        written = text[where[start] : where[following.end() if following else match.end()]].strip()
        number = _number(match, note, written)
        if unit is None or number.unit == unit:
            return number
    return Number(None, "", "", "—")


def read_unit(written: str) -> str | None:
    """The unit's name for a unit as a contributor writes it ("$/1Mトークン" → "$/1M tokens"), or None."""
    plain = _fold(written).strip()
    currency = plain[0] if plain and plain[0] in CURRENCIES else ""
    rest = plain[len(currency) :].strip()
    if not rest:
        return currency or None
    name = UNITS.get(rest)
    if name is None or (currency and name not in MONEY_UNITS):
        return None
    return currency + name


def unit_phrase(unit: str) -> str:
    return f"is in {unit}" if unit else "has no unit"


# Helpers


def _fold(text: str) -> str:
    """NFKC turns full-width digits, signs and symbols into ASCII; U+2212 is the typographic minus."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-")


def _fold_keeping_places(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters (and its end) the index of the character it came from."""
    folded, where = [], []
    for index, char in enumerate(text):
        plain = _fold(char)
        folded.append(plain)
        where += [index] * len(plain)
    return "".join(folded), where + [len(text)]


def _amount(digits: str, scale: str, text: str) -> float:
    value = float(Decimal(digits.replace(",", "")) * SCALES[scale or ""])
    if not math.isfinite(value):
        raise NotANumber(text, "is too large to draw")
    return value


def _number(match: re.Match, note: str, text: str) -> Number:
    """The Number a matched quantity stands for, or NotANumber for one that reads two ways."""
    currency = match.group("currency") or match.group("high_currency") or ""
    if match.group("currency") and match.group("high_currency") and match.group("currency") != match.group("high_currency"):
        raise NotANumber(text, "is a range between two currencies")
    unit = UNITS[match.group("unit")] if match.group("unit") else ""
    if currency and unit not in MONEY_UNITS:
        reason = "a percentage" if unit == "%" else f"a number in {unit}"
        raise NotANumber(text, f"is both an amount of money and {reason}")
    low_scale, high_scale = match.group("low_scale"), match.group("high_scale")
    if (low_scale or high_scale) and unit not in SCALED_UNITS:
        raise NotANumber(text)
    value = _amount(match.group("low"), low_scale or high_scale, text)
    if match.group("sign") == "-":
        value = -value
    high = None
    if match.group("high"):
        if low_scale and not high_scale:
            raise NotANumber(text, "has a scale (K, M, B, T) on its lower end only")
        high = _amount(match.group("high"), high_scale, text)
        if high <= value:
            raise NotANumber(text, "is a range whose upper end is not above its lower end")
    elif match.group("denominator"):
        denominator = Decimal(match.group("denominator"))
        if low_scale or not denominator:
            raise NotANumber(text, "is not a fraction a chart can draw")
        value = float(Decimal(match.group("low").replace(",", "")) / denominator) * (-1 if value < 0 else 1)
    peak = _peak(note, currency + unit, value if high is None else high, text)
    return Number(value, currency + unit, note, text, high, peak)


def _peak(note: str, unit: str, top: float, text: str) -> float | None:
    """The peak a note gives ("peak 350 tok/sec", "ピーク350"), in the value's unit and above it; None without one."""
    match = _PEAK.fullmatch(_fold(note).strip())
    if not match:
        return None
    quantity = _QUANTITY.fullmatch(match.group("number").strip())
    if not quantity or quantity.group("high") or quantity.group("denominator"):
        raise NotANumber(text, "has a peak that is not one number")
    peak = _number(quantity, "", text)
    if peak.unit and peak.unit != unit:
        raise NotANumber(text, f"has its peak in {peak.unit or 'no unit'} but its value in {unit or 'no unit'}")
    if peak.value < top:
        raise NotANumber(text, "has a peak below its value")
    return peak.value
