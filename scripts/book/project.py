"""The project's names, written once: the book's name, its editions' files, and what mkdocs.yml says."""

from __future__ import annotations

import functools
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME = "edge-of-intelligence"
ZIP_NAME = f"{NAME}-offline.zip"
ZIP_DOWNLOAD = f"downloads/{ZIP_NAME}"  # where the site offers it
# The print and e-book editions, one of each kind per language: `make editions` writes them here.
EDITION_KINDS = ("pdf", "epub")
EDITIONS_DIR = "build/editions"


def edition_name(lang: str, kind: str) -> str:
    return f"{NAME}-{lang}.{kind}"


# Builds outside git (an archive) date themselves 2026-01-01 unless SOURCE_DATE_EPOCH says otherwise.
FALLBACK_EPOCH = 1767225600


def source_date_epoch() -> int:
    """The build's date for reproducible files: SOURCE_DATE_EPOCH (make sets it from git), or the fallback."""
    return int(os.environ.get("SOURCE_DATE_EPOCH") or FALLBACK_EPOCH)


@functools.cache
def config(root: Path = ROOT) -> dict:
    """mkdocs.yml as data, its !ENV and python tags read as their defaults or as nothing."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env_default(loader, node):  # !ENV [NAME, default]: the default, as a fresh clone gets it
        items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
        return items[-1] if len(items) > 1 else None

    Loader.add_constructor("!ENV", env_default)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def _i18n(root: Path) -> dict:
    plugins = config(root)["plugins"]
    return next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)


def languages(root: Path = ROOT) -> list[str]:
    """The languages the site builds, the default (the original) first."""
    langs = [l for l in _i18n(root)["languages"] if l.get("build", True)]
    return [l["locale"] for l in sorted(langs, key=lambda l: not l.get("default", False))]


def default_language(root: Path = ROOT) -> str:
    return languages(root)[0]


def site_url(root: Path = ROOT) -> str:
    """The published site's URL: SITE_URL in the environment, else mkdocs.yml's default."""
    return os.environ.get("SITE_URL") or config(root)["site_url"]


def repo_url(root: Path = ROOT) -> str:
    return os.environ.get("REPO_URL") or config(root)["repo_url"]
