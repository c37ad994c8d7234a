"""Compiled templates shared by every Jinja environment of one process, and kept on disk for the next build.

MkDocs makes a new template environment for each build, and the i18n plugin runs one build per language
(and `make build` one more for the offline edition), so each would compile the same theme templates again;
the next build would too. Jinja looks a template up by its name, file and source checksum (and its own and
Python's version): an edited template compiles anew.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2


class SharedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates in memory, backed by a folder of the cache."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory))
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        super().load_bytecode(bucket)
        if bucket.code is not None:
            self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        super().dump_bytecode(bucket)

    def clear(self) -> None:
        self._code.clear()
        super().clear()


@functools.cache
def shared(directory: Path) -> SharedBytecodeCache:
    """The one cache of this process for `directory`."""
    return SharedBytecodeCache(directory)
