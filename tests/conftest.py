"""Shared fixtures. Tests come in tiers, by folder: unit/ builds nothing, content/ reads the book's sources,
build/ builds the small book in fixtures/book (and the real book once per run), browser/ drives Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from filelock import FileLock
from tools.serve import serve

from book import project
from book.project import CHROMIUM, CHROMIUM_ARGS  # one Chromium set-up for tests and the bench

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "book"
TIERS = {"unit", "content", "build", "browser"}


def pytest_collection_modifyitems(items):
    """Each test is marked with its tier (its folder), so `-m "not browser"` runs the tiers without Chromium."""
    for item in items:
        tier = next((part for part in Path(item.fspath).relative_to(ROOT / "tests").parts if part in TIERS), None)
        if tier:
            item.add_marker(getattr(pytest.mark, tier))


def build_env(**extra: str) -> dict[str, str]:
    """The environment for a build in a test: MkDocs wraps its messages at COLUMNS, which a test run may set, so one
    message stays one line as a test reads it."""
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def mkdocs_build(dest: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """A strict build, as `mkdocs build --strict` does it; the caller asserts on the result."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)]
    return subprocess.run(command, capture_output=True, text=True, env=build_env(**env), cwd=config.parent)


def make_build(
    out: Path, config: Path = ROOT / "mkdocs.yml", editions: Path | None = None, **env: str
) -> subprocess.CompletedProcess:
    """`make build` into `out` (site/ and the zip), offering the PDF and EPUB files in `editions`, or none, as on a
    fresh clone."""
    site, zip_path = out / "site", out / project.ZIP_NAME
    command = [
        sys.executable,
        "-m",
        "book.commands.build",
        "--config",
        str(config),
        "--site-dir",
        str(site),
        "--zip",
        str(zip_path),
    ]
    command += ["--editions-dir", str(editions or out / "no-editions")]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(**env), cwd=ROOT)
    result.site, result.zip = site, zip_path
    return result


def name_chart_on_about(root: Path, figure: str) -> None:
    """About lists every chart the edition added (book.checks.about): a test adding a chart names it there too."""
    for about in sorted((root / "docs").glob("*/about.md")):
        text = about.read_text(encoding="utf-8")
        about.write_text(text.replace("[[fig:two-models]]", f"[[fig:two-models]], [[fig:{figure}]]", 1), encoding="utf-8")


def copy_book(dest: Path, source: Path = FIXTURE, **book: str) -> Path:
    """A copy of a book's sources (the small one unless told) for a test to change, with the book plugin's settings
    `book`; the project's configuration, theme and code stay where they are."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "docs", dest / "docs")
    settings = {"citation_file": str(ROOT / "CITATION.cff"), **book}
    config = [
        f"INHERIT: {source / 'mkdocs.yml'}",
        f"theme: {{custom_dir: {ROOT / 'overrides'}}}",
        f"watch: [{ROOT / 'overrides'}]",
        "plugins:",
        "  book:",
        *(f"    {name}: {value}" for name, value in settings.items()),
    ]
    (dest / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    for name in (".markdownlint-cli2.yaml", ".textlintrc.ja.yml", ".textlintrc.en.yml", "prh.yml", "node_modules", ".github"):
        (dest / name).symlink_to(ROOT / name)
    return dest


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory) -> subprocess.CompletedProcess:
    """`make build` of the small book in tests/fixtures/book: its site and offline zip."""
    result = make_build(tmp_path_factory.mktemp("fixture-build"), FIXTURE / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, worker_id) -> subprocess.CompletedProcess:
    """`make build` of the whole book, once per test run: the offline edition and its zip, then the online site.
    When pytest-xdist shares the files out, the first worker to need it builds it into the run's folder while the
    others wait on a lock (every core is busy with tests: a second build would only slow the first)."""
    if worker_id == "master":
        result = make_build(tmp_path_factory.mktemp("build"))
    else:
        shared = tmp_path_factory.getbasetemp().parent / "whole-book"  # the run's folder, above each worker's
        record = shared / "build.json"
        with FileLock(f"{shared}.lock"):
            if not record.is_file():
                shared.mkdir()
                built = make_build(shared)
                kept = {name: getattr(built, name) for name in ("returncode", "stdout", "stderr")}
                record.write_text(json.dumps({**kept, "site": str(built.site), "zip": str(built.zip)}), encoding="utf-8")
        kept = json.loads(record.read_text(encoding="utf-8"))
        result = subprocess.CompletedProcess("make build", kept["returncode"], kept["stdout"], kept["stderr"])
        result.site, result.zip = Path(kept["site"]), Path(kept["zip"])
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The whole book's online edition, built strictly, with the offline zip in it."""
    return site_build.site


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


def marked_charts(lang: str = "ja", docs: Path = ROOT / "docs") -> dict[str, list]:
    """The charts each page marks, by built page URL (part-1/1-3/), in page order: tests take their expectations
    from the docs, so a new chart or chapter never breaks a test that was right."""
    from book.charts.spec import find_charts

    found = {}
    for path in sorted((docs / lang).rglob("*.md")):
        charts = find_charts(path.read_text(encoding="utf-8"), str(path))
        if charts:
            rel = path.relative_to(docs / lang).with_suffix("").as_posix()
            found[rel.removesuffix("index") if rel.endswith("index") else rel + "/"] = charts
    return found
