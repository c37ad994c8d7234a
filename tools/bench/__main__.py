"""Measure the build, a rebuild and what readers download, beside a plain Material + i18n build of the same docs.

    python -m tools.bench [--quick] [--out DIR] [--compare OLD.json]

Builds run one after another in child processes, the book's and the baseline's interleaved, so that the
machine's noise falls on both and cancels out in their ratio. Prints one table with the targets beside the
figures and writes it as JSON to DIR/bench.json and a timestamped copy (DIR defaults to bench-results/).
--quick measures one small size once and leaves out Lighthouse and the editions, for tests; its figures are not
for decisions.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from book import project
from tools.bench import baseline, builds, features, lighthouse, pages, report, search
from tools.bench import editions as edition_bench

ROOT = project.ROOT
FULL = {"build": 7, "charts": 5, "scale": 3, "rebuild": 5, "lighthouse": 3, "sizes": (10, 50, 200)}
QUICK = {"build": 1, "charts": 1, "scale": 1, "rebuild": 1, "sizes": (10,)}


def _summary(runs: list[builds.Run]) -> dict:
    return {
        "median_s": report.median([r.seconds for r in runs]),
        "runs_s": [round(r.seconds, 3) for r in runs],
        "peak_mb": max(r.peak_mb for r in runs),
    }


def measure_builds(work: Path, runs: int, warm_up: bool) -> tuple[dict, dict]:
    """`make build`, the online build alone, both again with an empty cache, the offline edition alone, and the
    baseline, interleaved. Returns the figures and the last sites built, for the downloads."""
    baseline.write(work / "baseline", site_url=baseline.project_settings()["site_url"])
    book = work / "book"
    warm = builds.book_config(work / "warm")  # one cache for every warm build, as a contributor's checkout keeps
    online_warm = builds.book_config(
        work / "warm-online", offline_zip=str(builds.edition_zip(book)), cache_dir=str(work / "warm" / "cache")
    )
    if warm_up:  # the first build of a session fills the cache and the OS's file cache: measured by none
        builds.baseline_build(work)
        builds.book_full(book, warm)
    names = ("baseline", "full", "online", "offline", "full_no_cache", "online_no_cache")
    measured = {name: [] for name in names}
    for number in range(runs):
        # Alternate baseline-first and baseline-last; `full` always precedes the online builds that offer its zip.
        order = names if number % 2 == 0 else ("online_no_cache", "full_no_cache", "full", "offline", "online", "baseline")
        for what in order:
            if what == "baseline":
                run, _ = builds.baseline_build(work)
            elif what == "full":
                run, _, _ = builds.book_full(book, warm)
            elif what == "full_no_cache":
                run, _, _ = builds.book_full(work / "book-no-cache", builds.no_cache(work))
            elif what == "offline":
                run = builds.book_offline(work, warm)
            elif what == "online":
                run, _ = builds.book_online(work / "book-online", online_warm)
            else:
                run, _ = builds.book_online(
                    work / "book-online", builds.no_cache(work, offline_zip=str(builds.edition_zip(book)))
                )
            measured[what].append(run)
    plain = measured["baseline"]
    result = {name: _summary(runs_of) for name, runs_of in measured.items()}
    for key in ("online", "full", "online_no_cache", "full_no_cache"):
        # Each round's book build over the same round's baseline: slow swings of the machine's load cancel out.
        result[f"{key}_ratio"] = report.median([a.seconds / b.seconds for a, b in zip(measured[key], plain)])
        result[f"{key}_ratio_of_medians"] = result[key]["median_s"] / result["baseline"]["median_s"]
    result["full_vs_online"] = result["full"]["median_s"] / result["online"]["median_s"]
    # `make build` makes the offline edition beside the online site: what that saves over one after the other.
    sequential = [a.seconds + b.seconds for a, b in zip(measured["online"], measured["offline"])]
    result["beside_gain"] = report.median([1 - f.seconds / s for f, s in zip(measured["full"], sequential)])
    site, zip_path = book / "site", builds.edition_zip(book)
    result["online_site_bytes"] = builds.folder_bytes(site)
    result["online_site_bytes_without_zip"] = builds.folder_bytes(site, skip="/downloads/")
    result["baseline_site_bytes"] = builds.folder_bytes(work / "baseline-site")
    result["zip_bytes"] = zip_path.stat().st_size
    result["zip_vs_site"] = result["zip_bytes"] / result["online_site_bytes_without_zip"]
    # The book writes more pages than the baseline from the same docs (side-by-side pages): the ratio per page.
    result["pages_built"] = {"book": builds.html_pages(site), "baseline": builds.html_pages(work / "baseline-site")}
    result["online_ratio_per_page"] = result["online_ratio"] * result["pages_built"]["baseline"] / result["pages_built"]["book"]
    return result, {"book": site, "baseline": work / "baseline-site"}


def measure_charts(work: Path, runs: int) -> dict:
    """`make build` with an empty cache, with the book's charts and with their markers taken out, interleaved."""
    with_s, without_s = [], []
    for number in range(runs):
        for with_charts in (True, False) if number % 2 == 0 else (False, True):
            (with_s if with_charts else without_s).append(builds.chart_runs(work, with_charts))
    step = report.median([a - b for a, b in zip(with_s, without_s)])  # each round's difference, as for the ratios
    full_with = report.median(with_s)
    return {
        "full_with_s": full_with,
        "full_without_s": report.median(without_s),
        "step_s": step,
        "step_share": step / full_with,
        "runs_with_s": with_s,
        "runs_without_s": without_s,
    }


def measure_caches(work: Path, runs: int) -> dict:
    """Each part of the cache, kept or emptied before every online build: what keeping it saves, as a share of the
    build. A part that saves less than a tenth of it has no place in the book."""
    template = builds.book_config(work / "caches")
    builds.book_online(work / "caches-site", template)  # fills every part
    kept = template.parent / "cache"
    saved = {}
    for part in ("templates", "charts", "assets"):
        with_s, without_s = [], []
        for number in range(runs):
            for keep in (True, False) if number % 2 == 0 else (False, True):
                if not keep:
                    shutil.rmtree(kept / part, ignore_errors=True)
                run, _ = builds.book_online(work / "caches-site", template)
                (with_s if keep else without_s).append(run.seconds)
        saved[part] = {
            "kept_s": report.median(with_s),
            "emptied_s": report.median(without_s),
            "gain": report.median([1 - a / b for a, b in zip(with_s, without_s)]),
        }
    return saved


def measure_scale(work: Path, sizes: tuple[int, ...], runs: int) -> tuple[dict, dict]:
    rows, configs = [], {}
    for size in sizes:
        book, plain = builds.synthetic_projects(work, size)
        configs[size] = book
        done = {"book": [], "baseline": []}
        for number in range(runs):
            for what in ("baseline", "book") if number % 2 == 0 else ("book", "baseline"):
                done[what].append(builds.synthetic_build(book if what == "book" else plain, strict=what == "book"))

        total_pages = 2 * size  # chapter pages of both languages
        project_s, baseline_s = (report.median([r.seconds for r in done[k]]) for k in ("book", "baseline"))
        rows.append(
            {
                "pages_per_language": size,
                "pages": total_pages,
                "project_s": project_s,
                "baseline_s": baseline_s,
                "ratio": project_s / baseline_s,
                "project_ms_per_page": project_s / total_pages * 1000,
                "baseline_ms_per_page": baseline_s / total_pages * 1000,
                "project_peak_mb": max(r.peak_mb for r in done["book"]),
                "baseline_peak_mb": max(r.peak_mb for r in done["baseline"]),
            }
        )
    # The cost of each page added between two sizes: startup costs cancel out, so growth here is non-linear cost.
    marginal = [
        {
            "from": a["pages_per_language"],
            "to": b["pages_per_language"],
            **{
                f"{k}_ms_per_page": (b[f"{k}_s"] - a[f"{k}_s"]) / (b["pages"] - a["pages"]) * 1000
                for k in ("project", "baseline")
            },
        }
        for a, b in zip(rows, rows[1:])
    ]
    first, last = rows[0], rows[-1]
    growth = lambda key: last[key] / first[key] if len(rows) > 1 else None  # noqa: E731
    marginal_growth = lambda key: (marginal[-1][key] / marginal[0][key]) if len(marginal) > 1 else None  # noqa: E731
    return {
        "sizes": list(sizes),
        "rows": rows,
        "marginal": marginal,
        "project_per_page_growth": growth("project_ms_per_page"),
        "baseline_per_page_growth": growth("baseline_ms_per_page"),
        "project_marginal_growth": marginal_growth("project_ms_per_page"),
        "baseline_marginal_growth": marginal_growth("baseline_ms_per_page"),
        # Material's own cost per page grows with the nav it writes into every page; held against the baseline,
        # only a cost of the book's that grows faster than the pages shows.
        "ratio_growth": report.ratio_growth(rows, report.SCALE_REFERENCE),
    }, configs


def measure_nav_sections(work: Path, config: Path, runs: int) -> dict:
    """The synthetic book's largest size built with the navigation partial that renders each top-level section once
    for the pages it reads the same on (overrides/partials/nav.html), and with the theme's own, interleaved."""
    without = builds.without_nav_sections(config, work)
    with_s, without_s = [], []
    for number in range(runs):
        for kept in (True, False) if number % 2 == 0 else (False, True):
            (with_s if kept else without_s).append(builds.synthetic_build(config if kept else without, strict=True).seconds)
    return {
        "with_s": report.median(with_s),
        "without_s": report.median(without_s),
        "gain": report.median([1 - a / b for a, b in zip(with_s, without_s)]),
    }


def measure_downloads(sites: dict, page_list: list[pages.Page]) -> dict:
    visits = pages.measure(sites, page_list)
    rows = []
    for page in page_list:
        book, base = visits["book"][page.path], visits["baseline"][page.path]
        rows.append(
            {
                "path": page.path,
                "lang": page.lang,
                "kind": page.kind,
                "book": book,
                "baseline": base,
                "first_visit_ratio": book["first_visit"]["total"] / base["first_visit"]["total"],
                "after_interaction_ratio": book["after_interaction"]["total"] / base["after_interaction"]["total"],
            }
        )
    plain = [r for r in rows if r["kind"] != "chart"]
    chart = next(r for r in rows if r["kind"] == "chart")
    same_lang = next((r for r in plain if r["lang"] == chart["lang"]), plain[0])
    return {
        "viewport": f"{pages.VIEWPORT['width']}x{pages.VIEWPORT['height']}",
        "pages": rows,
        "plotly_bytes_on_pages_without_charts": max(
            r["book"][phase]["plotly"] for r in plain for phase in ("first_visit", "after_interaction")
        ),
        "chart_vs_plain": {
            "chart_before": chart["book"]["first_visit"]["total"],
            "chart_after": chart["book"]["after_chart"]["total"],
            "plain": same_lang["book"]["first_visit"]["total"],
        },
    }


def _git(*args: str) -> str:
    run = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 else "unknown"


def run(quick: bool, work: Path, log=print) -> dict:
    plan = QUICK if quick else FULL
    started = datetime.datetime.now().astimezone()
    changed = _git("status", "--porcelain", "--", "docs", "overrides", "src", "mkdocs.yml")
    meta = {
        "started": started.isoformat(timespec="seconds"),
        "quick": quick,
        "cpus": os.cpu_count(),
        "commit": _git("rev-parse", "--short", "HEAD") + ("+changes" if changed else ""),
        "python": sys.version.split()[0],
        "runs": {k: v for k, v in plan.items() if k != "sizes"},
    }
    log(f"bench: builds ({plan['build']} runs of book and baseline, interleaved)…")
    build, sites = measure_builds(work, plan["build"], warm_up=not quick)
    log(f"bench: chart step ({plan['charts']} runs with and without)…")
    charts = measure_charts(work, plan["charts"])
    log(f"bench: synthetic books of {', '.join(map(str, plan['sizes']))} pages per language…")
    scale, configs = measure_scale(work, plan["sizes"], plan["scale"])
    log(f"bench: the navigation's sections rendered once, on and off ({plan['scale']} runs)…")
    nav_sections = measure_nav_sections(work, configs[plan["sizes"][-1]], plan["scale"])
    log(f"bench: each part of the cache, kept and emptied ({plan['charts']} runs)…")
    caches = measure_caches(work, plan["charts"])
    log(f"bench: rebuild under mkdocs serve ({plan['rebuild']} edits)…")
    times = builds.rebuild_times(work, plan["rebuild"])
    log("bench: downloads in Chromium…")
    sample = pages.sample(("front", "section", "chart"))
    quick_sample = [page for page in sample if (page.kind, page.lang) in {("front", sample[0].lang), ("chart", sample[-1].lang)}]
    downloads = measure_downloads(sites, quick_sample if quick else sample)
    feature_rows = features.measure(sites["book"])
    log("bench: search designs in Chromium…")
    search_figures = search.measure(sites["book"], sites["baseline"])
    results = {
        "meta": meta,
        "build": build,
        "charts": charts,
        "scale": scale,
        "mechanisms": {"nav_sections": nav_sections, "caches": caches, "beside": build["beside_gain"]},
        "rebuild": {"median_s": report.median(times), "runs_s": [round(t, 3) for t in times]},
        "downloads": downloads,
        "features": {"rows": feature_rows, "per_page": features.per_page(feature_rows), "budget": features.BUDGET},
        "search": search_figures,
    }
    if not quick:  # the two slowest steps: `make test` scores Lighthouse and builds the editions in their own tests
        log(f"bench: Lighthouse ({plan['lighthouse']} runs of each page, book and baseline)…")
        with lighthouse.served("book", work / "lighthouse") as book, lighthouse.served("baseline", work / "lighthouse") as plain:
            urls = {"book": book, "baseline": plain}
            results["lighthouse"] = lighthouse.measure(pages.sample(), plan["lighthouse"], urls, work / "lighthouse")
        log("bench: the PDF and EPUB editions (make editions)…")
        results["editions"] = edition_bench.measure(work / "editions")
    results["targets"] = report.targets(results)
    profiles = {}
    if not quick:
        missed = {row["name"] for row in results["targets"] if row["met"] is False}
        if any(name.startswith(("online build", "full build")) for name in missed):
            log("bench: profiling a book build and a baseline build…")
            profiles["online"] = builds.profile_build(builds.book_config(work / "profile"), work / "profiles" / "online.prof")
            profiles["baseline"] = builds.profile_build(
                work / "baseline" / "mkdocs.yml", work / "profiles" / "baseline.prof", strict=False
            )
        if any(name.startswith(("synthetic", "scale")) for name in missed):
            log("bench: profiling the smallest and the largest synthetic book…")
            profiles["smallest"] = builds.profile_build(configs[plan["sizes"][0]], work / "profiles" / "smallest.prof")
            profiles["largest"] = builds.profile_build(configs[plan["sizes"][-1]], work / "profiles" / "largest.prof")
    results["profiles"] = profiles
    results["notes"] = report.notes(results, profiles)
    meta["finished"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one small size, one run each (for tests)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench-results", help="where to write bench.json (default: bench-results/)"
    )
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="print how the figures moved since an earlier run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary build folders (their path is printed)")
    args = parser.parse_args(argv)
    if args.compare and not args.compare.is_file():
        parser.error(f"{args.compare}: no such file — give a bench.json from an earlier run")
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None  # read before bench.json is rewritten
    work = Path(tempfile.mkdtemp(prefix="book-bench-"))
    try:
        results = run(args.quick, work, log=lambda message: print(message, file=sys.stderr, flush=True))
    except builds.BuildFailed as error:
        print(f"bench: a build failed, so nothing was measured — fix it first:\n{error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"bench: build folders kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(report.table(results))
    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    stamp = datetime.datetime.fromisoformat(results["meta"]["started"]).strftime("%Y%m%d-%H%M%S")
    for name in ("bench.json", f"bench-{stamp}.json"):
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"\nwrote {args.out / 'bench.json'} and {args.out / f'bench-{stamp}.json'}")
    if old:
        print("\n" + report.compare(old, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
