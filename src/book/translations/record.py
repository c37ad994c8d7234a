"""The record a translated page keeps of its original: hashes of the original's normalized text.

Normalized: front matter left out (bar title and description), whitespace collapsed, so that
reflowing lines is not a change. Sections are keyed by their heading's explicit {#id}.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from book.errors import BookError
from book.sources import frontmatter, headings

KEY = "translation"
TOP = "_top"
TOP_LABEL = "(title, description, text above the first heading)"
PAGE_HASH = re.compile(r"[0-9a-f]{12}")
SECTION_HASH = re.compile(r"[0-9a-f]{8}")
UPDATE = "make translations-update PAGE={path}"
_CJK = "\u2e80-\u2fff\u3001-\u9fff\uf900-\ufaff\uff00-\uffef"  # CJK punctuation, kana, ideographs, full-width forms
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[^\S\n]*\n\s*(?=[{_CJK}])")
_SPACE = re.compile(r"\s+")


# Hashing


def normalize(text: str) -> str:
    """Text as a reader sees it: a line break between two CJK characters is dropped (reflowing
    Japanese adds none), and every other run of whitespace becomes one space."""
    text = _CJK_BREAK.sub("", unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text).strip()


def digest(text: str, length: int) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Section:
    id: str
    title: str  # the heading's text
    line: int
    hash: str


def split_sections(matter: frontmatter.FrontMatter) -> dict[str, Section]:
    """The page's sections in order, each from a heading with an explicit {#id} to the next one."""
    lines = matter.lines
    heads, seen = [], set()
    body = "\n" * (matter.body_first_line - 1) + matter.body  # blank front matter: same line numbers
    for heading in headings.headings(body):
        if heading.id and heading.id not in seen:  # a repeated ID stays in the section before (parity reports it)
            seen.add(heading.id)
            heads.append(heading)
    first = heads[0].line - 1 if heads else len(lines)
    top = [matter.scalar("title") or "", matter.scalar("description") or "", *lines[matter.body_first_line - 1 : first]]
    sections = {TOP: Section(TOP, TOP_LABEL, 1, digest("\n".join(top), 8))}
    for head, after in zip(heads, heads[1:] + [None]):
        text = "".join(lines[head.line - 1 : after.line - 1 if after else len(lines)])
        sections[head.id] = Section(head.id, head.text, head.line, digest(text, 8))
    return sections


def page_hash(sections: Mapping[str, Section]) -> str:
    """Changes with any section, and with their order."""
    return digest("\n".join(f"{s.id} {s.hash}" for s in sections.values()), 12)


# Records


@dataclass(frozen=True)
class Record:
    source: str  # `from:`, the language of the original
    hash: str
    sections: dict[str, str]
    line: int  # of `translation:`
    source_line: int


def parse_record(matter: frontmatter.FrontMatter, path: str) -> tuple[Record | None, list[BookError]]:
    """The page's `translation:` record (None for an original), or what is wrong with it."""
    if KEY not in matter.keys:
        return None, []
    key, value = matter.keys[KEY]
    line, fix = matter.line(key), f"correct it, or compare the page with its original and run {UPDATE.format(path=path)}"
    if not isinstance(value, yaml.MappingNode):
        return None, [BookError(path, line, "translation: is not a mapping of from:, hash: and sections:", fix)]
    fields, errors = {}, []
    for k, v in value.value:
        if k.value not in ("from", "hash", "sections"):
            errors.append(
                BookError(
                    path,
                    matter.line(k),
                    f"translation: has an unknown key {k.value!r}",
                    "the keys are from:, hash: and sections:",
                )
            )
        fields[k.value] = (k, v)
    for name in ("from", "hash", "sections"):
        if name not in fields:
            errors.append(BookError(path, line, f"translation: has no {name}:", fix))
    source = fields.get("from", (None, None))[1]
    if source is not None and not (isinstance(source, yaml.ScalarNode) and source.value):
        errors.append(
            BookError(
                path,
                matter.line(source),
                "translation.from: is not a language code",
                "write the language of the original, e.g. from: ja",
            )
        )
    hash_ = fields.get("hash", (None, None))[1]
    if hash_ is not None and not (isinstance(hash_, yaml.ScalarNode) and PAGE_HASH.fullmatch(hash_.value)):
        errors.append(BookError(path, matter.line(hash_), "translation.hash: is not 12 hexadecimal digits", fix))
    sections = fields.get("sections", (None, None))[1]
    hashes = {}
    if sections is not None and not isinstance(sections, yaml.MappingNode):
        errors.append(BookError(path, matter.line(sections), "translation.sections: is not a mapping of {#id}: hash", fix))
    elif sections is not None:
        for k, v in sections.value:
            if not (isinstance(v, yaml.ScalarNode) and SECTION_HASH.fullmatch(v.value)):
                errors.append(BookError(path, matter.line(v), f"the hash of section {k.value} is not 8 hexadecimal digits", fix))
            hashes[str(k.value)] = getattr(v, "value", "")
    if errors:
        return None, errors
    return Record(source.value, hash_.value, hashes, line, matter.line(source)), []


def declared_source(matter: frontmatter.FrontMatter) -> str | None:
    """The `from:` of a record, even one with other faults (so `update` can repair it)."""
    value = matter.keys.get(KEY, (None, None))[1]
    if not isinstance(value, yaml.MappingNode):
        return None
    return next((v.value for k, v in value.value if k.value == "from" and isinstance(v, yaml.ScalarNode) and v.value), None)


def _plain(text: str) -> str:
    """`text` as a YAML scalar: bare when YAML reads it back as this same string, quoted otherwise."""
    try:
        bare = re.fullmatch(r"[\w][\w.-]*", text) and yaml.safe_load(text) == text
    except yaml.YAMLError:
        bare = False
    return text if bare else json.dumps(text, ensure_ascii=False)


def render_record(source: str, sections: Mapping[str, Section]) -> str:
    lines = [
        f"{KEY}:  # written by make translations-update",
        f"  from: {_plain(source)}",
        f"  hash: {_plain(page_hash(sections))}",
        "  sections:",
    ]
    lines += [f"    {_plain(s.id)}: {_plain(s.hash)}" for s in sections.values()]
    return "\n".join(lines) + "\n"
