"""How long a page takes to read, from its Markdown, in each language's own unit.

Japanese is measured in characters and English in words, as reading speed is measured in each:
- Japanese: 500 characters a minute, the middle of the 400–600 字/分 commonly given for adults reading
  Japanese silently (there is no single reference study for it as there is for English).
- English: 238 words a minute, the average for adults reading non-fiction silently in Brysbaert's
  meta-analysis of 190 studies ("How many words do we read per minute?", Journal of Memory and Language, 2019).
What a reader reads counts: prose, headings, list items, table cells, captions and footnotes; the Markdown's
syntax, link targets, {#id}s, citation keys, chart settings and code do not.
"""

from __future__ import annotations

import re

from book.sources.fences import outside_fences

# Units a minute, and whether the unit is the character (else the word). Other languages read as English does.
RATES = {"ja": (500, True), "en": (238, False)}
_COMMENTS = re.compile(r"<!--.*?-->", re.S)  # chart settings, markers
_SYNTAX = [
    (re.compile(r"\{[#.:][^}]*\}"), " "),  # attribute lists: {#id}, { .class }
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text stays, their target goes
    (re.compile(r"\[@[^\]]+\]"), " "),  # citations, which read as a short number
    (re.compile(r"\[\[(?:tbl|fig):[^\]]+\]\]"), " 表1 "),  # a reference to a table or figure: a short name
    (re.compile(r"^\[\^[^\]]+\]:", re.M), " "),  # a footnote's label (its text is read)
    (re.compile(r"\[\^[^\]]+\]"), " "),  # a footnote's call
    (re.compile(r"<[^>]+>"), " "),  # inline HTML tags
    (re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|?)+\s*$", re.M), " "),  # a table's rule
    (re.compile(r"^Table:", re.M), " "),  # a caption's keyword
    (re.compile(r"[#*_`|>\[\]]"), " "),  # emphasis, headings, quotes, table bars
]
_WORD = re.compile(r"[^\W_]+(?:['’.,:-][^\W_]+)*")  # 8.5, $20-a-month and don't are one word each
_SPACE = re.compile(r"\s+")


def reading_text(body: str) -> str:
    """The text a reader reads in a page's Markdown body (its front matter already removed)."""
    text = _COMMENTS.sub(" ", "\n".join(line for _, line in outside_fences(body)))
    for pattern, replacement in _SYNTAX:
        text = pattern.sub(replacement, text)
    return text


def minutes(body: str, lang: str) -> float:
    """Minutes a reader of `lang` takes over the page whose Markdown body is `body` (unrounded)."""
    rate, by_character = RATES.get(lang, RATES["en"])
    text = reading_text(body)
    amount = len(_SPACE.sub("", text)) if by_character else len(_WORD.findall(text))
    return amount / rate
