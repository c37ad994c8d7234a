"""File sizes as a reader reads them."""

from __future__ import annotations

from pathlib import Path


def human_size(size: int, lang: str | None = None) -> str:
    """`1.2 MB` style, with the decimal separator and units every language here shares (so `lang` changes nothing yet)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def pending(site_path: str) -> str:
    """What a page shows for the size of a file still being made, until `fill_pending` writes the size in."""
    return f"book-size-pending:{site_path}"


def fill_pending(site_dir: Path, site_path: str, file: Path) -> int:
    """Every page's stand-in for the size of `site_path` replaced by `file`'s size; how many pages had one."""
    token, size, filled = pending(site_path), human_size(file.stat().st_size), 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if token in text:
            page.write_text(text.replace(token, size), encoding="utf-8")
            filled += 1
    return filled
