"""When each source file last changed, from one `git log` over the docs (none without history, or before its first commit)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path


def last_changed(folder: Path) -> dict[str, datetime]:
    """Path relative to `folder` (inside a git checkout) -> time of the newest commit that touched it; {} without git."""
    try:
        log = subprocess.run(
            ["git", "-C", str(folder), "log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative", "--", "."],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}  # an archive without history still builds, just without dates
    dates: dict[str, datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromtimestamp(int(line[1:]), tz=UTC)
        elif line and when is not None:
            dates.setdefault(line, when)  # newest first: keep the first time a path appears
    return dates
