"""The offline edition: every reference must resolve inside the edition, and the zip is reproducible."""

from __future__ import annotations

import os
import posixpath
import re
import time
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from book.errors import BookError

# Attributes whose URL the browser loads by itself, as opposed to links a reader may follow.
# The download, as `make build` and `make offline` write it and the online site offers it.
LOADED = {("script", "src"), ("img", "src"), ("link", "href"), ("source", "src"), ("iframe", "src")}
LINKED = {("a", "href"), ("area", "href")}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
# What an offline reader never loads: build leftovers, 404 pages (no server serves them),
# the link-preview cover and the theme's PNG favicon (pages use the SVG one).
UNUSED_PATTERNS = ("*.map", "sitemap.xml", "sitemap.xml.gz", "search_index.json", "404.html", "cover.png", "favicon.png")
README = """\
The Edge of Intelligence — offline edition / オフライン版
========================================================

[English]
Open index.html in this folder with a web browser (double-click it). Everything,
including search and charts, works without a network connection. The English
edition starts at en/index.html; use the language switcher in the header.

Text and figures: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
Adapted and translated from "The Edge of Intelligence" by Satoshi Yamauchi
(Leading.AI), https://github.com/Leading-AI-IO/edge-ai-intelligence — changes were made.

[日本語]
このフォルダの index.html をブラウザで開いてください（ダブルクリック）。検索と
グラフを含め、すべてネットワークなしで動きます。英語版は en/index.html から始まり、
ヘッダーの言語切り替えで行き来できます。

本文と図表：CC BY 4.0（https://creativecommons.org/licenses/by/4.0/）。
原著：山内 怜史（Leading.AI）『The Edge of Intelligence』
https://github.com/Leading-AI-IO/edge-ai-intelligence を翻案・翻訳したもので、変更を加えています。
"""


# Comments and scripts' text hold no references; a start tag's attributes may hold a quoted ">".
_MARKUP = re.compile(
    r"<!--.*?-->|<(script)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>.*?</script\s*>"
    r"|<(a|area|img|link|source|iframe)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def references(html: str) -> list[tuple[int, str, str, str]]:
    """(line, tag, attribute, url) for every URL-bearing attribute (a regular scan: an HTML parser takes 10x as long)."""
    found, line, counted = [], 1, 0
    for match in _MARKUP.finditer(html):
        tag = (match.group(1) or match.group(3) or "").lower()
        if not tag:
            continue  # a comment
        attrs = {}
        for attr in _ATTRIBUTE.finditer(match.group(2) or match.group(4) or ""):
            value = next((v for v in attr.group(2, 3, 4) if v is not None), None)
            attrs.setdefault(attr.group(1).lower(), None if value is None else unescape(value))
        line += html.count("\n", counted, match.start())
        counted = match.start()
        rel = set((attrs.get("rel") or "").lower().split())
        for name, value in attrs.items():
            if value is None:
                continue
            if tag == "link" and name == "href" and not rel & LOADING_RELS:
                found.append((line, "a", name, value))  # metadata, like a link: not loaded
            elif (tag, name) in LOADED or (tag, name) in LINKED:
                found.append((line, tag, name, value))
    return found


def resolve(page: str, url: str) -> str | None:
    """The edition-relative file a relative URL on `page` points at; None for fragments and external URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if parts.path.endswith("/"):
        target = posixpath.join(target, "index.html")
    return target


def check_edition(root: Path) -> list[BookError]:
    """Every page's references must stay inside the edition and land on a file; nothing loads from a host."""
    errors = []
    for path in sorted(root.rglob("*.html")):
        page = path.relative_to(root).as_posix()
        for line, tag, attr, url in references(path.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            shown = f'<{tag} {attr}="{url}">'
            if parts.scheme in ("mailto", "tel") or (parts.scheme in ("http", "https") and (tag, attr) in LINKED):
                continue  # a link the reader may follow to the web
            if parts.scheme == "data":
                continue
            if parts.scheme or parts.netloc:
                errors.append(BookError(page, line, f"{shown} loads from another host", "serve it from the site itself"))
            elif parts.path.startswith("/"):
                errors.append(BookError(page, line, f"{shown} is root-absolute and breaks from disk", "use a relative link"))
            else:
                target = resolve(page, url)
                if target is None:
                    continue
                if target.startswith("../") or target == "..":
                    errors.append(BookError(page, line, f"{shown} points outside the edition", "link to a page of the book"))
                elif not (root / target).is_file():
                    errors.append(
                        BookError(
                            page, line, f"{shown} points at {target}, which is not in the edition", "fix the link or add the file"
                        )
                    )
    return errors


def prune(root: Path) -> list[str]:
    """Delete build leftovers; returns what was removed."""
    unused = [p for pattern in UNUSED_PATTERNS for p in root.rglob(pattern)]
    for path in unused:
        path.unlink()
    return sorted(p.relative_to(root).as_posix() for p in unused)


def zip_edition(root: Path, zip_path: Path, top: str, epoch: int) -> None:
    """A byte-identical zip for identical input: sorted entries, fixed times and permissions."""
    stamp = max(epoch, 315532800)  # zip cannot store times before 1980
    date_time = _utc_tuple(stamp)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(root).as_posix()}", date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    os.replace(tmp, zip_path)


def _utc_tuple(epoch: int) -> tuple[int, int, int, int, int, int]:
    t = time.gmtime(epoch)
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec - t.tm_sec % 2)
