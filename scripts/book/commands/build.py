"""Build the complete site: `python -m book.commands.build [--site-dir site] [--zip build/….zip]`.

The offline edition and the online site are built at the same time, both strict: the offline edition in a
forked process (book.sidecar), the online site in this one (see book.commands.site_build). Every online page
offers the offline zip with its size, which is written in once the zip is made. Both are built beside their
destination and moved into place only when both succeed: a failed build leaves the previous site/ and zip as
they were.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from book import project, sidecar
from book.commands import offline, site_build
from book.project import ZIP_NAME
from book.site import sizes

ROOT = project.ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--zip", type=Path, default=ROOT / "build" / ZIP_NAME)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    new_zip = args.zip.with_name(args.zip.name + ".new")
    new_site = args.site_dir.with_name(args.site_dir.name + ".new")
    shutil.rmtree(new_site, ignore_errors=True)
    new_zip.unlink(missing_ok=True)
    try:
        edition = sidecar.Sidecar({"offline": lambda: offline.make_edition(args.config, new_zip)})
        online = {"OFFLINE": "false", "BOOK_OFFLINE_ZIP": str(new_zip.resolve()), "BOOK_OFFLINE_ZIP_LATER": "1"}
        built = site_build.build(args.config, new_site, online)
        if not edition.result("offline"):
            return 1
        if not built:
            print("build: the online build failed (see above); site/ and the zip are unchanged", file=sys.stderr)
            return 1
        (new_site / project.ZIP_DOWNLOAD).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new_zip, new_site / project.ZIP_DOWNLOAD)
        sizes.fill_pending(new_site, project.ZIP_DOWNLOAD, new_zip)
        _swap(new_site, args.site_dir)
        os.replace(new_zip, args.zip)
        print(f"build: {args.site_dir} and {args.zip} are in place")
    finally:
        shutil.rmtree(new_site, ignore_errors=True)
        new_zip.unlink(missing_ok=True)
    return 0


def _swap(new: Path, dest: Path) -> None:
    """`dest` becomes `new` in two renames, so no reader or deploy step ever sees half of a site."""
    old = dest.with_name(dest.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    new.rename(dest)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
