"""One Frictionless Data Package per language (datapackage.json, https://specs.frictionlessdata.io/): every
dataset with its schema, its source and the licence, and the book it comes from."""

from __future__ import annotations

from book import project
from book.data.sets import Dataset
from book.references.bibliography import Entry
from book.site.strings import STRINGS, joined

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ORIGINAL_URL = "https://github.com/Leading-AI-IO/edge-ai-intelligence"


def package(lang: str, datasets: list[Dataset], entries: dict[str, Entry], page_url, home: str) -> dict:
    """The package of one language; `page_url(page)` is the absolute URL of a page of the book in it."""
    text = STRINGS[lang]
    licence = {"name": "CC-BY-4.0", "path": LICENCE_URL, "title": text["licence_name"]}
    return {
        "profile": "tabular-data-package",
        "name": f"{project.NAME}-{lang}",
        "title": text["data_package"],
        "description": joined(lang, text["data_package_description"], text["attribution"]),
        "homepage": home,
        "licenses": [licence],
        "sources": [_original(lang)],
        "contributors": [{"title": text["book_author"], "role": "author"}],
        "resources": [_resource(d, lang, entries, page_url, licence) for d in datasets],
    }


def _original(lang: str) -> dict:
    return {"title": STRINGS[lang]["data_original"], "path": ORIGINAL_URL}


def _resource(dataset: Dataset, lang: str, entries: dict[str, Entry], page_url, licence: dict) -> dict:
    sources = [{"title": dataset.source}] if dataset.source else []
    for key in dataset.cited:
        entry = entries.get(key)
        if entry:
            source = {"title": f"{entry.text('author', lang)}, {entry.text('title', lang)}"}
            sources.append({**source, "path": entry.fields["url"]} if entry.fields.get("url") else source)
    sources.append(_original(lang))  # every table and chart is the book's, whatever it draws on
    return {
        "profile": "tabular-data-resource",
        "name": dataset.name,
        "path": f"{dataset.name}.csv",
        "title": dataset.title,
        "description": STRINGS[lang]["data_shown"].format(url=f"{page_url(dataset.page)}#{dataset.anchor}"),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [{"name": f.name, "type": f.type} for f in dataset.fields], "missingValues": [""]},
        "sources": sources,
        "licenses": [licence],
    }
