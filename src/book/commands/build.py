"""Build the complete site: `python -m book.commands.build [--site-dir site] [--zip build/….zip]`.

The offline edition is built by `book.commands.offline` in a second process while this one builds the online
site, both strict, on two cores. Every online page offers the offline zip, whose size is written in once the zip
is made. Both are built beside their destination and moved into place only when both succeed: a failed build
leaves the previous site/ and zip as they were.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from book import project
from book.commands import site_build
from book.project import ZIP_NAME
from book.site import sizes

ROOT = project.ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--zip", type=Path, default=ROOT / "build" / ZIP_NAME)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--editions-dir", type=Path, help="where the PDF and EPUB editions to offer are (default: the plugin's)")
    args = parser.parse_args(argv)
    settings = {"editions_dir": str(args.editions_dir.resolve())} if args.editions_dir else {}
    new_zip = args.zip.with_name(args.zip.name + ".new").resolve()
    new_site = args.site_dir.with_name(args.site_dir.name + ".new")
    shutil.rmtree(new_site, ignore_errors=True)
    new_zip.unlink(missing_ok=True)
    offline = [sys.executable, "-m", "book.commands.offline", "--zip", str(new_zip), "--config", str(args.config)]
    edition = subprocess.Popen(offline, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        built = site_build.build(args.config, new_site, offline_zip=str(new_zip), offline_zip_pending=True, **settings)
        report, _ = edition.communicate()
        if not built:  # the offline edition failed on the same sources: its report would repeat this one
            print("build: the online build failed (see above); site/ and the zip are unchanged", file=sys.stderr)
            return 1
        print(report, end="", file=sys.stderr if edition.returncode else sys.stdout)
        if edition.returncode:
            return 1
        (new_site / project.ZIP_DOWNLOAD).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new_zip, new_site / project.ZIP_DOWNLOAD)
        sizes.fill_pending(new_site, project.ZIP_DOWNLOAD, new_zip)
        _swap(new_site, args.site_dir)
        new_zip.replace(args.zip)
        print(f"build: {args.site_dir} and {args.zip} are in place")
    finally:
        if edition.poll() is None:  # this process was interrupted: stop the edition before tidying its files
            edition.kill()
        edition.wait()
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
