"""What the preview shows while the sources have errors: every page becomes the list of them, so the contributor
sees each `path:line: problem — fix` where they are looking; `mkdocs serve` reloads the page once they are fixed."""

from __future__ import annotations

import html
from pathlib import Path

TITLE = "The book does not build / ビルドできません"
INTRO = (
    "Fix each problem below and save: this page reloads by itself. "
    "以下の問題を直して保存すると、このページは自動で再読み込みされます。"
)
STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1f;background:#fff}"
    "h1{font-size:1.4rem;color:#b00020}li{margin:.6rem 0;white-space:pre-wrap;font-family:ui-monospace,monospace}"
    "@media (prefers-color-scheme:dark){body{color:#eee;background:#1e1e1e}h1{color:#ff6b81}}"
)


def render(messages: list[str]) -> str:
    items = "\n".join(f"<li>{html.escape(message)}</li>" for message in messages)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{TITLE}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{TITLE}</h1>\n<p>{INTRO}</p>\n<ol>\n{items}\n</ol>\n</main>\n</body>\n</html>\n"
    )


def replace_pages(site_dir: Path, messages: list[str]) -> None:
    """Every page of the built site replaced by the list of problems (search and assets stay as they are)."""
    page = render(messages)
    for path in site_dir.rglob("*.html"):
        path.write_text(page, encoding="utf-8")
