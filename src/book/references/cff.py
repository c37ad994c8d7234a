"""How to cite the book, made from CITATION.cff: a formatted citation and BibTeX for this edition and for the
original work it adapts, in each language, as the About page shows them (in code blocks a reader can copy)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from book.errors import BookError
from book.sources import yaml_hints
from book.sources.frontmatter import LOADER

FILE = "CITATION.cff"
MARKER = "<!-- cite-this-book -->"
LICENCES = {"CC-BY-4.0": "CC BY 4.0", "MIT": "MIT"}
LANGUAGE_NAMES = {"ja": {"ja": "日", "en": "英"}}
WORDS = {
    "ja": {
        "edition": "この版",
        "original": "原著",
        "adapted": "{original}の翻案・翻訳",
        "bilingual": "{names}2か国語版",
    },
    "en": {
        "edition": "This edition",
        "original": "The original work",
        "adapted": "Adapted and translated from {original}",
    },
}


@dataclass(frozen=True)
class Work:
    """One citable work, as CITATION.cff describes it."""

    title: str
    authors: tuple[dict, ...]
    year: int | None
    url: str
    licence: str
    languages: tuple[str, ...] = ()
    publisher: str | None = None
    edition: str | None = None  # as CITATION.cff writes it, in English


def load(path: Path, shown: str = FILE) -> tuple[Work, Work]:
    """(this edition, the original work) from CITATION.cff: its preferred citation and its first reference."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=LOADER)
    except FileNotFoundError:
        raise BookError(shown, None, "is missing", f"restore {FILE} at the project's root (git checkout {FILE})") from None
    except yaml.YAMLError as error:
        at, problem, fix = yaml_hints.explain(error, text.splitlines())
        raise BookError(shown, at + 1 if at is not None else None, f"is not valid YAML ({problem})", fix) from None
    try:
        return _work(data["preferred-citation"], data), _work(data["references"][0], data)
    except (KeyError, IndexError, TypeError) as error:
        raise BookError(
            shown,
            None,
            f"lacks {error} for this edition (preferred-citation) or the original work (references)",
            "give both a title, authors, year, url and license, as the Citation File Format 1.2.0 describes",
        ) from None


def _work(entry: dict, root: dict) -> Work:
    licence = entry.get("license") or root["license"]
    return Work(
        title=" ".join(str(entry["title"]).split()),
        authors=tuple(entry["authors"]),
        year=entry.get("year"),
        url=entry.get("url") or root["url"],
        licence=LICENCES.get(licence, licence),
        languages=tuple(entry.get("languages") or ()),
        publisher=(entry.get("publisher") or {}).get("name"),
        edition=entry.get("edition"),
    )


def author(person: dict, bibtex: bool = False) -> str:
    """A person as "Family, Given" (an organisation by its name; in BibTeX, braced so it is not split)."""
    if "name" in person:
        return f"{{{person['name']}}}" if bibtex else person["name"]
    return ", ".join(p for p in (person.get("family-names"), person.get("given-names")) if p)


def _authors(work: Work) -> str:
    return "; ".join(author(a) for a in work.authors)


def edition_name(work: Work, lang: str) -> str | None:
    """The edition as CITATION.cff names it; in Japanese, a bilingual edition's name made from its languages (日英2か国語版)."""
    if not work.edition or lang == "en" or len(work.languages) < 2:
        return work.edition
    return WORDS[lang]["bilingual"].format(names="".join(LANGUAGE_NAMES[lang].get(code, code) for code in work.languages))


def citation(work: Work, lang: str, adapts: Work | None = None) -> str:
    """One work as a reference list would give it, in the language's conventions."""
    year = work.year or ""
    edition = edition_name(work, lang)
    if lang == "ja":
        parts = [f"{_authors(work)}（{year}）『{work.title}』"]
        if edition:
            parts.append(edition)
        if work.publisher:
            parts.append(work.publisher)
        text = "、".join(parts) + "。"
        if adapts:
            text += WORDS[lang]["adapted"].format(original=f"{_authors(adapts)}『{adapts.title}』") + "。"
        return text + f"{work.licence}。{work.url}"
    text = f"{_authors(work)} ({year}). {work.title}."
    if edition:
        text += f" {edition}."
    if work.publisher:
        text += f" {work.publisher}."
    if adapts:
        text += " " + WORDS[lang]["adapted"].format(original=f"{_authors(adapts)}, {adapts.title}") + "."
    return text + f" {work.licence}. {work.url}"


def bibtex_key(work: Work) -> str:
    first = work.authors[0]
    name = first.get("family-names") or first.get("name", "")
    word = next((w for w in re.findall(r"[A-Za-z]+", work.title) if w.lower() not in {"the", "a", "an"}), "")
    return f"{re.sub(r'[^a-z]', '', name.lower())}{work.year or ''}{word.lower()}"


def bibtex(work: Work, adapts: Work | None = None) -> str:
    """The work as a BibTeX entry: @book for a published book, @misc for this web edition."""
    fields = [
        ("author", " and ".join(author(a, bibtex=True) for a in work.authors)),
        ("title", f"{{{work.title}}}"),
        ("year", str(work.year or "")),
        ("edition", edition_name(work, "en")),
        ("publisher", work.publisher),
        ("url", work.url),
        ("note", (WORDS["en"]["adapted"].format(original=f"{_authors(adapts)}, {adapts.title}") + "; ") if adapts else ""),
    ]
    fields[-1] = ("note", f"{fields[-1][1]}licensed {work.licence}")
    kind = "book" if work.publisher else "misc"
    body = ",\n".join(f"  {name:<9} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{bibtex_key(work)},\n{body}\n}}"


def about_markdown(edition: Work, original: Work, lang: str) -> str:
    """The About page's citation blocks: each work's citation and BibTeX, in fenced code blocks."""
    words = WORDS[lang]
    out = ['<div class="book-cite-this" markdown>', ""]
    for heading, work, adapts in ((words["edition"], edition, original), (words["original"], original, None)):
        out += [
            f"**{heading}**",
            "",
            "```text",
            citation(work, lang, adapts),
            "```",
            "",
            "```text",  # BibTeX as plain text: the highlighter's colours fall short of 4.5:1 contrast
            bibtex(work, adapts),
            "```",
            "",
        ]
    return "\n".join([*out, "</div>"])


def fill_about(markdown: str, cff_path: Path, lang: str) -> str:
    """The About page with its marker replaced by the citation blocks (unchanged without the marker)."""
    if MARKER not in markdown:
        return markdown
    edition, original = load(cff_path)
    return markdown.replace(MARKER, about_markdown(edition, original, lang), 1)
