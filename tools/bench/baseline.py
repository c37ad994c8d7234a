"""The plain baseline: stock Material and mkdocs-static-i18n over a copy of the same docs, none of the book's own.

What the book's build, pages and scores are compared against (tests/test_lighthouse.py, `make bench`):
theme material with its default fonts and no custom_dir, plugins search + i18n, the Markdown
extensions the docs need to render the same, and the project's nav. No hooks, no overrides, no
charts (their markers are HTML comments, harmless here), no offline edition. Built non-strict:
without the hooks some links may warn.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from book import project
from book.sources import frontmatter

ROOT = project.ROOT
# What the docs' Markdown uses ({#id}s, tables, HTML blocks, footnotes...), as the project's mkdocs.yml enables it.
MARKDOWN_EXTENSIONS = [
    "abbr",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
]


def project_settings(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """The project's site name and URL, nav and languages, read the way MkDocs reads them (its YAML has !ENV tags)."""
    from mkdocs.utils import yaml_load

    with open(config_file, "rb") as f:
        config = yaml_load(f)
    i18n = config["plugins"]["i18n"]
    languages = [
        {key: lang[key] for key in ("locale", "name", "default", "nav_translations") if key in lang} for lang in i18n["languages"]
    ]
    return {
        "site_name": config["site_name"],
        "site_url": config.get("site_url"),
        "nav": config.get("nav"),
        "languages": languages,
    }


def config_text(site_name: str, languages: list[dict], nav: list | None = None, site_url: str | None = None) -> str:
    config = {"site_name": site_name}
    if site_url:
        config["site_url"] = site_url
    config["theme"] = {"name": "material"}
    config["plugins"] = ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}]
    config["markdown_extensions"] = MARKDOWN_EXTENSIONS
    if nav:
        config["nav"] = nav
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def write(project: Path, docs: Path = ROOT / "docs", site_url: str | None = None, settings: dict | None = None) -> Path:
    """A baseline project in `project` (mkdocs.yml and a copy of `docs`); its config file.

    `settings` (site_name, nav, languages) default to the book's own mkdocs.yml; a synthetic book passes its own.
    """
    settings = settings or project_settings()
    project.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(project / "docs", ignore_errors=True)
    shutil.copytree(docs, project / "docs")
    _stock_templates(project / "docs")
    config_file = project / "mkdocs.yml"
    config_file.write_text(
        config_text(settings["site_name"], settings["languages"], settings.get("nav"), site_url), encoding="utf-8"
    )
    return config_file


def _stock_templates(docs: Path) -> None:
    """Pages that ask for one of the book's templates (the front door's home.html) get the theme's: the baseline has
    none of the book's overrides."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        matter = frontmatter.read(text, str(page))
        if "template" in matter.keys:
            line = matter.keys["template"][0].start_mark.line + 1  # the key's line in the file
            page.write_text("".join(matter.lines[:line] + matter.lines[line + 1 :]), encoding="utf-8")


def command(config_file: Path, site_dir: Path) -> list[str]:
    """The build command for a baseline project (quiet, not strict)."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site_dir)]
