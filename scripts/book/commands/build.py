"""Build the complete site: `python -m book.commands.build [--site-dir site] [--zip build/….zip]`.

The offline edition first (its zip is offered for download on every page), then the online site with
the zip in it, both strict and in this one process (see book.commands.site_build).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from book import project
from book.commands import offline, site_build
from book.project import ZIP_NAME

ROOT = project.ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--zip", type=Path, default=ROOT / "build" / ZIP_NAME)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    if not offline.make_edition(args.config, args.zip):
        return 1
    online = {"OFFLINE": "false", "BOOK_OFFLINE_ZIP": str(args.zip.resolve())}
    if not site_build.build(args.config, args.site_dir, online):
        print("build: the online build failed (see above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
