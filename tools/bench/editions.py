"""The PDF and EPUB editions in `make bench`: how long building them takes, each file's size and page count."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from book import project

# Budgets for the whole book in one language: what a reader downloads, on a phone too.
BUDGET_MB = {"pdf": 6.0, "epub": 2.0}
BUDGET_SECONDS = 120  # both languages' PDF and EPUB, on a 2-core machine


def measure(out: Path) -> dict:
    """`make editions`' edition step, run as make runs it, in a child process; the site build after it is `make build`."""
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "book.commands.editions", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=project.ROOT,
    )
    seconds = time.monotonic() - started
    if run.returncode != 0:
        raise RuntimeError(f"make editions failed:\n{run.stdout}{run.stderr}")
    files = {}
    for lang in project.languages():
        for kind in project.EDITION_KINDS:
            path = out / project.edition_name(lang, kind)
            files[path.name] = {"lang": lang, "kind": kind, "bytes": path.stat().st_size, "pages": _pages(path)}
    return {"seconds": round(seconds, 2), "files": files}


def _pages(path: Path) -> int | None:
    """A PDF's page count (pdfinfo, from poppler-utils); None for an EPUB, which reflows."""
    if path.suffix != ".pdf":
        return None
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(found.group(1)) if found else None
