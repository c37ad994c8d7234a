"""The 404 page of each language: every language build writes 404.html at the site's root."""

from __future__ import annotations

from pathlib import Path


def place(output: str, site_dir: Path, lang: str, default: str) -> str:
    """What the root 404.html keeps: the default language's page; the others get their own in their folder."""
    if lang == default:
        return output
    own = site_dir / lang / "404.html"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(output, encoding="utf-8")
    root = site_dir / "404.html"
    return root.read_text(encoding="utf-8") if root.is_file() else output
