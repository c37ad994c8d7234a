"""Build the offline edition and pack it: `python -m book.commands.offline --zip build/….zip`."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from book import offline

ROOT = Path(__file__).resolve().parents[3]
TOP = "edge-of-intelligence"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, required=True, help="where to write the zip")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)

    edition = args.zip.resolve().parent / "offline" / TOP
    shutil.rmtree(edition.parent, ignore_errors=True)  # never pack stale files from an earlier build
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(args.config), "-d", str(edition)]
    if subprocess.run(build, env=env).returncode != 0:
        print("offline: the offline build failed (see above)", file=sys.stderr)
        return 1
    offline.prune(edition, search_langs={"ja", "en"})
    (edition / "README.txt").write_text(offline.README, encoding="utf-8")
    errors = offline.check_edition(edition)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"offline: {len(errors)} reference(s) would break the offline edition", file=sys.stderr)
        return 1
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    offline.zip_edition(edition, args.zip, TOP, epoch)
    print(f"offline: wrote {args.zip} ({args.zip.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
