"""`make check-compat`: the book built unchanged by ProperDocs (the maintained fork of MkDocs 1.x), in its own
environment, must give the site MkDocs gives, byte for byte.

    python -m tools.compat PROPERDOCS_PYTHON
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "compat"


def build(command: list[str], site: Path) -> None:
    shutil.rmtree(site, ignore_errors=True)
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([*command, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)], env=environ)
    if run.returncode:
        raise SystemExit(f"compat: {' '.join(command)} build failed (see above)")


def differences(a: Path, b: Path) -> list[str]:
    """Files in one site only, or in both with other bytes."""
    found, compared = [], filecmp.dircmp(a, b)
    stack = [(compared, "")]
    while stack:
        folder, prefix = stack.pop()
        found += [f"only in MkDocs' site: {prefix}{name}" for name in folder.left_only]
        found += [f"only in ProperDocs' site: {prefix}{name}" for name in folder.right_only]
        found += [f"differs: {prefix}{name}" for name in folder.diff_files]
        stack += [(sub, f"{prefix}{name}/") for name, sub in folder.subdirs.items()]
    return sorted(found)


def main(argv: list[str]) -> int:
    properdocs_python = argv[0]
    build([sys.executable, "-m", "mkdocs"], OUT / "mkdocs")
    build([properdocs_python, "-m", "properdocs"], OUT / "properdocs")
    found = differences(OUT / "mkdocs", OUT / "properdocs")
    for line in found:
        print(line)
    print(f"compat: {len(found)} difference(s) between the sites MkDocs and ProperDocs build", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
