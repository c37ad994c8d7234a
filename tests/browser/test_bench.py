"""`make bench` in its quick form: it runs end to end and its JSON carries every figure the report promises.

The benchmark is a report, not a timed test: nothing here judges a figure, only that it was measured. Its run
builds the book some twenty times, so it has a target of its own, `make test-bench`, which CI runs after `make test`;
the report's arithmetic is tested without a build in tests/unit/test_bench_report.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from numbers import Real

import pytest
from tools.bench import lighthouse, report

from book import project
from conftest import ROOT, build_env

pytestmark = [pytest.mark.browser, pytest.mark.bench]  # the download measurement runs Chromium

BUILD = [
    "online_ratio",
    "online_ratio_per_page",
    "full_ratio",
    "online_ratio_of_medians",
    "full_ratio_of_medians",
    "online_no_cache_ratio",
    "full_no_cache_ratio",
    "online_no_cache_ratio_of_medians",
    "full_no_cache_ratio_of_medians",
    "full_vs_online",
    "beside_gain",
    "online_site_bytes",
    "online_site_bytes_without_zip",
    "zip_bytes",
    "zip_vs_site",
    "baseline_site_bytes",
]
STEPS = ["baseline", "online", "full", "offline", "online_no_cache", "full_no_cache"]
CHARTS = [
    "full_with_s",
    "full_without_s",
    "step_s",
    "step_share",
]
SCALE_ROW = [
    "pages_per_language",
    "pages",
    "project_s",
    "baseline_s",
    "ratio",
    "project_ms_per_page",
    "baseline_ms_per_page",
    "project_peak_mb",
    "baseline_peak_mb",
]
KINDS = ["total", "html", "css", "js", "fonts", "data", "images", "other", "plotly", "requests"]


def numeric(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def missing(mapping: dict, keys: list[str], where: str) -> list[str]:
    return [f"{where}.{key}" for key in keys if not numeric(mapping.get(key))]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    command = [sys.executable, "-m", "tools.bench", "--quick", "--out", str(out)]
    # About a minute and a half on 2 cores: some twenty builds, a rebuild under serve, pages in Chromium.
    run = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=ROOT, timeout=480)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "TARGETS" in run.stdout, run.stdout
    stamped = [p for p in out.glob("bench-*.json")]
    assert len(stamped) == 1, "the run also keeps a timestamped copy"
    return json.loads((out / "bench.json").read_text(encoding="utf-8"))


def test_quick_bench_reports_every_figure(results):
    problems = []
    build = results["build"]
    problems += missing(build, BUILD, "build")
    for step in STEPS:
        problems += missing(build[step], ["median_s", "peak_mb"], f"build.{step}")
    problems += missing(results["charts"], CHARTS, "charts")
    assert results["scale"]["rows"], "no synthetic book was built"
    for row in results["scale"]["rows"]:
        problems += missing(row, SCALE_ROW, f"scale.{row.get('pages_per_language')}")
    problems += missing(results["rebuild"], ["median_s"], "rebuild")
    mechanisms = results["mechanisms"]
    problems += missing(mechanisms["nav_sections"], ["with_s", "without_s", "gain"], "mechanisms.nav_sections")
    problems += missing(mechanisms, ["beside"], "mechanisms")
    for part in ("templates", "charts", "assets"):
        problems += missing(mechanisms["caches"][part], ["kept_s", "emptied_s", "gain"], f"mechanisms.caches.{part}")
    downloads = results["downloads"]
    kinds = {page["kind"] for page in downloads["pages"]}
    assert {"chart"} < kinds, "the quick run measures a chart page and a page without charts"
    assert {page["lang"] for page in downloads["pages"]} == {"ja", "en"}
    for page in downloads["pages"]:
        phases = ["first_visit", "after_interaction"]
        phases += ["after_chart", "after_chart_interaction"] if page["kind"] == "chart" else []
        for site in ("book", "baseline"):
            for phase in phases:
                problems += missing(page[site][phase], KINDS, f"downloads./{page['path']}.{site}.{phase}")
        problems += missing(page, ["first_visit_ratio", "after_interaction_ratio"], f"downloads./{page['path']}")
    problems += missing(downloads, ["plotly_bytes_on_pages_without_charts"], "downloads")
    features = results["features"]
    assert features["rows"] and all(row["files"] or row["pages"] for row in features["rows"]), "no feature was weighed"
    for row in features["rows"]:
        problems += missing(row["files"], list(row["files"]), f"features.{row['name']}.files")
        problems += missing(row["pages"], list(row["pages"]), f"features.{row['name']}.pages")
    problems += missing(features["per_page"], list(features["per_page"]), "features.per_page")
    problems += missing(downloads["chart_vs_plain"], ["chart_before", "chart_after", "plain"], "downloads.chart_vs_plain")
    # Lighthouse and the editions are left to the full run: tests/browser/test_lighthouse.py scores with the same
    # module, and tests/browser/test_editions.py builds and checks the editions.
    assert "lighthouse" not in results and "editions" not in results
    names = {row["name"] for row in results["targets"]}
    assert len(names) >= 10, names
    # Growth needs two sizes, which --quick does not build; every other target has its figure.
    problems += [
        f"targets.{row['name']}"
        for row in results["targets"]
        if not numeric(row["value"]) and not row["name"].startswith("scale")
    ]
    assert not problems, "figures missing or not numbers:\n" + "\n".join(problems)


def test_quick_bench_measures_real_pages(results):
    chart = next(page for page in results["downloads"]["pages"] if page["kind"] == "chart")
    assert chart["book"]["after_chart"]["plotly"] == 0, "plotly loaded before the reader touched a chart"
    assert chart["book"]["after_chart_interaction"]["plotly"] > 0, "touching the chart never loaded plotly"
    charts = results["charts"]  # the chart step: the book built with its charts and without them
    assert charts["full_with_s"] > 0 and charts["full_without_s"] > 0 and charts["runs_with_s"] and charts["runs_without_s"]
    assert all(row["project_s"] > 0 and row["baseline_s"] > 0 for row in results["scale"]["rows"])
    # Both search designs answered the same terms of every kind; the book's found every one.
    assert set(results["search"]) == set(project.languages())
    for lang, row in results["search"].items():
        for design in ("theme", "book"):
            assert sum(kind["terms"] for kind in row[design]["kinds"].values()) == row["terms"] > 0, (lang, design)
        assert all(kind["found"] == kind["terms"] for kind in row["book"]["kinds"].values()), (lang, row["book"])


def test_the_full_runs_lighthouse_and_editions_are_judged_and_printed(results):
    """The two steps only the full run measures, given figures of the shape it writes: each is judged and printed."""
    full = json.loads(json.dumps(results))
    best = {category: 100 for category in lighthouse.CATEGORIES}
    book, baseline = ({"runs": [scores], "median": scores, "lost": []} for scores in (best | {"performance": 80}, best))
    full["lighthouse"] = [{"path": "/", "lang": "ja", "kind": "front", "book": book, "baseline": baseline}]
    pdf = {"lang": "ja", "kind": "pdf", "bytes": 7_000_000, "pages": 120}
    full["editions"] = {"seconds": 40.0, "files": {project.edition_name("ja", "pdf"): pdf}}
    full["targets"] = report.targets(full)
    met = {target["name"]: target["met"] for target in full["targets"]}
    assert met["Lighthouse /: performance, median"] is False  # 80, where the plain theme scores 100
    assert met["Lighthouse /: accessibility, worst run"] is True
    assert met["make editions: PDF and EPUB of both languages"] is True and met["PDF size, ja"] is False  # 7 MB > 6
    printed = report.table(full)
    assert "Lighthouse" in printed and "EDITIONS" in printed


def test_compare_prints_moved_figures(results):
    older = json.loads(json.dumps(results))
    older["build"]["online"]["median_s"] *= 2
    text = report.compare(older, results)
    assert "build.online.median_s" in text and "-50.0%" in text
