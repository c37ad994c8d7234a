"""One strict MkDocs build in this process, as `mkdocs build --strict --quiet` runs it, with the book's settings
given here rather than in mkdocs.yml: the offline edition is the same configuration with Material's offline
plugin turned on."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs import config as mkdocs_config
from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import MkDocsException


def build(config_file: Path, site_dir: Path, offline: bool = False, **book: object) -> bool:
    """Build into `site_dir` (the offline edition if asked), with `book` overriding the book plugin's settings;
    False on failure, the reasons on stderr as `mkdocs` prints them."""
    _show_warnings()
    try:
        config = mkdocs_config.load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins["material/offline"].config.enabled = offline
        for name, value in book.items():
            setattr(config.plugins["book"].config, name, value)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:  # the configuration's or the build's own message, as mkdocs prints it
        print(f"Error: {error}", file=sys.stderr)
        return False
    return True


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
