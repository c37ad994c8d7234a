"""`make bench`'s figures judged against their targets, printed as one table, and compared with an earlier run."""

from __future__ import annotations

import statistics

from tools.bench.editions import BUDGET_MB, BUDGET_SECONDS
from tools.bench.lighthouse import CATEGORIES, performance_floor
from tools.bench.lighthouse import table as lighthouse_table

KB = 1000
# The synthetic book's size the largest one is held against: the book should add no more per page beyond it.
SCALE_REFERENCE = 50


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def ratio_growth(rows: list[dict], reference: int) -> float | None:
    """How much the book's build/baseline ratio grows from `reference` pages per language to the largest size.

    Both builds' times are positive, so the ratio is too: a book whose cost per page grows faster than the
    baseline's shows a growth above 1, whatever the sizes; None when the rows do not reach past `reference`.
    """
    by_size = {row["pages_per_language"]: row["project_s"] / row["baseline_s"] for row in rows}
    largest = max(by_size, default=None)
    if reference not in by_size or largest is None or largest <= reference:
        return None
    return by_size[largest] / by_size[reference]


# Targets


def _target(name: str, value: float | None, limit: float, unit: str, below: bool = False, at_least: bool = False) -> dict:
    met = None if value is None else (value >= limit if at_least else value < limit if below else value <= limit)
    comparison = ">=" if at_least else "<" if below else "<="
    return {"name": name, "value": value, "target": limit, "unit": unit, "met": met, "comparison": comparison}


def targets(results: dict) -> list[dict]:
    build, scale, downloads = results["build"], results["scale"], results["downloads"]
    rows = [
        _target("online build / baseline", build["online_ratio"], 1.2, "x"),
        _target("online build, empty cache (a fresh clone) / baseline", build["online_no_cache_ratio"], 1.2, "x"),
        _target("full build (offline edition + zip + online) / baseline", build["full_ratio"], 2.0, "x"),
        _target("full build, empty cache (a fresh clone) / baseline", build["full_no_cache_ratio"], 2.0, "x"),
        _target("synthetic book, largest size: book / baseline", scale["rows"][-1]["ratio"] if scale["rows"] else None, 1.2, "x"),
        _target(
            f"scale: book/baseline ratio at the largest size / at {SCALE_REFERENCE} pages", scale.get("ratio_growth"), 1.05, "x"
        ),
        _target("rebuild after an edit (mkdocs serve), median", results["rebuild"]["median_s"], 1.0, "s"),
    ]
    # Each mechanism kept for speed saves at least a tenth of the step it speeds up, or it goes.
    mechanisms = results.get("mechanisms")
    if mechanisms:
        saved = [("navigation sections rendered once: largest synthetic build", mechanisms["nav_sections"]["gain"])]
        saved.append(("offline edition beside the online site: make build", mechanisms["beside"]))
        saved += [(f"cache kept ({part}): online build", figures["gain"]) for part, figures in mechanisms["caches"].items()]
        rows += [_target(f"{name}, share saved", share, 0.1, "", at_least=True) for name, share in saved]
    plain = [p for p in downloads["pages"] if p["kind"] != "chart"]
    charts = [p for p in downloads["pages"] if p["kind"] == "chart"]
    worst = lambda pages, key: max((p[key] for p in pages), default=None)  # noqa: E731
    rows += [
        _target("page without charts, first visit / baseline (worst page)", worst(plain, "first_visit_ratio"), 1.10, "x"),
        _target(
            "page without charts, after first interaction / baseline (worst)", worst(plain, "after_interaction_ratio"), 1.10, "x"
        ),
        _target("chart page before scrolling / baseline (worst)", worst(charts, "first_visit_ratio"), 1.10, "x"),
        _target(
            "chart page after scrolling to the chart, total (worst)",
            max((p["book"]["after_chart"]["total"] / KB for p in charts), default=None),
            80,
            "KB",
        ),
        _target(
            "chart page after touching the chart (plotly), total (worst)",
            max((p["book"]["after_chart_interaction"]["total"] / KB for p in charts), default=None),
            450,
            "KB",
        ),
        _target("plotly bytes on pages without charts", downloads["plotly_bytes_on_pages_without_charts"], 0, "B"),
    ]
    for row in results.get("lighthouse", []):  # results written before Lighthouse was benched have none
        performance = row["book"]["median"]["performance"]
        name = f"Lighthouse {row['path']}: performance, median"
        rows.append(_target(name, performance, performance_floor(row), "", at_least=True))
        rows += [
            _target(
                f"Lighthouse {row['path']}: {category}, worst run",
                min(r[category] for r in row["book"]["runs"]),
                100,
                "",
                at_least=True,
            )
            for category in CATEGORIES[1:]
        ]
    for lang, row in results.get("search", {}).items():
        kinds = row["book"]["kinds"].values()
        terms = sum(k["terms"] for k in kinds)
        rows += [
            _target(
                f"search {lang}: terms whose page is not in the first 10",
                100 - 100 * sum(k["found"] for k in kinds) / terms,
                0,
                "%",
            ),
            _target(f"search {lang}: terms whose page is not first", 100 - 100 * sum(k["first"] for k in kinds) / terms, 5, "%"),
            _target(f"search {lang}: query time, median", row["book"]["query_ms_median"], 30, "ms"),
            _target(
                f"search {lang}: index gzipped / the plain theme's",
                row["index_gzip_bytes"] / row["baseline_index_gzip_bytes"],
                1.5,
                "x",
            ),
        ]
    if "editions" in results:  # results written before the editions existed have none
        editions = results["editions"]
        rows.append(_target("make editions: PDF and EPUB of both languages", editions["seconds"], BUDGET_SECONDS, "s"))
        rows += [
            _target(f"{f['kind'].upper()} size, {f['lang']}", f["bytes"] / 1e6, BUDGET_MB[f["kind"]], "MB")
            for f in editions["files"].values()
        ]
    return rows


# The printed table


def _s(value, unit="s", digits=2):
    return "—" if value is None else f"{value:.{digits}f} {unit}".rstrip()


def _kb(value):
    return "—" if value is None else f"{value / KB:.1f} KB"


def _x(value):
    return "—" if value is None else f"{value:.2f}x"


def _kinds(totals: dict) -> str:
    return " ".join(f"{k} {totals[k] / KB:.1f}" for k in ("html", "css", "js", "fonts", "data", "images", "other") if totals[k])


def table(results: dict) -> str:
    meta, build, charts, scale = results["meta"], results["build"], results["charts"], results["scale"]
    rebuild, downloads = results["rebuild"], results["downloads"]
    runs = meta["runs"]
    out = [
        f"make bench — {meta['started']} — commit {meta['commit']} — {meta['cpus']} CPUs"
        f"{' — QUICK (one run each: not for decisions)' if meta['quick'] else ''}",
        "",
    ]
    out.append(f"BUILD (median of {runs['build']} interleaved runs; baseline = plain Material + i18n, same docs;")
    out.append("       ratio = median of each round's book/baseline, ratio of the medians in brackets)")
    out.append(f"  {'':44} {'book':>9} {'baseline':>9} {'ratio':>7} {'':>9}  peak memory")
    for key, label in (
        ("online", "online build (mkdocs build --strict)"),
        ("online_no_cache", "  the same, empty cache"),
        ("full", "full build (make build: both editions)"),
        ("full_no_cache", "  the same, empty cache"),
    ):
        out.append(
            f"  {label:44} {_s(build[key]['median_s']):>9} {_s(build['baseline']['median_s']):>9} "
            f"{_x(build[key + '_ratio']):>7} ({_x(build[key + '_ratio_of_medians'])})  "
            f"{build[key]['peak_mb']:.0f} MB (baseline {build['baseline']['peak_mb']:.0f} MB)"
        )
    if "pages_built" in build:  # results written before pages were counted have none
        pages = build["pages_built"]
        out.append(
            f"  {'online build per page written':44} {_x(build['online_ratio_per_page']):>9}   (the book writes "
            f"{pages['book']} pages, the baseline {pages['baseline']}, from the same docs)"
        )
    out.append(f"  {'full build / online build':44} {_x(build['full_vs_online']):>9}   (what the offline edition adds)")
    out.append(
        f"  {'online site / offline zip':44} {build['online_site_bytes'] / 1e6:.2f} MB (without the zip "
        f"{build['online_site_bytes_without_zip'] / 1e6:.2f} MB) / {build['zip_bytes'] / 1e6:.2f} MB "
        f"= {build['zip_vs_site']:.0%} of the site without it"
    )
    out += [
        "",
        f"CHARTS (full build with an empty cache, median of {runs['charts']} each, of the book and of the book with its"
        " chart markers taken out)",
    ]
    out.append(
        f"  full build with charts {_s(charts['full_with_s'])}, without {_s(charts['full_without_s'])}: "
        f"step {_s(charts['step_s'])} ({charts['step_share']:.0%}; median of each round's difference)"
    )
    mechanisms = results.get("mechanisms")
    if mechanisms:
        nav = mechanisms["nav_sections"]
        out += ["", "SPEED MECHANISMS (each on and off, interleaved; saved = median of each round's 1 - on/off)"]
        out.append(
            f"  {'navigation sections rendered once (largest synthetic book)':62} on {_s(nav['with_s'])}, off {_s(nav['without_s'])}: "
            f"saves {nav['gain']:.0%}"
        )
        out.append(
            f"  {'offline edition made beside the online site (make build)':62} saves {mechanisms['beside']:.0%} of online + offline"
        )
        for part, saved in mechanisms["caches"].items():
            out.append(
                f"  {'cache kept: ' + part + ' (online build)':62} kept {_s(saved['kept_s'])}, emptied {_s(saved['emptied_s'])}: "
                f"saves {saved['gain']:.0%}"
            )
    out += ["", f"SCALE (synthetic book, median of {runs['scale']}; per page = time / pages of both languages)"]
    out.append(
        f"  {'pages/lang':>10} {'book':>9} {'baseline':>9} {'ratio':>6} {'book/page':>10} {'base/page':>10} "
        f"{'book MB':>8} {'base MB':>8}"
    )
    for row in scale["rows"]:
        out.append(
            f"  {row['pages_per_language']:>10} {_s(row['project_s']):>9} {_s(row['baseline_s']):>9} "
            f"{_x(row['ratio']):>6} {row['project_ms_per_page']:>7.1f} ms {row['baseline_ms_per_page']:>7.1f} ms "
            f"{row['project_peak_mb']:>8.0f} {row['baseline_peak_mb']:>8.0f}"
        )
    for step in scale["marginal"]:
        out.append(
            f"  marginal {step['from']}→{step['to']} pages/lang: book {step['project_ms_per_page']:.1f} ms/page, "
            f"baseline {step['baseline_ms_per_page']:.1f} ms/page, added by the book "
            f"{step['project_ms_per_page'] - step['baseline_ms_per_page']:.1f} ms/page"
        )
    out += [
        "",
        f"REBUILD (mkdocs serve, edit saved → page served with it): median {_s(rebuild['median_s'])} "
        f"of {', '.join(f'{t:.2f}' for t in rebuild['runs_s'])}",
    ]
    out += ["", f"DOWNLOADS (gzipped, first visit with an empty cache, viewport {downloads['viewport']}; KB by kind)"]
    for page in downloads["pages"]:
        name = f"/{page['path']} ({page['kind']})"
        phases = ["first_visit", "after_interaction"] + (
            ["after_chart", "after_chart_interaction"] if page["kind"] == "chart" else []
        )
        for phase in phases:
            book, base = page["book"][phase], page["baseline"][phase]
            out.append(
                f"  {name:28} {phase:18} book {_kb(book['total']):>9} / baseline {_kb(base['total']):>9} "
                f"= {_x(ratio(book['total'], base['total'])):>6}   book: {_kinds(book)}"
            )
            name = ""
        out.append(
            f"  {'':28} {'':18} baseline first visit: {_kinds(page['baseline']['first_visit'])}"
            f" ({page['baseline']['refused_other_hosts']} request(s) to other hosts refused, not counted)"
        )
    out.append(
        f"  charts: plotly on pages without charts {downloads['plotly_bytes_on_pages_without_charts']} B; chart page "
        f"{_kb(downloads['chart_vs_plain']['chart_before'])} before scrolling, {_kb(downloads['chart_vs_plain']['chart_after'])} "
        f"after, vs {_kb(downloads['chart_vs_plain']['plain'])} for a page without charts (same language, first visit)"
    )
    if "features" in results:
        figures = results["features"]
        out += [
            "",
            f"FEATURES (gzipped bytes each adds to a first visit: its files, then its markup on each page; budget "
            f"{figures['budget']} B a page)",
        ]
        for row in figures["rows"]:
            files = ", ".join(f"{path.rsplit('/', 1)[-1]} {size} B" for path, size in row["files"].items()) or "no file"
            markup = ", ".join(f"/{page.removesuffix('index.html')} {size} B" for page, size in row["pages"].items())
            out.append(f"  {row['name']:34} {files}; markup {markup}")
        together = ", ".join(f"/{page.removesuffix('index.html')} {size} B" for page, size in figures["per_page"].items())
        out.append(f"  {'all of them, by page':34} {together}")
    if results.get("lighthouse"):
        out += ["", lighthouse_table(results["lighthouse"])]
    if "search" in results:
        out += ["", "SEARCH (the same terms drawn from the pages, the same index; found = every page holding the term in the"]
        out.append("        first 10 results, first = a page holding it most comes first; query = 4-character Japanese terms,")
        out.append("        two-word English phrases, median of each run 5 times)")
        for lang, row in results["search"].items():
            out.append(
                f"  {lang}: {row['terms']} terms; index gzipped {_kb(row['index_gzip_bytes'])} "
                f"(plain theme's {_kb(row['baseline_index_gzip_bytes'])}); {row['timed_queries']} timed queries"
            )
            for design, label in (("theme", "theme's lunr worker, as before"), ("book", "the book's worker")):
                kinds = row[design]["kinds"]
                found = ", ".join(f"{k} {v['found']}/{v['terms']} found, {v['first']} first" for k, v in kinds.items())
                out.append(
                    f"    {label:32} {found}; query {row[design]['query_ms_median']:.1f} ms, "
                    f"index set-up {row[design]['setup_ms']:.0f} ms"
                )
    if "editions" in results:
        editions = results["editions"]
        out += [
            "",
            f"EDITIONS (make editions' PDF and EPUB step, both languages: {_s(editions['seconds'])}; the site build after it is the full build above)",
        ]
        for name, f in editions["files"].items():
            pages = f" {f['pages']} A5 pages" if f["pages"] else ""
            out.append(f"  {name:34} {f['bytes'] / 1e6:6.2f} MB{pages}")
    out += ["", "TARGETS"]
    for row in results["targets"]:
        status = "n/a" if row["met"] is None else "met" if row["met"] else "MISSED"
        value = "—" if row["value"] is None else f"{row['value']:.2f} {row['unit']}"
        out.append(f"  {row['name']:66} {value:>11}  {row['comparison']} {row['target']:g} {row['unit']:3} {status}")
    if results["notes"]:
        out += ["", "NOTES"] + [f"  - {note}" for note in results["notes"]]
    return "\n".join(out)


# Comparing two runs


def _flatten(value, prefix: str = "") -> dict[str, float]:
    flat = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("meta", "notes", "profiles") and not key.startswith("runs"):
                flat.update(_flatten(item, f"{prefix}{key}."))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            name = next(
                (str(item[k]) for k in ("name", "path", "pages_per_language") if isinstance(item, dict) and k in item), str(index)
            )
            flat.update(_flatten(item, f"{prefix}{name}."))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        flat[prefix.rstrip(".")] = float(value)
    return flat


def compare(old: dict, new: dict, threshold: float = 0.01) -> str:
    """Every figure that moved by more than `threshold` (relative) between two runs' JSON."""
    before, after = _flatten(old), _flatten(new)
    lines = [f"Compared with {old.get('meta', {}).get('started', '?')} (commit {old.get('meta', {}).get('commit', '?')}):"]
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        if a == b or (a and abs(b - a) / abs(a) < threshold):
            continue
        change = f"{(b - a) / abs(a):+.1%}" if a else "new"
        lines.append(f"  {key:80} {a:>12.3f} → {b:>12.3f}  ({change})")
    gone, added = sorted(before.keys() - after.keys()), sorted(after.keys() - before.keys())
    if gone or added:
        lines.append(f"  ({len(gone)} figure(s) only in the old run, {len(added)} only in the new one)")
    if len(lines) == 1:
        lines.append("  no figure moved by more than 1%")
    return "\n".join(lines)


# Notes on misses


def _own(profile: dict, count: int = 6) -> str:
    return "; ".join(
        f"{row['function']} {row['seconds']:.2f} s ({row['calls']} calls, {row['ms_per_call']:.1f} ms each)"
        for row in profile["own"][:count]
    )


def _package_differences(book: dict, base: dict, count: int = 6) -> str:
    names = book["packages"].keys() | base["packages"].keys()
    diffs = sorted(((book["packages"].get(n, 0) - base["packages"].get(n, 0), n) for n in names), reverse=True)
    return ", ".join(f"{name} {diff:+.2f} s" for diff, name in diffs[:count])


def _growing(small: dict, large: dict, count: int = 4) -> str:
    """The project's per-page functions whose time per call grows most from the small book to the large one.

    Functions called once per build (a scan of the whole book) grow with it by nature and are left out.
    """
    before = {row["function"]: row for row in small["own"] if row["calls"] >= 10}
    rows = [
        (row["ms_per_call"] / before[row["function"]]["ms_per_call"], row)
        for row in large["own"]
        if row["function"] in before and before[row["function"]]["ms_per_call"] > 0 and row["seconds"] >= 0.2
    ]
    rows.sort(key=lambda pair: -pair[0])
    return "; ".join(
        f"{row['function']} {before[row['function']]['ms_per_call']:.1f} → {row['ms_per_call']:.1f} ms per call "
        f"({row['calls']} calls)"
        for _, row in rows[:count]
    )


def notes(results: dict, profiles: dict) -> list[str]:
    """What the figures say where a target is missed, with the profiles taken for it."""
    build, scale, rebuild, downloads = results["build"], results["scale"], results["rebuild"], results["downloads"]
    missed = {row["name"] for row in results["targets"] if row["met"] is False}
    out = []
    if "online" in profiles:
        book, base = profiles["online"], profiles["baseline"]
        events = ", ".join(f"{name} {seconds:.2f}" for name, seconds in list(book["hook_events"].items())[:5])
        out.append(
            f"online build {build['online_ratio']:.2f}x the baseline ({build['online']['median_s']:.2f} s against "
            f"{build['baseline']['median_s']:.2f} s). Under cProfile {book['total_s']:.2f} s against {base['total_s']:.2f} s; "
            f"the hook's events take {sum(book['hook_events'].values()):.2f} s ({events}); own time by package, "
            f"largest differences from the baseline: {_package_differences(book, base)}; the project's costliest "
            f"functions: {_own(book)}."
        )
    if any(name.startswith("full build") for name in missed):
        out.append(
            f"full build {build['full_ratio']:.2f}x the baseline ({build['full_no_cache_ratio']:.2f}x with an empty chart "
            f"cache): the offline edition is a second complete build of both languages (then prune, reference check "
            f"and zip) in the same process as the online one, {build['full_vs_online']:.2f}x the online build alone."
        )
    if any("empty chart cache" in name for name in missed):
        out.append(
            f"with an empty chart cache the online build takes {build['online_no_cache']['median_s']:.2f} s against "
            f"{build['online']['median_s']:.2f} s: plotly is imported and draws every figure (see CHARTS); a later "
            f"build reads the figures from .cache/ and redraws only charts that changed."
        )
    if "largest" in profiles:
        low, high = scale["marginal"][0], scale["marginal"][-1]
        largest = scale["rows"][-1]["pages_per_language"]
        out.append(
            f"per-page cost grows with the book: marginal ms per page {low['project_ms_per_page']:.1f} → "
            f"{high['project_ms_per_page']:.1f} ({scale['project_marginal_growth']:.2f}x) against the baseline's "
            f"{low['baseline_ms_per_page']:.1f} → {high['baseline_ms_per_page']:.1f} ({scale['baseline_marginal_growth']:.2f}x; "
            f"Material renders the whole nav into every page); what the project adds per page goes "
            f"{low['project_ms_per_page'] - low['baseline_ms_per_page']:.1f} → "
            f"{high['project_ms_per_page'] - high['baseline_ms_per_page']:.1f} ms. Under cProfile, the project's "
            f"functions whose time per call grows most from the smallest to the {largest}-page book: "
            f"{_growing(profiles['smallest'], profiles['largest'])}. Costliest at {largest} pages: {_own(profiles['largest'], 8)}."
        )
    if rebuild["median_s"] is not None and rebuild["median_s"] >= 2.0:
        out.append(
            f"rebuild {rebuild['median_s']:.2f} s: mkdocs serve polls the docs every 0.5 s, waits 0.1 s, then rebuilds the "
            f"whole site, both languages (the i18n plugin); the online build alone takes {build['online']['median_s']:.2f} s here."
        )
    for page in downloads["pages"]:
        # The budgets: pages without charts at both moments, chart pages before scrolling, 80 KB once a chart is in
        # view (its drawing), 450 KB once the reader touches it (plotly.js).
        checks = [("first_visit", None)] + (
            [("after_chart", 80 * KB), ("after_chart_interaction", 450 * KB)]
            if page["kind"] == "chart"
            else [("after_interaction", None)]
        )
        for phase, limit in checks:
            book, base = page["book"][phase], page["baseline"][phase]
            if book["total"] <= (limit or 1.10 * base["total"]):
                continue
            extra = sorted(
                ((book[k] - base[k], k) for k in ("html", "css", "js", "fonts", "data", "images", "other")), reverse=True
            )
            what = ", ".join(f"{k} {d / KB:+.1f} KB" for d, k in extra if abs(d) >= 100)
            budget = f"the {limit / KB:.0f} KB budget" if limit else f"the baseline's {base['total'] / KB:.1f} KB"
            plotly = f"; plotly.js alone is {book['plotly'] / KB:.1f} KB of it" if book["plotly"] else ""
            out.append(
                f"/{page['path']} {phase.replace('_', ' ')}: {book['total'] / KB:.1f} KB against {budget} "
                f"(against the baseline: {what}){plotly}."
            )
    refused = max((p["baseline"]["refused_other_hosts"] for p in downloads["pages"]), default=0)
    if refused:
        out.append(
            "the baseline asks Google Fonts for Roboto (its default font settings); those requests were refused, so the "
            "baseline's bytes leave its web fonts out: the page-weight ratios err against the book."
        )
    return out
