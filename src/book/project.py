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


# Debian's Chromium, which typesets the PDF and runs the browser tests; a downloaded browser is never used.
CHROMIUM = "/usr/bin/chromium"
# As root without a sandbox, and never reaching for the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Builds outside git (an archive) date themselves 2026-01-01 unless SOURCE_DATE_EPOCH says otherwise.
FALLBACK_EPOCH = 1767225600


def source_date_epoch() -> int:
    """The build's date for reproducible files: SOURCE_DATE_EPOCH (make sets it from git), or the fallback."""
    return int(os.environ.get("SOURCE_DATE_EPOCH") or FALLBACK_EPOCH)


def config(root: Path = ROOT) -> dict:
    """mkdocs.yml as data, its !ENV and python tags read as their defaults or as nothing, merged into the
    configuration it INHERITs as MkDocs merges them."""
    return _config_file(root / "mkdocs.yml")


@functools.cache
def _config_file(path: Path) -> dict:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env_default(loader, node):  # !ENV [NAME, default]: the default, as a fresh clone gets it
        items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
        return items[-1] if len(items) > 1 else None

    Loader.add_constructor("!ENV", env_default)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    parent = data.pop("INHERIT", None)
    return _merged(_config_file((path.parent / parent).resolve()), data) if parent else data


def _merged(parent: dict, child: dict) -> dict:
    """The child's settings over the parent's, mappings merged key by key (MkDocs' INHERIT)."""
    out = dict(parent)
    for key, value in child.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _i18n(root: Path) -> dict:
    return config(root)["plugins"]["i18n"]


def languages(root: Path = ROOT) -> list[str]:
    """The languages the site builds, the default (the original) first."""
    langs = [l for l in _i18n(root)["languages"] if l.get("build", True)]
    return [l["locale"] for l in sorted(langs, key=lambda l: not l.get("default", False))]


def nav_names(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """Each language's names for the nav's sections (the i18n plugin's nav_translations; the default needs none)."""
    return {l["locale"]: dict(l.get("nav_translations") or {}) for l in _i18n(root)["languages"]}


def default_language(root: Path = ROOT) -> str:
    return languages(root)[0]


def site_url(root: Path = ROOT) -> str:
    """The published site's URL: SITE_URL in the environment, else mkdocs.yml's default."""
    return os.environ.get("SITE_URL") or config(root)["site_url"]


def repo_url(root: Path = ROOT) -> str:
    return os.environ.get("REPO_URL") or config(root)["repo_url"]
