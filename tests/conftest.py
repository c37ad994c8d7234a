"""Shared fixtures: one build of each edition per test session, a local server, and Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from book import project
from book.bench.pages import CHROMIUM, CHROMIUM_ARGS  # one Chromium set-up for tests and the bench
from book.site.serve import serve

ROOT = Path(__file__).resolve().parents[1]


def build_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts"), **extra}


def mkdocs_build(dest: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """A strict build, as `make build` does it; the caller asserts on the result."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)]
    return subprocess.run(command, capture_output=True, text=True, env=build_env(**env), cwd=config.parent)


def marked_charts(lang: str = "ja") -> dict[str, list]:
    """The charts each page of the book marks, by built page URL (part-1/1-3/), in page order: tests take their
    expectations from the docs, so a new chart or chapter never breaks a test that was right."""
    from book.charts.spec import find_charts

    found = {}
    for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
        charts = find_charts(path.read_text(encoding="utf-8"), str(path))
        if charts:
            rel = path.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            found[rel.removesuffix("index") if rel.endswith("index") else rel + "/"] = charts
    return found


def copy_book(dest: Path) -> Path:
    """A copy of the book's sources for a test to break; code and packages are linked, not copied."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    linked = (
        "overrides",
        "scripts",
        "tests",
        "node_modules",
        ".github",
        ".markdownlint-cli2.yaml",
        "pyproject.toml",
        "CITATION.cff",
    )
    prose = (".textlintrc.ja.yml", ".textlintrc.en.yml", "prh.yml")
    for name in (*linked, *prose):
        (dest / name).symlink_to(ROOT / name)
    return dest


@pytest.fixture(scope="session", autouse=True)
def chart_cache(tmp_path_factory) -> Path:
    """Builds run by tests keep drawn figures in a folder of the session's, never in the project's .cache/."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["BOOK_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> subprocess.CompletedProcess:
    """`make build`: the offline edition and its zip, then the online site with the zip in it."""
    out = tmp_path_factory.mktemp("build")
    site, zip_path = out / "site", out / project.ZIP_NAME
    no_editions = out / "no-editions"  # as `make build` on a fresh clone: no PDF or EPUB built yet
    command = [sys.executable, "-m", "book.commands.build", "--site-dir", str(site), "--zip", str(zip_path)]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(BOOK_EDITIONS_DIR=str(no_editions)), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    result.site, result.zip = site, zip_path
    return result


@pytest.fixture(scope="session")
def offline_zip(site_build) -> Path:
    return site_build.zip


@pytest.fixture(scope="session")
def unzipped(tmp_path_factory, offline_zip) -> Path:
    """The offline edition in a folder whose path has a space and Japanese characters, as a reader's might."""
    folder = tmp_path_factory.mktemp("offline") / "私の 本棚"
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / project.NAME


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The online edition, built strictly from docs/ with the offline zip in it."""
    return site_build.site


@pytest.fixture(scope="session")
def site_url(site):
    """The built site served on 127.0.0.1 (a free port) for the session, then stopped."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing — run `make test`, which installs it")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def serve_directory(directory: Path):
    """Another built site (a test's own variant) served on 127.0.0.1 at a free port while the block runs."""
    return serve(directory)
