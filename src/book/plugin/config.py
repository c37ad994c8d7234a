"""The book plugin's settings, under `plugins: - book:` in mkdocs.yml; paths are relative to mkdocs.yml's folder."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from book import project


class BookConfig(base.Config):
    # What builds keep for the next (book.cache): drawn figures, minified CSS and JS, compiled templates.
    cache_dir = c.Type(str, default=".cache")
    # The offline edition's zip, offered on every page once `make offline` or `make build` has made it.
    offline_zip = c.Type(str, default=f"build/{project.ZIP_NAME}")
    # `make build` makes the zip beside the online build, and writes its size into the pages once it is made.
    offline_zip_pending = c.Type(bool, default=False)
    # The PDF and EPUB of each language, offered once `make editions` has made them.
    editions_dir = c.Type(str, default=project.EDITIONS_DIR)
    # How to cite this edition and the original (Citation File Format); the About pages show it.
    citation_file = c.Type(str, default="CITATION.cff")
