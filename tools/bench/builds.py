"""Builds for `make bench`, each a child process timed by wall clock with its peak memory (children included).

The book's builds are the commands `make build` runs; the baseline's is `tools.bench.baseline`'s. Every build
writes into a folder of the caller's, never site/ or build/, and keeps its cache there: each build's settings
are a configuration that INHERITs the project's mkdocs.yml and changes only what the measurement needs.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from book import project
from tools.bench import baseline, synthetic
from tools.serve import free_port

ROOT = project.ROOT


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # the largest resident set of the process and every process it waited for


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def book_config(folder: Path, docs: Path = ROOT / "docs", overrides: Path = ROOT / "overrides", **book: str) -> Path:
    """A configuration in `folder` that builds `docs` as the project does, with the book plugin's settings `book`
    (its cache in `folder` unless given) and the theme's overrides from `overrides`."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    settings = {"citation_file": str(ROOT / "CITATION.cff"), "cache_dir": str(folder / "cache"), **book}
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "theme": {"custom_dir": str(overrides)},
        "watch": [str(overrides)],
        "plugins": {"book": settings},
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def timed(command: list[str], cwd: Path, environ: dict[str, str]) -> Run:
    """Run a command to its end; its wall time and peak memory (os.wait4 gives this child's alone)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=environ, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise BuildFailed(f"{' '.join(command)} failed ({process.returncode}):\n{output.read().decode()[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def mkdocs_build(config: Path, site: Path, environ: dict[str, str], strict: bool = True) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-q", "-f", str(config), "-d", str(site)]


# The real book


def book_full(work: Path, config: Path | None = None) -> tuple[Run, Path, Path]:
    """`make build`: the online site, and the offline edition and its zip made at the same time."""
    site, zip_path = work / "site", edition_zip(work)
    for folder in (site, zip_path.parent):
        shutil.rmtree(folder, ignore_errors=True)
    config = config or book_config(work / "config")
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
    return timed(command, ROOT, env()), site, zip_path


def book_offline(work: Path, config: Path) -> Run:
    """`make offline`: the offline edition and its zip alone."""
    zip_path = work / "offline-only" / project.ZIP_NAME
    shutil.rmtree(zip_path.parent, ignore_errors=True)
    command = [sys.executable, "-m", "book.commands.offline", "--config", str(config), "--zip", str(zip_path)]
    return timed(command, ROOT, env())


def edition_zip(work: Path) -> Path:
    """Where `book_full(work)` leaves the offline zip."""
    return work / "edition" / project.ZIP_NAME


def book_online(work: Path, config: Path) -> tuple[Run, Path]:
    """The online site alone, as `mkdocs build --strict` (and each rebuild of `make serve`) makes it."""
    site = work / "site-online"
    shutil.rmtree(site, ignore_errors=True)
    return timed(mkdocs_build(config, site, env()), ROOT, env()), site


def no_cache(work: Path, docs: Path = ROOT / "docs", **book: str) -> Path:
    """The configuration of a build with an empty cache, as on a fresh clone: every figure drawn by plotly, every
    template compiled, the CSS and JS minified."""
    return book_config(Path(tempfile.mkdtemp(prefix="cache-", dir=work)), docs, **book)


def baseline_build(work: Path, config: Path | None = None) -> tuple[Run, Path]:
    """The plain baseline of the book's docs (or of the project whose config is given)."""
    config = config or work / "baseline" / "mkdocs.yml"
    if not config.is_file():
        baseline.write(config.parent)
    site = work / "baseline-site"
    shutil.rmtree(site, ignore_errors=True)
    return timed(baseline.command(config, site), config.parent, env()), site


def chart_runs(work: Path, with_charts: bool) -> float:
    """`make build` with an empty cache, of the book as it is or with its chart markers taken out (its tables stay
    plain tables: no chart is read, checked or drawn); its seconds."""
    docs = work / "docs-without-charts"
    if not with_charts and not docs.is_dir():
        shutil.copytree(ROOT / "docs", docs)
        for page in docs.rglob("*.md"):
            # With no charts, a reference to one (About lists them) would stop the build: it becomes the figure's ID.
            text = FIGURE_REF.sub(r"\1", CHART_MARKER.sub("", page.read_text(encoding="utf-8")))
            page.write_text(text, encoding="utf-8")
    full, _, _ = book_full(work / f"charts-{with_charts}", no_cache(work, ROOT / "docs" if with_charts else docs))
    return full.seconds


CHART_MARKER = re.compile(r"^<!-- chart\n.*?^-->\n", re.M | re.S)
FIGURE_REF = re.compile(r"\[\[fig:([^\]]+)\]\]")


def html_pages(site: Path) -> int:
    """The pages a build wrote: every HTML file of its site."""
    return sum(1 for _ in site.rglob("*.html"))


def folder_bytes(folder: Path, skip: str | None = None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and (skip is None or skip not in p.as_posix()))


# The synthetic book


def synthetic_projects(work: Path, pages: int) -> tuple[Path, Path]:
    """The synthetic book of `pages` pages per language, as the book builds it and as the baseline does."""
    folder = work / f"synthetic-{pages}"
    shutil.rmtree(folder, ignore_errors=True)
    book = synthetic.write_project(folder / "book", pages, ROOT)
    plain = baseline.write(folder / "baseline", folder / "book" / "docs", settings=synthetic.settings(pages))
    return book, plain


def without_nav_sections(config: Path, work: Path) -> Path:
    """A configuration like `config` whose theme overrides lack the navigation partial: the theme's own renders it."""
    import yaml

    overrides = work / "overrides-without-nav"
    if not overrides.is_dir():
        shutil.copytree(ROOT / "overrides", overrides)
        (overrides / "partials" / "nav.html").unlink()
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["theme"] = {"custom_dir": str(overrides)}
    settings["watch"] = [str(overrides)]
    path = config.with_name("mkdocs-without-nav-sections.yml")
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def synthetic_build(config: Path, strict: bool) -> Run:
    site = config.parent.parent / ("site" if strict else "baseline-site")
    shutil.rmtree(site, ignore_errors=True)
    return timed(mkdocs_build(config, site, env(), strict), config.parent, env())


# Profiles


def profile_build(config: Path, out: Path, strict: bool = True) -> dict:
    """One build under cProfile: its total, the hook's events, the project's functions and own time by package."""
    import pstats

    site = out.parent / f"{out.stem}-site"
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(out),
        "-m",
        "mkdocs",
        "build",
        *(["--strict"] if strict else []),
        "-q",
        "-f",
        str(config),
        "-d",
        str(site),
    ]
    timed(command, config.parent, env())
    stats = pstats.Stats(str(out))
    own, events, packages = [], {}, {}
    source = str(ROOT / "src") + "/"
    for (file, _line, name), (_, calls, own_time, cumulative, _) in stats.stats.items():
        package = _package(file, name)
        packages[package] = packages.get(package, 0.0) + own_time
        if file == str(ROOT / "src" / "book" / "plugin" / "__init__.py") and name.startswith("on_"):
            events[name] = round(cumulative, 3)
        elif file.startswith(source) and not name.startswith("<"):
            own.append(
                {
                    "function": f"{file[len(source) :]}:{name}",
                    "calls": calls,
                    "seconds": round(cumulative, 3),
                    "ms_per_call": round(cumulative / calls * 1000, 2),
                }
            )
    own.sort(key=lambda row: -row["seconds"])
    return {
        "total_s": round(stats.total_tt, 3),
        "hook_events": dict(sorted(events.items(), key=lambda kv: -kv[1])),
        "own": own[:40],
        "packages": {k: round(v, 3) for k, v in sorted(packages.items(), key=lambda kv: -kv[1])},
    }


def _package(file: str, name: str) -> str:
    """Where a profiled function lives: a site-packages top level, the book's package, the standard library, a built-in."""
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0]
    if file.startswith(str(ROOT / "src")):
        return "book (src/)"
    if file.endswith(".html"):
        return "templates (compiled)"
    if file == "~":  # "<method 'sub' of 're.Pattern' objects>" or "<built-in method builtins.compile>"
        method = re.fullmatch(r"<method '(\w+)' of '([\w.]+)' objects>", name)
        return "built-in " + (f"{method[2]}.{method[1]}" if method else name.strip("<>").removeprefix("built-in method "))
    if "/lib/python3" in file:
        return "stdlib " + file.split("/lib/python3", 1)[1].split("/", 2)[1].removesuffix(".py")
    return "importlib" if file.startswith("<frozen") else file


# Rebuild under `mkdocs serve`


def project_copy(work: Path) -> Path:
    """The book's docs copied beside a configuration of the project's, so that edits never touch the real docs."""
    copy = work / "serve-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT / "docs", copy / "docs")
    book_config(copy, docs=copy / "docs")
    return copy


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8", "replace")


def rebuild_times(work: Path, edits: int, page: str = "part-1/1-2.md", url_path: str = "part-1/1-2/") -> list[float]:
    """Seconds from saving an edit to one section until `mkdocs serve` serves the page with it, per edit."""
    copy = project_copy(work)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    # The site's URL is the server's, or mkdocs serve would mount the site below the real URL's path.
    environ = env(SITE_URL=f"http://127.0.0.1:{port}/", GIT_DIR=str(ROOT / ".git"), GIT_WORK_TREE=str(copy))  # the real dates
    log = open(work / "serve.log", "wb")
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]  # as `make serve`
    server = subprocess.Popen(command, cwd=copy, env=environ, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: _get(url), server, 180, "the first build under mkdocs serve")
        source = copy / "docs" / "ja" / page
        original = source.read_text(encoding="utf-8")
        times = []
        for number in range(edits):
            marker = f"bench-edit-{number}-{time.time_ns()}"
            edited = _edit_first_section(original, marker)
            start = time.perf_counter()
            source.write_text(edited, encoding="utf-8")
            _wait_for(lambda marker=marker: marker in _get(url) or None, server, 120, "the edited page")
            times.append(time.perf_counter() - start)
            time.sleep(1.0)  # let the watcher settle before the next edit
        return times
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: mkdocs serve then removes its temporary site
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _edit_first_section(text: str, marker: str) -> str:
    """The page with `marker` added to the first paragraph of its first section (under its first heading)."""
    lines = text.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("#"))
    paragraph = next(
        i
        for i in range(heading + 1, len(lines))
        if lines[i].strip() and not lines[i].lstrip().startswith(("<", "|", "#", ">", "-", "*", "`", "!"))
    )
    lines[paragraph] += f" {marker}"
    return "\n".join(lines)


def _wait_for(check, server: subprocess.Popen, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BuildFailed(f"mkdocs serve stopped ({server.returncode}) while waiting for {what}")
        try:
            result = check()
            if result:
                return result
        except OSError:
            pass
        time.sleep(0.02)
    raise BuildFailed(f"timed out after {timeout:.0f} s waiting for {what}")
