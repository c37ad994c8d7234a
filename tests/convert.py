"""Markdown through the book's extensions, as mkdocs.yml lists them, with no MkDocs: what any builder would get."""

from __future__ import annotations

import markdown

from book import project
from book.contents import Contents
from conftest import ROOT


def extensions() -> tuple[list[str], dict]:
    """mkdocs.yml's Markdown extensions and their settings."""
    names, settings = [], {}
    for item in project.config(ROOT)["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if options and name != "toc":  # toc's slugify is a Python tag the project's YAML reader leaves out
            settings[name] = options
    return names, settings


def convert(text: str, lang: str = "en", page: str = "part-1/1-9.md", contents: Contents | None = None, **options) -> str:
    """The HTML `text` becomes; `options` go to every book extension (e.g. cache_dir= for charts)."""
    names, settings = extensions()
    for name in names:
        if name.startswith("book.markdown."):
            settings[name] = {
                "lang": lang,
                "page": page,
                "contents": contents or Contents(lang),
                **options.get(name.rsplit(".", 1)[1], {}),
            }
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)
