"""Numbers in table cells kept whole: a figure with its unit (350 tok/sec, $1.55/1Mトークン, 3倍, 100〜300) never
breaks across lines on a narrow screen, while the words around it still wrap."""

from __future__ import annotations

import re

# A number as the book writes one, with its range and unit; not the digits of a name (GPT-5.2, M4 Max, Qwen3).
NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.\-/#&])[$]?\d[\d.,]*(?:[〜~–-][$]?\d[\d.,]*)?"
    r"(?:\s?(?:%|[BT](?![A-Za-z])|tok/sec|倍|[x×](?![A-Za-z])|GB|bit|か月|months?(?![A-Za-z])))?"
    r"(?:/1M(?:トークン| tokens))?"
)
_CELL = re.compile(r"(<td\b[^>]*>)(.*?)(</td>)", re.S)
_TAG = re.compile(r"(<[^>]+>)")


def keep_numbers_whole(html: str) -> str:
    """The page with each number in a table cell wrapped so it stays on one line (tags and their attributes untouched)."""

    def cell(match: re.Match) -> str:
        parts = _TAG.split(match[2])  # text, tag, text, tag, ...
        text = [
            part if part.startswith("<") else NUMBER.sub(lambda m: f'<span class="book-nowrap">{m[0]}</span>', part)
            for part in parts
        ]
        return match[1] + "".join(text) + match[3]

    return _CELL.sub(cell, html)
