"""The preview a contributor works with: `make serve` starts whatever state the sources are in, shows a mistake in
the browser in place of the page, and shows the page again within seconds of the fix; it stops cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tools.serve import free_port

from conftest import ROOT, build_env, copy_book

ERROR_PAGE = "The book does not build"


def get(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, wanted: str, seconds: float) -> float:
    """Seconds until the page at `url` holds `wanted`; fails after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if wanted in get(url):
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {wanted!r} within {seconds} s; it shows:\n{get(url)[:2000]}")


@contextmanager
def preview(book: Path):
    """`mkdocs serve` of `book`, as `make serve` runs it, on a free port; yields the site's URL, then stops it."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--no-strict",
        "-f",
        str(book / "mkdocs.yml"),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, cwd=book, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}/book/"
    finally:
        server.send_signal(signal.SIGINT)
        output = server.communicate(timeout=30)[0]
        assert "Traceback" not in output, output


def test_a_contributors_session_shows_each_mistake_in_the_browser_and_each_fix_within_seconds(tmp_path):
    """One preview, as a contributor keeps it open: it starts with a mistake MkDocs warns of, then meets a mistake of
    the book's own and an edit to the citation file alone; the fixed page is back within seconds each time."""
    citation = tmp_path / "CITATION.cff"
    shutil.copy(ROOT / "CITATION.cff", citation)
    book = copy_book(tmp_path / "book", citation_file=str(citation))
    linking = book / "docs" / "en" / "part-1" / "1-2.md"
    linking_good = linking.read_text(encoding="utf-8")
    linking.write_text(linking_good + "\nSee [the missing page](1-9.md).\n", encoding="utf-8")
    counterpart = book / "docs" / "ja" / "part-1" / "1-2.md"  # so the two pages still pair, block by block
    counterpart_good = counterpart.read_text(encoding="utf-8")
    counterpart.write_text(counterpart_good + "\n[存在しないページ](1-9.md)を参照。\n", encoding="utf-8")
    page = book / "docs" / "ja" / "part-1" / "1-1.md"
    good = page.read_text(encoding="utf-8")
    with preview(book) as url:
        # It starts, and shows what MkDocs warns of.
        wait_for(url + "part-1/1-1/", ERROR_PAGE, 60)
        assert "1-9.md" in get(url)
        linking.write_text(linking_good, encoding="utf-8")
        counterpart.write_text(counterpart_good, encoding="utf-8")
        wait_for(url + "part-1/1-1/", "2つのモデル", 10)
        # A mistake of the book's own: every page says it, the other language's too, with the fix.
        page.write_text(good + "\n[[tbl:two-model]]を参照。\n", encoding="utf-8")
        line = len(good.splitlines()) + 2
        wait_for(url + "part-1/1-1/", ERROR_PAGE, 20)
        shown = get(url + "en/part-1/1-2/")
        assert f"docs/ja/part-1/1-1.md:{line}: reference [[tbl:two-model]] names no table of the book" in shown
        assert "did you mean [[tbl:two-models]]?" in shown
        page.write_text(good, encoding="utf-8")
        assert wait_for(url + "part-1/1-1/", "2つのモデル", 10) < 5, "the fixed page is back within seconds"
        assert ERROR_PAGE not in get(url + "en/part-1/1-2/")
        # The citation file, outside docs/, is watched and checked too.
        citation.write_text("cff-version: [\n", encoding="utf-8")
        wait_for(url + "about/", ERROR_PAGE, 20)
        assert "CITATION.cff" in get(url + "about/")
        shutil.copy(ROOT / "CITATION.cff", citation)
        wait_for(url + "about/", "book-cite-this", 10)


def test_make_serve_previews_the_book_and_stops_cleanly():
    port = free_port()
    server = subprocess.Popen(
        ["make", "-s", "serve", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/en/", '<html lang="en"', 120)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=30)[0]
    assert f"Serving on http://127.0.0.1:{port}/" in output
    assert "Traceback" not in output, output
