"""Glossary terms: read from the glossary page, explained where a page first uses them."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from book.errors import BookError

HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*\{(?P<attrs>[^}]*)\}\s*$")
ID_ATTR = re.compile(r"#(?P<id>[A-Za-z0-9_-]+)")
MATCH_ATTR = re.compile(r'data-match="(?P<forms>[^"]*)"')
# Elements whose text must stay as written: links, code, headings, data tables, chart data.
SKIP = {
    "a",
    "abbr",
    "code",
    "pre",
    "script",
    "style",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "figure",
    "button",
    "svg",
    "kbd",
    "dfn",
    "label",
    "select",
    "textarea",
}
VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
INLINE_MARKUP = [(re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"), (re.compile(r"[*_`]{1,3}"), "")]


@dataclass(frozen=True)
class Term:
    id: str
    heading: str
    forms: tuple[str, ...]
    definition: str


def parse_glossary(text: str, path: str) -> list[Term]:
    """Terms in the order the glossary lists them; each H2 is a term, its first paragraph the definition."""
    lines = text.splitlines()
    terms = []
    for number, line in enumerate(lines, start=1):
        match = HEADING.match(line)
        if not match:
            continue
        term_id = ID_ATTR.search(match["attrs"])
        if not term_id:
            raise BookError(path, number, f"glossary term {match['text']!r} has no id", "add one, e.g. {#open-weight}")
        forms_attr = MATCH_ATTR.search(match["attrs"])
        forms = [f.strip() for f in forms_attr["forms"].split("|")] if forms_attr else [match["text"]]
        definition = _first_paragraph(lines[number:])
        if not definition:
            raise BookError(
                path,
                number,
                f"glossary term {match['text']!r} has no definition",
                "write a one- or two-sentence paragraph right under the heading",
            )
        terms.append(Term(term_id["id"], match["text"], tuple(f for f in forms if f), definition))
    return terms


def _first_paragraph(lines: list[str]) -> str:
    paragraph: list[str] = []
    for line in lines:
        if line.startswith("#"):
            break
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    text = " ".join(paragraph)
    for pattern, replacement in INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return text


def _pattern(terms: list[Term]) -> re.Pattern | None:
    """One pattern for every form, longest first; Latin forms only match as whole words."""
    forms = sorted({form for term in terms for form in term.forms}, key=len, reverse=True)
    return _compiled(tuple(forms)) if forms else None


@functools.lru_cache(maxsize=8)  # every page of a language has the same terms: compile them once
def _compiled(forms: tuple[str, ...]) -> re.Pattern:
    parts = []
    for form in forms:
        escaped = re.escape(form)
        if form[0].isascii() and form[0].isalnum():
            escaped = r"(?<![A-Za-z0-9-])" + escaped
        if form[-1].isascii() and form[-1].isalnum():
            escaped += r"(?![A-Za-z0-9-])"
        parts.append(escaped)
    return re.compile("|".join(parts))


def annotate_first_uses(content: str, terms: list[Term], glossary_href: str) -> str:
    """Link each term's first use in running text to its entry, with the definition as a tooltip.

    The tooltip is kept out of the search index, or every page would match every term.
    """
    pattern = _pattern(terms)
    if pattern is None:
        return content
    by_form = {form: term for term in terms for form in term.forms}
    done: set[str] = set()
    out: list[str] = []
    skipping: list[str] = []
    position = 0

    def annotate(text: str) -> str:
        def replace(match: re.Match) -> str:
            term = by_form[match.group(0)]
            if term.id in done:
                return match.group(0)
            done.add(term.id)
            tip = f"term-{term.id}"
            return (
                f'<span class="book-term"><a href="{html.escape(glossary_href)}#{term.id}" aria-describedby="{tip}">'
                f'{match.group(0)}</a><span class="book-term__tip" role="tooltip" id="{tip}" data-search-exclude>'
                f"{html.escape(term.definition, quote=False)}</span></span>"
            )

        return pattern.sub(replace, text)

    for tag in TAG.finditer(content):
        text = content[position : tag.start()]
        out.append(annotate(text) if not skipping else text)
        out.append(tag.group(0))
        position = tag.end()
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in VOID or self_closing:
            continue
        if closing:
            if skipping and skipping[-1] == name:
                skipping.pop()
        elif skipping or name in SKIP:
            skipping.append(name)
    tail = content[position:]
    out.append(annotate(tail) if not skipping else tail)
    return "".join(out)


def load(path: Path) -> list[Term]:
    return parse_glossary(path.read_text(encoding="utf-8"), str(path)) if path.is_file() else []
