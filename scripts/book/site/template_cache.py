"""Compiled templates shared by every Jinja environment of one process, and kept on disk for the next build.

MkDocs makes a new template environment for each build, and the i18n plugin runs one build per language
(and `make build` one more for the offline edition), so each would compile the same theme templates again;
the next build would too. Jinja looks a template up by its name, file and source checksum (and its own and
Python's version): an edited template compiles anew. A build that finds none compiled (a fresh clone) compiles
the theme's page templates in another process while it renders Markdown (`compile_theme`).
"""

from __future__ import annotations

import functools
import os
import re
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


def compile_theme(env: jinja2.Environment, dirs: list[str], langs: list[str]) -> list[str]:
    """Each page template and partial of the theme's folders compiled into `env`'s bytecode cache; the names compiled.

    Interface strings of other languages (partials/languages/) and the theme's fragments are left out: no page uses them.
    """
    names: dict[str, Path] = {}  # the first folder's file of each name, as the theme's loader finds it
    for folder in dirs:
        for name in _template_names(Path(folder)):
            if _shown(name, langs):
                names.setdefault(name, Path(folder, name))
    compiled = []
    for name in _in_order_of_use(names):
        try:
            env.get_template(name)
        except jinja2.TemplateError:  # one that needs what only a build adds is compiled by the build itself
            continue
        compiled.append(name)
    return compiled


def _template_names(folder: Path) -> list[str]:
    """The HTML and XML files under `folder` as Jinja names them, sorted; hidden folders (the theme's thousands of
    icons) and fragments are not walked."""
    names = []
    for parent, subfolders, files in os.walk(folder):
        where = Path(parent).relative_to(folder).as_posix()
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and not (where == "." and d == "fragments")]
        names += [f if where == "." else f"{where}/{f}" for f in files if f.endswith((".html", ".xml")) and not f.startswith(".")]
    return sorted(names)


# Templates a template names as they are written: it extends, includes or imports them.
_NAMED = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")
PAGES = ("main.html", "404.html", "sitemap.xml")  # what MkDocs renders; every other template is reached from these


def _in_order_of_use(names: dict[str, Path]) -> list[str]:
    """The pages' templates first, each followed by those it names, then the rest: a build rendering its first
    page while they compile finds the ones it needs first already compiled."""
    order, queue = [], [name for name in PAGES if name in names]
    while queue:
        name = queue.pop(0)
        if name in order:
            continue
        order.append(name)
        queue += [named for named in _NAMED.findall(names[name].read_text(encoding="utf-8")) if named in names]
    return order + [name for name in names if name not in order]


def _shown(name: str, langs: list[str]) -> bool:
    folder, _, file = name.rpartition("/")
    return folder != "partials/languages" or file.removesuffix(".html") in langs
