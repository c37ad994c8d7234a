"""The book's own stylesheets and scripts as pages get them: minified by esbuild (installed by `npm ci`).

Their comments say why each rule is there, and weigh as much again as the rules: readers get the rules only.
The minified files are kept in the cache, named by what they are made from, so a build runs esbuild only
after one of them changed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from book.errors import BookError

SUFFIXES = (".css", ".js")


def minified(sources: dict[str, Path], cache: Path, esbuild: Path) -> dict[str, Path]:
    """{site path: source file} → {site path: its minified copy in the cache}."""
    if not sources:
        return {}
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + sources[name].read_bytes() + b"\0")
    folder = cache / digest.hexdigest()[:20]
    if not folder.is_dir():
        _run_esbuild(sources, folder, esbuild)
    return {name: folder / name for name in sources}


def _run_esbuild(sources: dict[str, Path], folder: Path, esbuild: Path) -> None:
    if not esbuild.is_file():
        raise BookError(str(esbuild), None, "esbuild is missing", "run `make setup` (it runs `npm ci`)")
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as work:
        staged = Path(work) / "in"
        for name, path in sources.items():  # laid out as on the site, so the output keeps the site's paths
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, staged / name)
        out = Path(work) / "out"
        command = [
            str(esbuild),
            *sorted(sources),
            "--minify",
            "--outbase=.",
            f"--outdir={out}",
            "--log-level=error",
            "--charset=utf8",
        ]
        run = subprocess.run(command, cwd=staged, capture_output=True, text=True)
        if run.returncode:
            problem = f"esbuild could not read the book's CSS or JS (paths below are inside overrides/):\n{run.stderr.strip()}"
            raise BookError("overrides/", None, problem, "fix the file it names")
        try:
            out.rename(folder)
        except OSError:  # another build made the same files meanwhile
            pass
