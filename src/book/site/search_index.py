"""One search index per language, so a reader only ever gets results in the page's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

from book.errors import BookError

# Each language's word separator, which the theme's `?h=` highlighter splits a query with. The book's
# search worker matches whole terms, so a hyphenated term ("lock-in") stays one word to highlight.
SETTINGS = {
    "ja": {"separator": "[\\s\u3000、。，．]+"},
    "en": {"separator": "\\s+"},
}
# The book's search worker (overrides/), answering the theme's search messages in place of its lunr one.
WORKER = "assets/javascripts/search-worker.js"
# Each language's sections, beside its index; the path from the worker in `docs` is relative to WORKER.
DOCS = "search_docs.json"
_THEME_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")

# The theme's page configuration: Material offers no setting for where search looks, so the build points
# `base` at the page's language root, where that language's index is (tests/test_search.py guards it).
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# What Jinja's tojson escapes, so the JSON stays inert inside <script>.
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def search_in_language(html: str, base: str) -> str:
    """The page with the theme's search `base` set to its language root (a relative URL), and the book's worker."""
    match = _CONFIG.search(html)
    if match is None:
        return html
    config = json.loads(match.group(2))
    config["base"] = base
    worker = _THEME_WORKER.search(config.get("search", ""))
    if worker is None:
        raise BookError(
            "requirements.lock",
            None,
            f"the pinned theme's page configuration names no search worker ({config.get('search')!r})",
            "update book.site.search_index for the theme's new configuration",
        )
    config["search"] = config["search"][: worker.start()] + WORKER
    text = json.dumps(config, ensure_ascii=False, separators=(", ", ": "))
    for char, escaped in _SCRIPT_SAFE.items():
        text = text.replace(char, escaped)
    return html[: match.start(2)] + text + html[match.end(2) :]


def is_theme_search(path: str) -> bool:
    """The theme's lunr worker and language files, which no page loads: the book's worker answers instead."""
    return path.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/search."))


def split_by_language(index: dict, languages: dict[str, dict], default_lang: str) -> dict[str, dict]:
    """Split a combined index into one index per language, locations relative to that language's root.

    `languages` maps each language to its search settings (the separator the theme's `?h=` highlighter
    splits a query with): the combined index carries the default language's.
    """
    docs: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        location = doc["location"]
        lang = next((l for l in languages if l != default_lang and location.startswith(f"{l}/")), default_lang)
        if lang != default_lang:
            location = location[len(lang) + 1 :]
        docs[lang].append({**doc, "location": location})
    config = index.get("config", {})
    return {lang: {"config": {**config, **languages[lang], "lang": [lang]}, "docs": entries} for lang, entries in docs.items()}


def write_language_indexes(site_dir: Path, languages: dict[str, dict], default_lang: str, as_script: bool) -> bool:
    """Rewrite `search/search_index.json` as one index per language root; False when there is none yet."""
    combined = site_dir / "search" / "search_index.json"
    if not combined.is_file():
        return False
    index = json.loads(combined.read_text(encoding="utf-8"))
    for lang, part in split_by_language(index, languages, default_lang).items():
        root = "" if lang == default_lang else f"{lang}/"
        folder = site_dir / root / "search"
        folder.mkdir(parents=True, exist_ok=True)
        if as_script:
            # From file:// the theme loads the index as a script that sets a global, once the reader opens search.
            data = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
            continue
        # Online the theme fetches the index with every page: it gets the settings and where the pages' text is,
        # which the worker fetches at the reader's first query.
        (folder / DOCS).write_text(json.dumps(part["docs"], ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        stub = {"config": {**part["config"], "docs": f"../../{root}search/{DOCS}"}, "docs": []}
        (folder / "search_index.json").write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def read_docs(site_dir: Path, root: str) -> list[dict]:
    """A language's searchable sections as the online edition serves them."""
    return json.loads((site_dir / root / "search" / DOCS).read_text(encoding="utf-8"))
