"""Build the offline edition and pack it: `python -m book.commands.offline --zip build/….zip`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from book import project
from book.commands import site_build
from book.editions import offline

ROOT = project.ROOT


def make_edition(config_file: Path, zip_path: Path) -> bool:
    """The offline edition built beside `zip_path`, checked and packed into it; False (reasons on stderr) on failure."""
    edition = zip_path.resolve().parent / "offline" / project.NAME
    shutil.rmtree(edition.parent, ignore_errors=True)  # never pack stale files from an earlier build
    if not site_build.build(config_file, edition, offline=True):
        print("offline: the offline build failed (see above)", file=sys.stderr)
        return False
    offline.prune(edition)
    (edition / "README.txt").write_text(offline.README, encoding="utf-8")
    errors = offline.check_edition(edition)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"offline: {len(errors)} reference(s) would break the offline edition", file=sys.stderr)
        return False
    offline.zip_edition(edition, zip_path, project.NAME, project.source_date_epoch())
    print(f"offline: wrote {zip_path} ({zip_path.stat().st_size:,} bytes)")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, required=True, help="where to write the zip")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    return 0 if make_edition(args.config, args.zip) else 1


if __name__ == "__main__":
    sys.exit(main())
