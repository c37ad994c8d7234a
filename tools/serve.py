"""A static file server that compresses text like a static host does, for browser tests and benchmarks.

    python -m tools.serve site/ [--port 8000]

In code: `with serve(Path("site")) as url: ...` binds 127.0.0.1 on a free port and stops on exit;
`serve(site, mount="/book/")` serves it below a path, as GitHub Pages serves a project site.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import mimetypes
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

# Types a static host (GitHub Pages, Netlify, nginx's defaults) sends gzip-compressed.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/javascript", ".mjs")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/manifest+json", ".webmanifest")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files with gzip for text types, a 404 page like GitHub Pages, and short cache lifetimes."""

    protocol_version = "HTTP/1.1"
    mount = "/"
    _gzip_cache: dict[tuple[str, float], bytes] = {}

    def translate_path(self, path):
        if not path.startswith(self.mount):
            return str(Path(self.directory) / ".outside-the-mount")  # no such file: a 404
        return super().translate_path("/" + path[len(self.mount) :])

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the parent class redirects to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._send_file(Path(self.directory) / "404.html", status=404)
        return self._send_file(path)

    def _send_file(self, path: Path, status: int = 200):
        if not path.is_file():
            self.send_error(404)
            return None
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = path.read_bytes()
        compress = ctype.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            key = (str(path), path.stat().st_mtime)
            if key not in self._gzip_cache:
                self._gzip_cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self._gzip_cache[key]
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that moves on before a response is sent is no error of the server's.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, mount: str = "/") -> Iterator[str]:
    """Serve `directory` at `mount` on 127.0.0.1 (a free port unless given); yields its base URL, ending in '/'."""
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
    handler = partial(type("Handler", (_Handler,), {"mount": mount}), directory=str(Path(directory).resolve()))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-serve", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def free_port() -> int:
    """A port that is free now on 127.0.0.1 (for builds that must know their URL before serving)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mount", default="/", help="the path to serve the site below, e.g. /book/")
    args = parser.parse_args(argv)
    if not (args.directory / "index.html").is_file():
        parser.error(f"{args.directory}: no index.html — build the site first (make build)")
    with serve(args.directory, args.port, args.mount) as url:
        print(f"Serving {args.directory} at {url} (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
