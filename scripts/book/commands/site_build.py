"""One strict MkDocs build in this process, as `mkdocs build --strict --quiet` runs it.

`make build` runs two at once (the offline edition in a forked copy of its process, the online site in it),
so both start from what was imported once instead of starting over in new interpreters.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs import config as mkdocs_config
from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import MkDocsException


def build(config_file: Path, site_dir: Path, environ: dict[str, str]) -> bool:
    """Build into `site_dir` with `environ` set (for mkdocs.yml's !ENV tags and the hooks); False on failure."""
    _show_warnings()
    try:
        with _environ(environ):
            config = mkdocs_config.load_config(str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as error:  # the configuration's or the build's own message, as mkdocs prints it
        print(f"Error: {error}", file=sys.stderr)
        return False
    return True


@contextlib.contextmanager
def _environ(values: dict[str, str]):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _show_warnings() -> None:
    """Warnings and errors on stderr, formatted as the mkdocs command does (once per process)."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(handler, "name", None) == "book-stderr" for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.name = "book-stderr"
    handler.setFormatter(ColorFormatter())
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(1)
    logger.propagate = False
