"""What every build reads from the sources (translation records, references, numbering), read once per state of docs/.

`make serve` rebuilds on every edit, of the theme and the code too, and `make offline` and a test may build more
than once in one process: each would otherwise read the same unchanged sources again. An edit changes a file's
size or time, and the state is read anew. Given a cache folder, what was read is also kept there for the next
build, named by the content of docs/ and of the book's code, so an edit to either reads it anew; builds running at
the same time (`make build` makes two) read it once between them (`locked`).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

_KEPT: dict[tuple, Any] = {}
KEEP_STATES = 8  # per name, on disk
_CODE = Path(__file__).parent  # the book's package: a change to any module may change what is read


def fingerprint(folder: Path) -> tuple:
    """Every file under the folder with its size and modification time."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(directory, name))
            found.append((directory, name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def once(
    name: str, docs: Path, key: tuple, read: Callable[[], Any], cache: Path | None = None, also: tuple[Path, ...] = ()
) -> Any:
    """`read()`'s result, kept while docs/ is unchanged (and in `cache`, if given, while docs/ and the files `also`
    hold the same); its exceptions are never kept."""
    state = (name, str(docs), key, fingerprint(docs))
    if state not in _KEPT:
        if len(_KEPT) > 16:  # a long `make serve` session: older states are gone for good
            _KEPT.clear()
        _KEPT[state] = _on_disk(cache, name, docs, key, read, also, state[-1]) if cache else read()
    return _KEPT[state]


@contextlib.contextmanager
def locked(path: Path):
    """Held by one process at a time: a build waits while another makes what both need, then finds it made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _on_disk(
    cache: Path, name: str, docs: Path, key: tuple, read: Callable[[], Any], also: tuple[Path, ...], files: tuple
) -> Any:
    digest = hashlib.sha256(repr((name, str(docs), key)).encode() + _code_digest() + _content_digest(str(docs), files))
    for path in also:
        digest.update(path.as_posix().encode() + b"\0" + (path.read_bytes() if path.is_file() else b"(none)") + b"\0")
    kept = cache / f"{name}-{digest.hexdigest()[:24]}.pickle"
    with locked(cache / f"{name}.lock"):
        return _read_or_make(cache, name, kept, read)


def _read_or_make(cache: Path, name: str, kept: Path, read: Callable[[], Any]) -> Any:
    try:
        return pickle.loads(kept.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):  # none yet, or unreadable
        pass
    value = read()
    cache.mkdir(parents=True, exist_ok=True)
    states = sorted(cache.glob(f"{name}-*.pickle"), key=lambda path: path.stat().st_mtime_ns)
    for older in states[:-KEEP_STATES]:  # a few recent states (other checkouts, other books) are enough
        older.unlink(missing_ok=True)
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    partial.write_bytes(pickle.dumps(value))
    os.replace(partial, kept)  # builds running side by side never read half a file
    return value


@functools.lru_cache(maxsize=4)  # each state of docs/ is read once, however many things are kept from it
def _content_digest(docs: str, files: tuple) -> bytes:
    """What every file under docs/ holds; `files` is its fingerprint, so an edit reads it anew."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(docs).rglob("*") if p.is_file()):
        digest.update(path.relative_to(docs).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


@functools.cache
def _code_digest() -> bytes:
    digest = hashlib.sha256()
    for path in sorted(_CODE.rglob("*.py")):
        digest.update(path.relative_to(_CODE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()
