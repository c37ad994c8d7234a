"""Two search designs on the whole book, side by side in Chromium: the theme's lunr worker as the book used
it before (TinySegmenter for Japanese, stemming for English) and the book's own worker, which matches
terms as they stand in the text. Both answer the same messages, get the same index and the same terms.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from book import project
from book.project import CHROMIUM, CHROMIUM_ARGS
from book.site import search_index
from tools import search_terms
from tools.bench import report
from tools.serve import serve

# How the theme's worker was set up per language before (Material's language partials).
THEME_SETTINGS = {
    "ja": {"separator": "[\\s\\-\u3000、。，．]+", "pipeline": ["stemmer"]},
    "en": {"separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
}
PER_KIND = 40
REPEATS = 5  # each timed query runs this often: the median of all of them is reported

# Loads a worker, sends it the index, then each query; returns the result pages and each answer's time.
_RUN = """async ({worker, index, queries, repeats}) => {
  const w = new Worker(worker);
  const ask = message => new Promise(resolve => { w.onmessage = event => resolve(event.data); w.postMessage(message); });
  const started = performance.now();
  await ask({type: 0, data: index});
  const setup = performance.now() - started;
  const answers = [];
  for (const query of queries) {
    const times = [];
    let pages = [];
    for (let r = 0; r < repeats; r++) {
      const t = performance.now();
      const result = await ask({type: 2, data: query});
      times.push(performance.now() - t);
      pages = result.data.items.map(group => group[0].location.split("#")[0]);
    }
    answers.push({query, times, pages: [...new Set(pages)]});
  }
  w.terminate();
  return {setup, answers};
}"""


def _index(site: Path, lang: str) -> dict:
    """The language's whole index: the settings pages fetch, with the sections the worker fetches at a first query."""
    root = "" if lang == project.default_language() else f"{lang}/"
    stub = json.loads((site / root / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {"config": stub["config"], "docs": search_index.read_docs(site, root)}


def _baseline_index_bytes(baseline_site: Path, lang: str) -> int:
    """The plain theme's index of the same pages in one language, gzipped: what the book's index is held against."""
    combined = json.loads((baseline_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    part = search_index.split_by_language(combined, {l: {} for l in project.languages()}, project.default_language())[lang]
    return len(gzip.compress(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode(), 9))


def _score(terms: list[search_terms.Term], answers: list[dict]) -> dict:
    """Found (every page holding the term among the first ten) and first (a page holding it most comes first), per kind."""
    by_kind: dict[str, dict] = {}
    for term, answer in zip(terms, answers):
        row = by_kind.setdefault(term.kind, {"terms": 0, "found": 0, "first": 0})
        row["terms"] += 1
        row["found"] += set(term.pages) <= set(answer["pages"][:10])
        row["first"] += bool(answer["pages"]) and answer["pages"][0] in term.best
    return by_kind


def _timed(terms: list[search_terms.Term], lang: str) -> list[str]:
    """The budget's queries: four-character Japanese terms, two-word English phrases."""
    if lang == "ja":
        return [t.text for t in terms if len(t.text) == 4]
    return [t.text for t in terms if t.kind == "phrase"]


def measure(book_site: Path, baseline_site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    theme_worker = next((baseline_site / "assets/javascripts/workers").glob("search.*.min.js"))
    results = {}
    with serve(book_site) as book_url, serve(baseline_site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in project.languages():
            prefix = "" if lang == project.default_language() else f"{lang}/"
            others = tuple(f"{l}/" for l in project.languages() if l != lang) if not prefix else ()
            terms = search_terms.sample(search_terms.page_texts(book_site, prefix, others), lang, PER_KIND)
            timed = _timed(terms, lang)
            index = _index(book_site, lang)
            raw = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()
            row = {
                "terms": len(terms),
                "timed_queries": len(timed),
                "index_gzip_bytes": len(gzip.compress(raw, 9)),
                "baseline_index_gzip_bytes": _baseline_index_bytes(baseline_site, lang),
            }
            designs = {
                "theme": (base_url, theme_worker.relative_to(baseline_site).as_posix(), THEME_SETTINGS[lang]),
                "book": (book_url, search_index.WORKER, search_index.SETTINGS[lang]),
            }
            for name, (url, worker, settings) in designs.items():
                page = browser.new_page()
                page.goto(url)
                data = {**index, "config": {**index["config"], **settings}, "options": {"suggest": False}}
                run = page.evaluate(_RUN, {"worker": worker, "index": data, "queries": [t.text for t in terms], "repeats": 1})
                times = page.evaluate(_RUN, {"worker": worker, "index": data, "queries": timed, "repeats": REPEATS})
                page.close()
                row[name] = {
                    "kinds": _score(terms, run["answers"]),
                    "setup_ms": times["setup"],
                    "query_ms_median": report.median([t for a in times["answers"] for t in a["times"]]),
                }
            results[lang] = row
        browser.close()
    return results
