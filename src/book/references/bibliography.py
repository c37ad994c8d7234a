"""The book's references: one YAML file (docs/references.yml), rendered as the References page of each language.

YAML rather than CSL-JSON or BibTeX: the entries need the original's groups, a title and a note in each
language, and contributors edit it by hand beside Markdown; line numbers let every problem name its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from book.errors import BookError
from book.sources import yaml_hints
from book.sources.frontmatter import LOADER

MARKER = "<!-- references -->"
FIELDS = {"key", "author", "title", "container", "identifier", "date", "as_of", "url", "note"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
LABELS = {
    "ja": {"cited_in": "参照箇所", "as_of": "{}時点", "none": "本文では参照していない"},
    "en": {"cited_in": "Cited in", "as_of": "as of {}", "none": "Not cited in the text"},
}


@dataclass(frozen=True)
class Entry:
    key: str
    number: int
    line: int
    fields: dict

    def text(self, name: str, lang: str) -> str | None:
        """A field in the reader's language: a plain value, or a {ja: …, en: …} mapping."""
        value = self.fields.get(name)
        return value.get(lang) if isinstance(value, dict) else value


@dataclass(frozen=True)
class Group:
    id: str
    titles: dict
    entries: list[Entry]


def load(path: Path, shown: str = "docs/references.yml") -> list[Group]:
    """The groups and their numbered entries; any problem is a BookError naming its line. No file, no references."""
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=LOADER)  # the nodes give each group's and entry's line
        values = yaml.load(text, Loader=LOADER)
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise BookError(shown, line, "is not UTF-8 text", "save the file as UTF-8") from None
    except yaml.YAMLError as error:
        at, problem, fix = yaml_hints.explain(error, text.splitlines())
        raise BookError(shown, at + 1 if at is not None else None, f"is not valid YAML ({problem})", fix) from None
    if not isinstance(root, yaml.SequenceNode):
        raise BookError(shown, 1, "is not a list of groups", "start each group with '- group: id'")
    groups, keys, number = [], set(), 0
    for node, data in zip(root.value, values):
        line = node.start_mark.line + 1
        if not isinstance(data, dict) or not {"group", "title", "entries"} <= set(data):
            raise BookError(shown, line, "a group needs group, title and entries", "give the group all three keys")
        entries = []
        for entry_node, fields in zip(_entry_nodes(node), data["entries"] or []):
            number += 1
            entry_line = entry_node.start_mark.line + 1
            unknown = set(fields) - FIELDS if isinstance(fields, dict) else {"?"}
            if unknown or "key" not in fields or "title" not in fields or "author" not in fields:
                raise BookError(
                    shown,
                    entry_line,
                    f"entry has unknown or missing fields {sorted(unknown) or ''}".strip(),
                    f"an entry has key, author and title, and may have {', '.join(sorted(FIELDS - {'key', 'author', 'title'}))}",
                )
            if fields["key"] in keys:
                raise BookError(shown, entry_line, f"key {fields['key']!r} is used twice", "give each entry its own key")
            keys.add(fields["key"])
            entries.append(Entry(fields["key"], number, entry_line, fields))
        groups.append(Group(data["group"], data["title"], entries))
    return groups


def _entry_nodes(group: yaml.MappingNode) -> list[yaml.Node]:
    for key, value in group.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            return value.value
    return []


def entries(groups: list[Group]) -> dict[str, Entry]:
    return {entry.key: entry for group in groups for entry in group.entries}


def format_date(value: str | None, as_of: bool, lang: str) -> str:
    """2026-02 → 2026年2月 / February 2026; 2026-01-30 → 2026年1月30日 / 30 January 2026."""
    if not value:
        return ""
    parts = [int(p) for p in str(value).split("-")]
    if lang == "ja":
        text = "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日")))
    else:
        words = [str(parts[0])] + ([MONTHS[parts[1] - 1]] if len(parts) > 1 else []) + ([str(parts[2])] if len(parts) > 2 else [])
        text = " ".join(reversed(words))
    return LABELS[lang]["as_of"].format(text) if as_of else text


def citation_title(entry: Entry, lang: str) -> str:
    """Author and title, for the tooltip of a citation in the text."""
    return f"{entry.text('author', lang)}, {entry.text('title', lang)}"
