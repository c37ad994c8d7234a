"""Numbers as contributors write them in table cells: 744B, 1T, 3B（dense）, 38.70%, $1.55, 1,000, ５０.

A cell is a number with its unit and an optional note in brackets, or a missing value
(N/A, —, empty) that charts draw as a gap: a missing value never becomes zero.
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

# A trailing note in half- or full-width brackets: "3B（dense）", "N/A (not disclosed)".
_NOTE = re.compile(r"\s*[(（](?P<note>[^()（）]*)[)）]\s*$")
_NUMBER = re.compile(
    r"""
    (?P<sign>[-+]?)
    (?P<currency>[$€£¥]?)
    (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    \s*
    (?P<suffix>[KMBT%]?)
    """,
    re.VERBOSE | re.ASCII,  # digits are ASCII once NFKC has folded the full-width ones
)


@dataclass(frozen=True)
class Number:
    """One value cell: `value` is None for a missing value."""

    value: float | None
    unit: str  # "", "%" or a currency symbol: cells of one axis must share it
    note: str  # the text in brackets after the value, shown on hover
    text: str  # the cell as written, for hover text and error messages

    @property
    def missing(self) -> bool:
        return self.value is None


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
    # NFKC turns full-width digits, signs and symbols into ASCII; U+2212 is the typographic minus.
    plain = unicodedata.normalize("NFKC", body).replace("\u2212", "-").strip()
    if plain.lower() in MISSING:
        return Number(None, "", note, text)
    match = _NUMBER.fullmatch(plain)
    if not match:
        raise NotANumber(text)
    suffix = match.group("suffix")
    currency = match.group("currency")
    if currency and suffix == "%":
        raise NotANumber(text, "is both an amount of money and a percentage")
    scale = SCALES[suffix] if suffix != "%" else 1
    value = float(Decimal(match.group("digits").replace(",", "")) * scale)
    if not math.isfinite(value):
        raise NotANumber(text, "is too large to draw")
    if match.group("sign") == "-":
        value = -value
    unit = "%" if suffix == "%" else currency
    return Number(value, unit, note, text)
