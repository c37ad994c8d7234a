"""Where each language's copy of a page lives, and how pages link to each other."""

from __future__ import annotations

import posixpath


def page_url(norm_src_uri: str, lang: str, default_lang: str, use_directory_urls: bool) -> str:
    """Site-relative URL of the page built from `norm_src_uri` (a path inside a language folder)."""
    stem = norm_src_uri[: -len(".md")] if norm_src_uri.endswith(".md") else norm_src_uri
    if use_directory_urls:
        if stem == "index" or stem.endswith("/index"):
            url = stem[: -len("index")]
        else:
            url = stem + "/"
    else:
        url = stem + ".html"
    prefix = "" if lang == default_lang else f"{lang}/"
    return prefix + url


def relative_url(target: str, source: str) -> str:
    """Link from the page at site-relative URL `source` to `target`, working from disk as well as online."""
    source_dir = source if source.endswith("/") or source == "" else posixpath.dirname(source)
    rel = _relpath(target or ".", source_dir or ".")
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        return "./"
    return rel


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for site-relative paths, without its look at the working directory (a page asks hundreds)."""
    target_parts = [part for part in posixpath.normpath(target).split("/") if part not in ("", ".")]
    start_parts = [part for part in posixpath.normpath(start).split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(target_parts), len(start_parts)) and target_parts[common] == start_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


def language_root(lang: str, default_lang: str) -> str:
    """Site-relative URL of a language's root folder."""
    return "" if lang == default_lang else f"{lang}/"
