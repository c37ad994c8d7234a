"""English hyphenation for the PDF: soft hyphens where a British English dictionary allows a break.

Debian's Chromium has no hyphenation dictionaries, so `hyphens: auto` alone breaks nothing in the PDF; Pyphen's
(LibreOffice's) patterns put U+00AD at each break a word allows, which the browser honours. Code, web addresses,
headings and text in another language are left whole. The EPUB keeps `hyphens: auto` for reading systems.
"""

from __future__ import annotations

import functools
import re

import pyphen

from book.editions.typography import KEEP, each_text

WORD = re.compile(r"(?<![\w&#/.@-])[A-Za-z]{7,}(?![\w/@]|\.\w)")
LEAVE = KEEP | {"h1", "h2", "h3", "h4", "h5", "h6", "th"}  # a column head breaks between words only
SOFT_HYPHEN = "\u00ad"


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB", left=3, right=3)


def soft_hyphens(page_html: str) -> str:
    """Soft hyphens in every long English word of the running text."""
    return each_text(page_html, _text, LEAVE, ('href="http', ' lang="ja"'))


def _text(text: str) -> str:
    return WORD.sub(lambda m: _word(m[0]), text)


@functools.lru_cache(maxsize=8192)
def _word(word: str) -> str:
    if word.isupper():  # an abbreviation
        return word
    return _dictionary().inserted(word, hyphen=SOFT_HYPHEN)
