"""Lighthouse (mobile, its defaults) on a sample of the book's pages (tools.bench.pages.sample), served over HTTP
with gzip as a static host serves them, and on the same pages of the plain Material + mkdocs-static-i18n baseline.

Targets: accessibility, best practices and SEO at 100; performance at least 95 and within noise of the
baseline's (performance_floor says how a busy machine is allowed for). Each site is built with SITE_URL set to its local server, so canonical and hreflang
links match the origin. `make test` scores each kind of page of the book once (tests/browser/test_lighthouse.py);
`make bench` and CI score every page of the sample several times beside the baseline's same page and judge the
median (a best-of-N would hide regressions).
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from book.project import CHROMIUM, CHROMIUM_ARGS, ROOT
from tools.bench import baseline
from tools.bench.pages import Page
from tools.serve import free_port, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
MIN_PERFORMANCE = 95
# How far apart two measures of the same page fall here, for either build: medians of three runs, single runs.
NOISE = {"median": 3, "single": 6}


def _build(kind: str, dest: Path, site_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    if kind == "book":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)]
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    config = baseline.write(dest.parent / "project", site_url=site_url)  # not strict: without the book's code it may warn
    return subprocess.run(baseline.command(config, dest), capture_output=True, text=True, cwd=config.parent, env=env)


@contextlib.contextmanager
def served(kind: str, work: Path) -> Iterator[str]:
    """The book ("book") or the baseline ("baseline") built for a port chosen first, served there; yields its URL."""
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    dest = work / kind / "site"
    result = _build(kind, dest, site_url)
    if not (dest / "index.html").is_file():
        raise RuntimeError(f"the {kind} build failed:\n{result.stdout}{result.stderr}")
    with serve(dest, port) as url:
        yield url


def run(url: str, out: Path, settings: tuple[str, ...] = (), chrome: tuple[str, ...] = ()) -> dict:
    """One Lighthouse run: {category: score 0-100} and the audits that lost points. `settings` are Lighthouse's
    (its screen, say), `chrome` more of Chromium's flags (the reader's colour scheme)."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing — run `make setup` (npm ci)")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, *chrome])
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}"]
    command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}", *settings]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=180)
    if not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    lost = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{category}: {audit['id']} {audit['score']:.2f} {audit.get('displayValue', '')} — {audit['title']}")
    return {"scores": scores, "lost": lost}


def measure(pages: list[Page], runs: int, urls: dict[str, str], work: Path) -> list[dict]:
    """Each page scored `runs` times on each site of `urls` (the book's, and the baseline's unless left out; see
    `served`), in turn: the runs and their medians, per page."""
    rows = [{"path": page.path or "/", "lang": page.lang, "kind": page.kind} for page in pages]
    for row, page in zip(rows, pages):
        for kind, url in urls.items():
            name = f"{kind}-{page.path.replace('/', '_') or 'front'}"
            done = [run(url + page.path, work / f"{name}-{n}.json") for n in range(runs)]
            row[kind] = {
                "runs": [r["scores"] for r in done],
                "median": {c: statistics.median(r["scores"][c] for r in done) for c in CATEGORIES},
                "lost": list(dict.fromkeys(line for r in done for line in r["lost"])),
            }
    return rows


def performance_floor(row: dict) -> float:
    """The lowest performance score the book's page may have, given the baseline's on the same page."""
    single = len(row["book"]["runs"]) == 1  # one run proves little on a busy machine
    if "baseline" not in row:  # scored alone: 95, less a single run's noise
        return MIN_PERFORMANCE - (NOISE["single"] if single else 0)
    theirs = row["baseline"]["median"]["performance"]
    if single:  # 95, or within noise of the baseline's
        return min(MIN_PERFORMANCE, theirs - NOISE["single"])
    # Medians: 95 and within noise of the baseline's, unless the machine is too busy for the plain theme to reach 95.
    return max(MIN_PERFORMANCE, theirs - NOISE["median"]) if theirs >= MIN_PERFORMANCE else theirs - NOISE["median"]


def problems(rows: list[dict]) -> list[str]:
    """Pages below their targets, with the audits that lost points."""
    found = []
    for row in rows:
        ours, lost = row["book"]["median"], "".join(f"\n    {line}" for line in row["book"]["lost"])
        floor = performance_floor(row)
        if ours["performance"] < floor:
            runs = [r["performance"] for r in row["book"]["runs"]]
            found.append(f"{row['path']}: performance {ours['performance']:g} (runs {runs}), at least {floor:g}{lost}")
        for category in CATEGORIES[1:]:
            scores = [r[category] for r in row["book"]["runs"]]
            if min(scores) < 100:
                found.append(f"{row['path']}: {category} {scores}{lost}")
    return found


def table(rows: list[dict]) -> str:
    head = "Lighthouse (mobile), median of runs   book: perf/a11y/bp/seo (performance runs)"
    lines = [head + ("   plain Material + i18n" if rows and "baseline" in rows[0] else "")]
    for row in rows:
        performance = ",".join(str(r["performance"]) for r in row["book"]["runs"])
        line = f"  {row['path']:<18} {_scores(row['book']):>16} ({performance})"
        lines.append(f"{line}   {_scores(row['baseline']):>16}" if "baseline" in row else line)
    return "\n".join(lines)


def _scores(measured: dict) -> str:
    return "/".join(f"{measured['median'][c]:g}" for c in CATEGORIES)
