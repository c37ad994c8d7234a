"""Build the PDF and EPUB editions: `python -m book.commands.editions [--out build/editions] [--lang ja]`.

The same source checks as the site build run first. Each language's book is made from docs/<lang> by
book.editions.chapters, typeset as an A5 PDF (book.editions.pdf) and written as an EPUB 3 (book.editions.epub).
`make editions` then builds the site, which offers every edition found in --out for download.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import subprocess
import sys
import time
from pathlib import Path

from book import project
from book.checks import sources
from book.editions import chapters, epub, pdf
from book.errors import BookError, BookErrors

ROOT = project.ROOT
# The Debian fonts the print stylesheet names (print.css): without them Chromium would pick others silently.
# fonts-sil-charis and fonts-open-sans (English), fonts-morisawa-bizud-* (Japanese), fonts-liberation2 (code).
FONTS = ("Charis SIL", "Open Sans", "BIZ UDMincho", "BIZ UDPGothic", "BIZ UDGothic", "Liberation Mono")


def missing_fonts() -> list[str]:
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return list(FONTS)
    return [font for font in FONTS if font not in listed]


def build(out: Path, langs: list[str], root: Path = ROOT) -> dict[str, dict]:
    """Every edition of `langs` from `root`'s docs into `out`; returns each file's size and the seconds it took."""
    errors, _ = sources.problems(root, project.languages(root))
    if errors:
        raise BookErrors(errors)
    fonts = missing_fonts()
    if fonts:
        raise BookError(
            "src/book/editions/print.css", None, f"fonts not installed: {', '.join(fonts)}", "run scripts/install-browser.sh"
        )
    # Each language's PDF is typeset by its own Chromium, side by side: most of the time is spent waiting on it.
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(langs)) as pool:
        results = list(pool.map(lambda lang: _language(lang, out, root), langs))
    made = {name: figures for result in results for name, figures in result.items()}
    return made


def _language(lang: str, out: Path, root: Path) -> dict[str, dict]:
    """The PDF first: the EPUB's page list is keyed to its pages."""
    made = {}
    started = time.monotonic()
    book = chapters.render(lang, root)
    printed = pdf.build(book, lang, out / project.edition_name(lang, "pdf"), out / "work" / lang)
    made[printed.name] = {"bytes": printed.stat().st_size, "seconds": round(time.monotonic() - started, 2)}
    started = time.monotonic()
    target = epub.build(book, lang, out / project.edition_name(lang, "epub"), printed)
    made[target.name] = {"bytes": target.stat().st_size, "seconds": round(time.monotonic() - started, 2)}
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / project.EDITIONS_DIR)
    parser.add_argument("--lang", action="append", choices=project.languages(), help="one language (default: all)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the book's folder (mkdocs.yml and docs/)")
    args = parser.parse_args(argv)
    try:
        made = build(args.out, args.lang or project.languages(args.root), args.root.resolve())
    except (BookError, BookErrors) as error:
        print(error, file=sys.stderr)
        print("editions: not built (see above)", file=sys.stderr)
        return 1
    for name, figures in made.items():
        print(f"editions: wrote {args.out / name} ({figures['bytes']:,} bytes, {figures['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
