"""The chart step, timed or turned off inside a build's own process, without touching the hook.

`make bench` puts a sitecustomize.py on PYTHONPATH that imports this module when BOOK_BENCH_CHARTS is set,
so every Python process of a build (the offline command and the mkdocs builds it starts) runs with it:

    BOOK_BENCH_CHARTS=time  each process appends {"render_s", "charts", "check_s", "draw_s"} as JSON lines to
                            BOOK_BENCH_PROBE_OUT (drawing and checks run in the build's forked process: see book.sidecar)
    BOOK_BENCH_CHARTS=off   charts are neither read, checked nor drawn: marked tables stay plain tables
"""

from __future__ import annotations

import atexit
import json
import os
import time

from book.charts import render

SITECUSTOMIZE = 'import os\nif os.environ.get("BOOK_BENCH_CHARTS"):\n    import book.bench.probe\n'
_totals = {"render_s": 0.0, "charts": 0, "pages": 0, "check_s": 0.0, "draw_s": 0.0}
_PROCESS = os.getpid()


def _timed_render(render):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        markdown, count = render(*args, **kwargs)
        _totals["render_s"] += time.perf_counter() - start
        _totals["charts"] += count
        _totals["pages"] += 1
        return markdown, count

    return wrapper


def _timed(key: str, work):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return work(*args, **kwargs)
        finally:
            seconds = time.perf_counter() - start
            _totals[key] += seconds
            if os.getpid() != _PROCESS:  # the build's forked process (book.sidecar) leaves without running atexit
                _append({key: seconds})

    return wrapper


def _write() -> None:
    if _totals["pages"]:
        _append(_totals)


def _append(totals: dict) -> None:
    out = os.environ.get("BOOK_BENCH_PROBE_OUT")
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(totals) + "\n")


def install(mode: str) -> None:
    if mode == "off":
        render.render_charts = lambda markdown, *args, **kwargs: (markdown, 0)
        render.check_book = lambda *args, **kwargs: []
        render.charts_of_book = lambda *args, **kwargs: {}
    elif mode == "time":
        render.render_charts = _timed_render(render.render_charts)
        render.check_book = _timed("check_s", render.check_book)
        render.plots_of_book = _timed("draw_s", render.plots_of_book)
        atexit.register(_write)


install(os.environ.get("BOOK_BENCH_CHARTS", ""))
