"""What one build keeps for the next, in one folder (`.cache/` unless the plugin says otherwise).

Every file there is named by a digest of everything it is made from, so an edit makes a new file and an old
one is never read by mistake; deleting the folder only makes the next build slower. Jinja's compiled templates
live beside them (jinja2.FileSystemBytecodeCache keys them the same way).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path


def digest(*parts: str | bytes) -> str:
    """A short name for what `parts` hold together."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update((part.encode() if isinstance(part, str) else part) + b"\0")
    return hashed.hexdigest()[:20]


def kept(folder: Path | None, name: str, make: Callable[[], str]) -> str:
    """The text `make()` gives, read from `folder/name` when an earlier build kept it there (no folder: made each time)."""
    if folder is None:
        return make()
    path = folder / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    text = make()
    write_whole(path, text)
    return text


def kept_file(folder: Path, name: str, make: Callable[[], str]) -> Path:
    """`folder/name`, written from `make()` unless it is there already."""
    kept(folder, name, make)
    return folder / name


def write_whole(path: Path, text: str) -> None:
    """Written beside and renamed into place: a build running at the same time never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
