"""What each reader-facing feature adds to a first visit, gzipped as tools.serve sends it: its own files, and the
markup it writes into the pages it changes (each page gzipped with and without that markup, so the figure is what
the feature costs on the wire, not its markup compressed alone). Pages without charts may grow by 5 KB at most.

A feature names its files (site paths) and patterns for its markup; a new feature adds a line to FEATURES.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

BUDGET = 5000  # bytes a page without charts may grow by, gzipped, on a first visit


@dataclass(frozen=True)
class Feature:
    name: str
    files: tuple[str, ...]  # loaded by every page it is on
    pages: tuple[str, ...]  # the built pages it is on that the bench reports
    markup: tuple[str, ...] = ()  # regular expressions for what it writes into those pages


FEATURES = (
    Feature(
        "front door (home.html, home.css)",
        ("assets/stylesheets/home.css",),
        ("index.html", "en/index.html"),
        (
            r'<p class="book-cover__(?:credit|actions|downloads|forgotten)".*?</p>',  # the page's own title stays
            r'<div class="book-cover__place-kept".*?</div>',
            r'<section class="book-contents".*?</section>',
            r'<link rel="stylesheet" href="[^"]*home\.css">',
        ),
    ),
    Feature(
        "place kept (place.js)",
        ("assets/javascripts/place.js",),
        ("index.html", "part-1/1-2/index.html", "en/part-1/1-2/index.html"),
        (r'<script src="[^"]*place\.js"[^>]*></script>',),
    ),
    Feature(
        "side by side (its link, the kept choice)",
        (),
        ("part-1/1-2/index.html", "en/part-1/1-2/index.html"),
        (r'<a href="[^"]*" class="book-view".*?</a>', r"<script data-parallel=.*?</script>"),
    ),
    Feature(
        "data behind tables and charts (links)",
        (),
        ("part-1/1-3/index.html", "en/part-1/1-3/index.html"),
        (r'<span class="book-data"[^>]*>(?:[^<]|<a [^>]*>[^<]*</a>)*</span>',),
    ),
    Feature(
        "Markdown twin (its link)",
        (),
        ("part-1/1-2/index.html", "en/part-1/1-2/index.html"),
        (r'<link rel="alternate " type="text/markdown"[^>]*>',),
    ),
)


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))  # as tools.serve compresses


def measure(site: Path, features: tuple[Feature, ...] = FEATURES) -> list[dict]:
    """One row per feature: {name, files: {path: bytes}, pages: {page: markup bytes}, most: its largest first-visit cost}."""
    rows = []
    for feature in features:
        files = {path: _gzipped((site / path).read_bytes()) for path in feature.files}
        pages = {}
        for page in feature.pages:
            text = (site / page).read_text(encoding="utf-8")
            without = text
            for pattern in feature.markup:
                without = re.sub(pattern, "", without, flags=re.S)
            pages[page] = _gzipped(text.encode()) - _gzipped(without.encode())
        rows.append(
            {"name": feature.name, "files": files, "pages": pages, "most": sum(files.values()) + max(pages.values(), default=0)}
        )
    return rows


def per_page(rows: list[dict]) -> dict[str, int]:
    """Every feature's bytes together on each page the bench reports: its files and its markup there. An upper bound
    of what the features make a page grow by: markup a feature replaced (the front page's old contents) is not taken
    off; `make bench COMPARE=old.json` shows the pages' growth itself."""
    totals: dict[str, int] = {}
    for row in rows:
        for page, markup in row["pages"].items():
            totals[page] = totals.get(page, 0) + markup + sum(row["files"].values())
    return totals
