"""The local static server the browser tests and benchmarks use: gzip for text, a 404 page, a mount path."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

from tools.serve import serve


def _get(url: str):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, response.read()


def test_text_is_gzipped_and_binaries_are_not(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "本" * 2000 + "</p>", encoding="utf-8")
    (tmp_path / "a.png").write_bytes(b"\x89PNG" + bytes(100))
    with serve(tmp_path) as url:
        status, headers, body = _get(url)
        assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/html; charset=utf-8"
        assert gzip.decompress(body).decode() == (tmp_path / "index.html").read_text(encoding="utf-8")
        status, headers, body = _get(url + "a.png")
        assert status == 200 and headers["Content-Encoding"] is None and body.startswith(b"\x89PNG")


def test_missing_pages_get_the_404_page_and_a_mount_path_is_honoured(tmp_path):
    (tmp_path / "index.html").write_text("home")
    (tmp_path / "404.html").write_text("not here")
    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "index.html").write_text("part")
    with serve(tmp_path, mount="/book/") as url:
        assert url.endswith("/book/")
        assert _get(url + "part/")[0] == 200
        status, _, body = _get(url + "nope/")
        assert status == 404 and gzip.decompress(body) == b"not here"
        assert _get(url.replace("/book/", "/"))[0] == 404
