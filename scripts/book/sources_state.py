"""What every build reads from the sources (checks, translation records, references), read once per state of docs/.

`make serve` rebuilds on every edit, of the theme and the code too, and `make offline` and a test may build more
than once in one process: each would otherwise check and read the same unchanged sources again. An edit changes
a file's size or time, and the state is read anew.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

_KEPT: dict[tuple, Any] = {}


def fingerprint(folder: Path) -> tuple:
    """Every file under the folder with its size and modification time."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(directory, name))
            found.append((directory, name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def once(name: str, docs: Path, key: tuple, read: Callable[[], Any]) -> Any:
    """`read()`'s result, kept while docs/ is unchanged; its exceptions are never kept."""
    state = (name, str(docs), key, fingerprint(docs))
    if state not in _KEPT:
        if len(_KEPT) > 16:  # a long `make serve` session: older states are gone for good
            _KEPT.clear()
        _KEPT[state] = read()
    return _KEPT[state]
