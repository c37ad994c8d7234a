"""Charts through MkDocs: the built pages carry their figures and load the chart code, and bad chart input stops a
build with its line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from book.parallel import pages as parallel_pages
from conftest import build_env, copy_book, marked_charts, mkdocs_build

CHART_PAGES = {url + "index.html": len(charts) for url, charts in marked_charts().items()}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_chart_pages_carry_figures_and_load_the_runtime(site, prefix):
    for path, count in CHART_PAGES.items():
        html = (site / prefix / path).read_text(encoding="utf-8")
        assert html.count('<figure class="book-chart"') == count
        depth = "../../" + ("../" if prefix else "")
        assert f'<script src="{depth}assets/javascripts/charts.js" data-plotly="{depth}assets/vendor/plotly.min.js"' in html
        assert ('data-plotly-locale="../../assets/vendor/plotly-locale-ja.js"' in html) == (prefix == "")


def test_other_pages_load_no_chart_code(site):
    for page in site.rglob("*.html"):
        relative = page.relative_to(site).as_posix().removeprefix("en/")
        relative = relative.removeprefix(f"{parallel_pages.FOLDER}/")  # a side-by-side page shows its pages' charts
        if relative not in CHART_PAGES:
            html = page.read_text(encoding="utf-8")
            assert "charts.js" not in html and "book-chart__data" not in html, relative


def test_the_locale_is_served_from_the_site(site):
    script = (site / "assets" / "vendor" / "plotly-locale-ja.js").read_text(encoding="utf-8")
    assert "window.Plotly.register(module.exports)" in script and "'Zoom': 'ズーム'" in script


def test_chart_data_cannot_close_its_script(site):
    html = (site / "part-1" / "1-1" / "index.html").read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" class="book-chart__data">(.*?)</script>', html).group(1)
    assert "<" not in data and ">" not in data


def test_figures_drawn_with_an_empty_cache_reach_their_pages_and_are_kept(tmp_path):
    """A fresh clone's build: plotly draws every figure, each page gets its figure's data, and the next build reads it."""
    book = copy_book(tmp_path / "book", cache_dir=str(tmp_path / "empty-cache"))
    result = mkdocs_build(tmp_path / "site", book / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    charts = marked_charts(docs=book / "docs")
    assert len(list((tmp_path / "empty-cache" / "charts").glob("figure-*.json"))) == 2 * sum(map(len, charts.values()))
    for prefix in ("", "en/"):
        for path, count in ((url + "index.html", len(found)) for url, found in charts.items()):
            html = (tmp_path / "site" / prefix / path).read_text(encoding="utf-8")
            payloads = re.findall(r'<script type="application/json" class="book-chart__data">(.*?)</script>', html)
            assert len(payloads) == count, path
            assert all(json.loads(payload)["data"] for payload in payloads), path


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


@pytest.fixture
def book_copy(tmp_path):
    """A copy of the book's sources to break; code and packages are linked, not copied."""
    return copy_book(tmp_path)


def break_a_value(book_copy) -> Path:
    """The Japanese page of section 1-1 with a value that is not a number; the page."""
    page = book_copy / "docs" / "ja" / "part-1" / "1-1.md"
    page.write_text(page.read_text(encoding="utf-8").replace("| 40B |", "| 40B点 |"), encoding="utf-8")
    return page


def test_a_bad_value_stops_the_strict_build_with_its_line(book_copy):
    page = break_a_value(book_copy)
    result = mkdocs_build(book_copy / "site", config=book_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert (
        f'docs/ja/part-1/1-1.md:{line_of(page, "40B点")}: value "40B点" in column "アクティブパラメータ" is not a number — '
        "write a number such as 39.45, 744B or 38.70%, or N/A for a missing value"
    ) in result.stderr


def test_languages_that_disagree_stop_the_build(book_copy):
    page = book_copy / "docs" / "en" / "part-1" / "1-1.md"
    page.write_text(page.read_text(encoding="utf-8").replace("| 744B |", "| 745B |"), encoding="utf-8")
    original = line_of(book_copy / "docs" / "ja" / "part-1" / "1-1.md", "| GLM-5 | 744B |")
    result = mkdocs_build(book_copy / "site", config=book_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert (
        f'docs/en/part-1/1-1.md:{line_of(page, "745B")}: chart "two-models": "745B" in row "GLM-5", column "Total parameters" '
        f'differs from "744B" in docs/ja/part-1/1-1.md:{original} (row "GLM-5", column "総パラメータ") — '
        "make both languages carry the same numbers"
    ) in result.stderr
    assert result.stderr.count("745B") == 1, "one mistake, one message"


def test_make_build_stops_with_the_message_once(book_copy):
    """`make build` builds both editions at once; the sources' problems are printed once, and nothing is published."""
    page = break_a_value(book_copy)
    site, zip_path = book_copy / "site", book_copy / "build" / "book.zip"
    command = [
        sys.executable,
        "-m",
        "book.commands.build",
        "--config",
        str(book_copy / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--zip",
        str(zip_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=build_env(), cwd=book_copy)
    assert result.returncode == 1
    message = f'docs/ja/part-1/1-1.md:{line_of(page, "40B点")}: value "40B点" in column "アクティブパラメータ" is not a number'
    assert result.stderr.count(message) == 1, result.stderr
    assert not zip_path.exists() and not site.exists()
