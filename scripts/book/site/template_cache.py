"""Compiled templates shared by every Jinja environment of one process.

MkDocs makes a new template environment for each build, and the i18n plugin runs one build per language
(and `make build` one more for the offline edition), so each would compile the same theme templates again.
Jinja looks a template up here by its name, file and source checksum: an edited template compiles anew.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


SHARED = MemoryBytecodeCache()
