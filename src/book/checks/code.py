"""The book's Python code, linted and formatted by ruff (settings in pyproject.toml), as `path:line` problems."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from book.errors import BookError

FOLDERS = ["src", "tools", "tests"]
_FINDING = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):\d+: (?P<code>[A-Z]+\d+) (?P<message>.*)$")


def problems(root: Path) -> list[BookError]:
    """ruff's lint findings and the files its formatter would change."""
    ruff = [sys.executable, "-m", "ruff"]
    lint = subprocess.run(
        [*ruff, "check", "--output-format", "concise", "--no-fix", *FOLDERS], cwd=root, capture_output=True, text=True
    )
    errors = []
    for line in lint.stdout.splitlines():
        found = _FINDING.match(line)
        if found:
            errors.append(
                BookError(
                    found["path"],
                    int(found["line"]),
                    f"{found['code']} {found['message']}",
                    "fix it, or run make format for what ruff can fix",
                )
            )
    form = subprocess.run([*ruff, "format", "--check", *FOLDERS], cwd=root, capture_output=True, text=True)
    for line in form.stdout.splitlines():
        if line.startswith("Would reformat: "):
            errors.append(
                BookError(line.removeprefix("Would reformat: "), None, "is not formatted as ruff formats it", "run make format")
            )
    if lint.returncode not in (0, 1) or form.returncode not in (0, 1):
        errors.append(
            BookError(
                "pyproject.toml",
                None,
                f"ruff could not run: {(lint.stderr + form.stderr).strip()[:300]}",
                "run make setup, which installs it",
            )
        )
    return errors
