"""A built site served on a loopback port as its host publishes it: under site_url's path.

Used by the browser tests and the benchmark. Served anywhere else, Material's
instant navigation would silently turn every click into a full page load.
"""

from __future__ import annotations

import contextlib
import functools
import gzip as gzip_module
import http.server
import io
import mimetypes
import pathlib
import sys
import threading
import urllib.parse

# Bodies a static host (GitHub Pages, Netlify, ...) sends gzip-compressed.
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")
TEXT_TYPES = ("application/json", "application/javascript", "image/svg+xml")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the built site under ``prefix``; 404.html for anything else, as GitHub Pages does.

    Material's instant navigation follows only links it finds in sitemap.xml, matched
    on protocol, host, port and path; like `mkdocs serve`, the sitemap is therefore
    presented with this server's own origin in place of site_url's.
    """

    protocol_version = "HTTP/1.1"
    prefix = "/"
    published_origin = ""
    gzip = False

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        root = pathlib.Path(self.directory).resolve()
        if not path.startswith(self.prefix):
            return self._send(404, root / "404.html")
        target = (root / path[len(self.prefix):]).resolve()
        if root not in target.parents and target != root:
            return self._send(404, root / "404.html")
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
        if not target.is_file():
            return self._send(404, root / "404.html")
        return self._send(200, target)

    def _send(self, status: int, file: pathlib.Path):
        body = file.read_bytes() if file.is_file() else b"Not found"
        if file.name == "sitemap.xml" and self.published_origin:
            body = body.replace(self.published_origin.encode(), f"http://{self.headers.get('Host')}".encode())
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in TEXT_TYPES:
            content_type += "; charset=utf-8"
        compress = self.gzip and content_type.startswith(COMPRESSIBLE) and "gzip" in (self.headers.get("Accept-Encoding") or "")
        if compress:
            body = gzip_module.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """Browsers and Lighthouse close connections mid-request; that is not worth a traceback."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(site_dir: pathlib.Path, site_url: str | None, gzip: bool = False):
    """The built site on a free loopback port, under site_url's path; yields its address (ending in that path).

    gzip: compress text when the browser accepts it, as a static host does (the
    benchmark weighs what a reader downloads; the tests need not pay for it).
    """
    published = urllib.parse.urlsplit(site_url or "/")
    prefix = published.path or "/"
    settings = {
        "prefix": prefix,
        "published_origin": f"{published.scheme}://{published.netloc}" if published.netloc else "",
        "gzip": gzip,
    }
    handler = functools.partial(type("Handler", (_SiteHandler,), settings), directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
