"""The make targets a contributor runs, as they behave: `make serve` previews quietly and fast."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request

from book import project
from book.site.serve import free_port
from conftest import ROOT

ZIP = f"build/{project.ZIP_NAME}"


def test_the_offline_zip_is_not_rebuilt_when_nothing_changed():
    subprocess.run(["make", "-s", ZIP], cwd=ROOT, check=True, capture_output=True)
    # `make -q` exits 0 only if the target is up to date: the phony set-up step must not make it stale.
    assert subprocess.run(["make", "-q", ZIP], cwd=ROOT).returncode == 0


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
        deadline, page = time.monotonic() + 120, None
        while time.monotonic() < deadline and page is None:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=5).read().decode()
            except OSError:
                time.sleep(0.5)
        assert page and '<html lang="en"' in page
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=30)[0]
    assert f"Serving on http://127.0.0.1:{port}/" in output
    assert "Traceback" not in output, output
