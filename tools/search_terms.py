"""Terms a reader might type into search, drawn from the built pages' article text with a fixed seed.

Each term comes with the pages that hold it, so a test or a benchmark can say whether search found
the right page. Japanese: katakana words, kanji compounds and mixed compounds (katakana, kanji and
digits together); English: words, two-word phrases and hyphenated terms.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from book.parallel import pages as parallel_pages

KINDS = {
    "ja": {
        "katakana": re.compile(r"[ァ-ヺー]{3,}"),
        "kanji": re.compile(r"[一-鿿々〆]{2,}"),
        "mixed": re.compile(r"[ァ-ヺー一-鿿々〆0-9]{3,}"),
    },
    "en": {
        "word": re.compile(r"(?<![\w-])[a-z]{4,}(?![\w-])"),
        "phrase": re.compile(r"(?<![\w-])(?=([a-z]{3,} [a-z]{3,})(?![\w-]))"),
        "hyphenated": re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])"),
    },
}
_CLASSES = (re.compile(r"[ァ-ヺー]"), re.compile(r"[一-鿿々〆]"), re.compile(r"[0-9]"))
_CJK = re.compile(r"[ぁ-ヺー一-鿿々〆]")
# What the reader does not read as the page's text: drawings, code run by the page, heading anchors, tooltips.
_SKIPPED_TAGS = {"svg", "script", "style", "template", "button"}
_SKIPPED_CLASSES = {"headerlink", "md-source-file"}
# Pages search leaves out: every page's title is listed there.
UNSEARCHED = ("translation-status/", f"{parallel_pages.FOLDER}/")  # the side-by-side pages are left out of search too


@dataclass(frozen=True)
class Term:
    text: str
    kind: str
    pages: tuple[str, ...]  # the pages that hold it, the one holding it most often first
    best: tuple[str, ...]  # the pages holding it most often: any of them is the right first result


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """The text of a page's <article>, without what a reader does not read there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skipping: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag in _VOID:
            pass  # no end tag follows, so nothing to skip up to
        elif (
            self.skipping
            or tag in _SKIPPED_TAGS
            or "data-search-exclude" in values
            or (set((values.get("class") or "").split()) & _SKIPPED_CLASSES)
        ):
            self.skipping.append(tag)

        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        if tag == "article":
            self.depth -= 1
        if tag in {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "caption", "figcaption", "tr"}:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)


def normalized(text: str) -> str:
    """One spelling per character, as the search worker compares them."""
    return unicodedata.normalize("NFKC", text).lower()


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return normalized("".join(parser.parts))


def page_texts(site: Path, prefix: str, other_prefixes: tuple[str, ...] = ()) -> dict[str, str]:
    """Each page's article text under `prefix` (a language root), keyed by its URL there."""
    texts = {}
    for path in sorted((site / prefix).rglob("index.html")):
        url = path.parent.relative_to(site / prefix).as_posix() + "/"
        url = "" if url == "./" else url
        if any(url.startswith(p) for p in other_prefixes + UNSEARCHED):
            continue
        texts[url] = article_text(path.read_text(encoding="utf-8"))
    return texts


def occurrences(text: str, term: str) -> int:
    """How often a page holds the term: Japanese anywhere, a Latin word or number from its start."""
    if _CJK.match(term):
        return text.count(term)
    pattern = rf"(?<![^\W_ぁ-ヺー一-鿿々〆]){re.escape(term)}"
    forms = [pattern]
    if re.fullmatch(r"[a-z]{4,}", term):  # a plural also finds its singular
        singular = term[:-3] + "y" if term.endswith("ies") else term[:-1] if re.search(r"[^s]s$", term) else None
        if singular:
            forms.append(rf"(?<![^\W_ぁ-ヺー一-鿿々〆]){re.escape(singular)}")
    for form in forms:
        count = len(re.findall(form, text))
        if count:
            return count
    return 0


def _candidates(lang: str, kind: str, text: str) -> set[str]:
    pattern = KINDS[lang][kind]
    if kind == "phrase":
        return {m.group(1) for m in pattern.finditer(text)}
    found = {m.group(0) for m in pattern.finditer(text)}
    if kind == "mixed":
        found = {t for t in found if sum(bool(c.search(t)) for c in _CLASSES) >= 2}
    return found


def sample(texts: dict[str, str], lang: str, per_kind: int, seed: int = 14, most_pages: int = 3) -> list[Term]:
    """Up to `per_kind` terms of each kind that name a place in the book: held by at most `most_pages` pages."""
    rng = random.Random(seed)
    terms = []
    for kind in KINDS[lang]:
        drawn = sorted(set().union(*(_candidates(lang, kind, text) for text in texts.values())))
        rng.shuffle(drawn)
        for text in drawn:
            counts = {url: occurrences(page, text) for url, page in texts.items()}
            holders = sorted((url for url, n in counts.items() if n), key=lambda url: -counts[url])
            if 0 < len(holders) <= most_pages:
                most = counts[holders[0]]
                terms.append(Term(text, kind, tuple(holders), tuple(u for u in holders if counts[u] == most)))
            if sum(t.kind == kind for t in terms) == per_kind:
                break
    return terms
