#!/usr/bin/env python3
"""Benchmark the site: build time, first-visit page weight and Lighthouse scores.

Run on demand, never by the test suite:

    .venv/bin/python benchmarks/run.py [--runs N] [--skip-lighthouse]

Writes artifacts/benchmark/report.json (plus one Lighthouse JSON per page under
artifacts/benchmark/lighthouse/), prints a short table, and exits 1 when a budget
of benchmarks/budgets.json is missed (2 when the benchmark itself could not run).
benchmarks/README.md explains every number.

Standard library only, plus what the project's venv already has (MkDocs, PyYAML,
Playwright, Beautiful Soup). Lighthouse comes from npm, pinned by
benchmarks/package-lock.json and installed with `npm ci` when missing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gzip
import http.server
import io
import json
import mimetypes
import os
import pathlib
import platform
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
from sitecheck.browser import CHROMIUM_ARGS, chromium_path

from sitecheck.data import search_terms as _search_terms  # data/search-terms.yml, added to the index by hooks/search_terms.py
OUT = ROOT / "artifacts" / "benchmark"
BUDGETS = BENCH / "budgets.json"
# Left out of the throwaway copy that `mkdocs serve` runs in: everything else is
# copied, so that whatever mkdocs.yml names (watch:, snippets, hooks) is there.
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "site", "artifacts", "node_modules", "__pycache__", ".pytest_cache", ".cache", "benchmarks")

# The same browser and flags as the browser tests (sitecheck/browser.py).
CHROMIUM = chromium_path() or "/usr/bin/chromium"
LIGHTHOUSE_CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# Bodies a static host (GitHub Pages, Netlify, ...) serves gzip-compressed.
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")

# The markdown extensions the pages need to render, and nothing else (bare build).
BARE_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    # Material styles only the alternate tab markup; without it tabs do not render.
    {"pymdownx.tabbed": {"alternate_style": True}},
    # pymdownx.snippets is added from the site's own settings (same auto_append).
]

# The hooks that write page content (the references and claims pages from data/):
# without them those pages render as a bare marker line. Paths relative to the repo.
BARE_CONTENT_HOOKS = ["hooks/references.py", "hooks/claims.py"]
# What those hooks read, relative to the mkdocs.yml that names them.
BARE_CONTENT_DATA = "data"


class BenchmarkError(Exception):
    """The benchmark itself could not run (not a missed budget)."""


# --- small helpers --------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def summary(values: list[float], digits: int = 3) -> dict:
    """min, median and max of a list of samples (all samples kept too)."""
    if not values:
        return {"n": 0, "min": None, "median": None, "max": None, "samples": []}
    return {
        "n": len(values),
        "min": round(min(values), digits),
        "median": round(statistics.median(values), digits),
        "max": round(max(values), digits),
        "samples": [round(value, digits) for value in values],
    }


def gz_size(body: bytes) -> int:
    """Size of the body as a static host would send it: gzip level 6."""
    return len(gzip.compress(body, compresslevel=6))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mkdocs_env() -> dict:
    # Material 9.8 prints an end-of-life banner about MkDocs 2 on every build.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}


class _AnyTagLoader:
    """A YAML SafeLoader that reads !!python/... and other tags as plain values."""

    @staticmethod
    def load(text: str):
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        def construct_any(loader, _suffix, node):
            if isinstance(node, yaml.ScalarNode):
                return loader.construct_scalar(node)
            if isinstance(node, yaml.SequenceNode):
                return loader.construct_sequence(node)
            return loader.construct_mapping(node)

        Loader.add_multi_constructor("", construct_any)
        return yaml.load(text, Loader=Loader)


def site_config() -> dict:
    return _AnyTagLoader.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def nav_pages(config: dict) -> list[str]:
    """Every page of the nav, in order, as docs/-relative Markdown paths."""
    pages: list[str] = []

    def walk(items):
        for item in items or []:
            if isinstance(item, str):
                pages.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, str):
                        pages.append(value)
                    else:
                        walk(value)

    walk(config.get("nav"))
    return [page for page in pages if page.endswith(".md") and "://" not in page]


def page_url_path(markdown_path: str) -> str:
    """docs/a/b.md -> 'a/b/'; docs/a/index.md -> 'a/'; docs/index.md -> '' (directory URLs)."""
    stem = markdown_path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def extension_options(config: dict, name: str) -> dict | None:
    for item in config.get("markdown_extensions") or []:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return dict(item[name] or {})
    return None


# --- 1. build time ---------------------------------------------------------------


def write_bare_config(config: dict, folder: pathlib.Path) -> pathlib.Path:
    """The same docs/ and nav with Material's defaults only (see README: "bare build")."""
    import yaml

    snippets = extension_options(config, "pymdownx.snippets") or {}
    base_paths = snippets.get("base_path", ["."])
    if isinstance(base_paths, str):
        base_paths = [base_paths]
    snippets["base_path"] = [str((ROOT / path).resolve()) for path in base_paths]
    bare = {
        "site_name": config["site_name"],
        # Same site_url, so the bare site is served under the same path as the real one.
        "site_url": config.get("site_url"),
        "docs_dir": str((ROOT / config.get("docs_dir", "docs")).resolve()),
        # font: false is the one change to Material's defaults: the default font
        # setting loads Roboto from Google Fonts, a third-party request that cannot
        # even be made on a machine without internet, and one the site does not pay.
        "theme": {"name": "material", "font": False},
        "markdown_extensions": [*BARE_EXTENSIONS, {"pymdownx.snippets": snippets}],
        "hooks": [str((ROOT / hook).resolve()) for hook in BARE_CONTENT_HOOKS],
        "nav": config["nav"],
    }
    folder.mkdir(parents=True, exist_ok=True)
    # The content hooks read data/ next to the mkdocs.yml that names them.
    shutil.copytree(ROOT / BARE_CONTENT_DATA, folder / BARE_CONTENT_DATA, dirs_exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(
        "# Written by benchmarks/run.py: Material's defaults, the site's docs/ and nav.\n"
        + yaml.safe_dump(bare, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


def timed_build(config_file: pathlib.Path, site_dir: pathlib.Path, strict: bool = True) -> float:
    """One full `mkdocs build --strict` (never -q: it hides warnings), wall seconds."""
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--clean",
               "--config-file", str(config_file), "--site-dir", str(site_dir)]
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-10:])
        raise BenchmarkError(f"`{' '.join(command)}` failed:\n{tail}")
    return elapsed


def measure_builds(runs: int, work: pathlib.Path, config: dict) -> dict:
    bare_config = write_bare_config(config, work / "bare")
    full_site, bare_site = work / "site-full", work / "site-bare"
    log("build: one unmeasured warm-up build of each (file cache, .pyc)")
    timed_build(ROOT / "mkdocs.yml", full_site)
    timed_build(bare_config, bare_site)
    full, bare = [], []
    for run in range(runs):  # alternate, so drifting machine load hits both alike
        full.append(timed_build(ROOT / "mkdocs.yml", full_site))
        bare.append(timed_build(bare_config, bare_site))
        log(f"build {run + 1}/{runs}: full {full[-1]:.2f} s, bare {bare[-1]:.2f} s")
    ratio = statistics.median(full) / statistics.median(bare)
    return {
        "full_seconds": summary(full),
        "bare_seconds": summary(bare),
        "ratio_of_medians": round(ratio, 3),
        "bare_config": bare_config.read_text(encoding="utf-8"),
        "_sites": (full_site, bare_site),
    }


# --- 1c. what each of issue 7's features costs (--feature-costs) ---------------------


def measure_feature_costs(runs: int, work: pathlib.Path, config: dict) -> dict:
    """Build time and weight of the site with and without each feature (benchmarks/features.py)."""
    import features

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [page_url_path(page) for page in nav_pages(config)]
    prefix = urllib.parse.urlsplit(config.get("site_url") or "/").path or "/"
    # Not strict: a feature switched off may leave a link to what it made (the feed).
    configs = {"site": ROOT / "mkdocs.yml"}
    written = []
    try:
        for number, feature in enumerate(features.FEATURES):
            if feature.config_off:
                path = ROOT / f"mkdocs.benchmark-feature-{number}.yml"
                path.write_text(features.config_without(text, feature), encoding="utf-8")
                written.append(path)
                configs[number] = path
        times: dict = {key: [] for key in configs}
        for key, path in configs.items():  # warm-up
            timed_build(path, work / f"feature-site-{key}", strict=False)
        for run in range(runs):
            for key, path in configs.items():
                times[key].append(timed_build(path, work / f"feature-site-{key}", strict=False))
            log(f"feature costs: build round {run + 1}/{runs} done")
    finally:
        for path in written:
            path.unlink(missing_ok=True)

    def weights(key):
        return features.static_weights(work / f"feature-site-{key}", pages, prefix, referenced_assets, local_file, gz_size)

    site = weights("site")
    rows = []
    for number, feature in enumerate(features.FEATURES):
        row = {"item": feature.item, "feature": feature.name, "note": feature.note}
        if number in configs:
            without = weights(number)
            row["build_seconds"] = round(statistics.median(times["site"]) - statistics.median(times[number]), 3)
            row["page_gzip_bytes"] = round(site["median_page_gzip_bytes"] - without["median_page_gzip_bytes"])
            row["requests"] = site["median_requests"] - without["median_requests"]
            row["search_index_gzip_bytes"] = site["search_index_gzip_bytes"] - without["search_index_gzip_bytes"]
        if feature.selectors:
            row["page_gzip_bytes"] = features.html_share(work / "feature-site-site", pages, feature.selectors, gz_size)
            row["measured_in_html"] = True
        rows.append(row)
    return {"site_build_seconds": summary(times["site"]), "site": site, "features": rows}


# --- 1b. mkdocs serve rebuild -----------------------------------------------------


def measure_serve_rebuild(edits: int, work: pathlib.Path, config: dict, page: str, dirty: bool = False) -> dict:
    """Time from a one-line edit to the rebuilt page, in a throwaway copy of the project.

    dirty: `mkdocs serve --dirty`, as `make preview` runs it (only changed pages rebuilt).
    """
    copy = work / ("preview-copy" if dirty else "serve-copy")
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
    prefix = urllib.parse.urlsplit(config.get("site_url") or "/").path or "/"
    port = free_port()
    page_url = f"http://127.0.0.1:{port}{prefix}{page_url_path(page)}"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", *(["--dirty"] if dirty else []),
               "--dev-addr", f"127.0.0.1:{port}"]
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    server = subprocess.Popen(command, cwd=copy, env=mkdocs_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, bufsize=1)

    def read_output():
        for line in server.stdout:
            lines.put((time.perf_counter(), line.rstrip("\n")))

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    transcript: list[str] = []

    def wait_for(pattern: str, since: float, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                stamp, line = lines.get(timeout=0.05)
            except queue.Empty:
                if server.poll() is not None:
                    raise BenchmarkError("mkdocs serve stopped:\n" + "\n".join(transcript[-10:]))
                continue
            transcript.append(line)
            if stamp >= since and re.search(pattern, line):
                return stamp
        raise BenchmarkError(f"mkdocs serve never logged {pattern!r} within {timeout} s:\n" + "\n".join(transcript[-10:]))

    def fetch(url: str) -> str:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")

    log_times, page_times = [], []
    try:
        wait_for(r"Serving on ", 0, 120)
        fetch(page_url)  # ready: the first build is served
        source = copy / config.get("docs_dir", "docs") / page
        for edit in range(edits):
            time.sleep(1.5)  # let the polling observer settle between edits
            marker = f"benchmarkedit{uuid.uuid4().hex}"
            with source.open("a", encoding="utf-8") as handle:
                handle.write(f"\n{marker}\n")
            start = time.perf_counter()
            # Two clocks, read side by side: the server's log, and the page it serves.
            detected = done = shown = None
            deadline = time.monotonic() + 120
            while done is None or shown is None:
                if time.monotonic() > deadline:
                    raise BenchmarkError(f"no rebuild of {page_url} within 120 s:\n" + "\n".join(transcript[-10:]))
                if server.poll() is not None:
                    raise BenchmarkError("mkdocs serve stopped:\n" + "\n".join(transcript[-10:]))
                while not lines.empty():
                    stamp, line = lines.get()
                    transcript.append(line)
                    if stamp < start:
                        continue
                    if "Detected file changes" in line:
                        detected = stamp
                    elif "Reloading browsers" in line and detected is not None and done is None:
                        done = stamp
                if shown is None:
                    with contextlib.suppress(OSError):
                        if marker in fetch(page_url):
                            shown = time.perf_counter()
                time.sleep(0.02)
            log_times.append(done - start)
            page_times.append(shown - start)
            log(f"{'preview' if dirty else 'serve'} rebuild {edit + 1}/{edits}: logged done after {log_times[-1]:.2f} s, "
                f"page showed the edit after {page_times[-1]:.2f} s")
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)  # mkdocs serve shuts down cleanly on Ctrl-C
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        reader.join(timeout=5)
    return {
        "command": " ".join(command[2:]),
        "page_edited": f"docs/{page}",
        "until_log_reports_rebuild_seconds": summary(log_times),
        "until_page_shows_edit_seconds": summary(page_times),
    }


# --- a static host for the built sites --------------------------------------------


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves a built site under site_url's path, gzip-compressed as a static host does.

    Material's instant navigation follows only links it finds in sitemap.xml, matched
    on protocol, host, port and path; like `mkdocs serve`, the sitemap is therefore
    presented with this server's own origin in place of site_url's.
    """

    protocol_version = "HTTP/1.1"
    prefix = "/"
    published_origin = ""

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
        if content_type.startswith("text/") or content_type in ("application/json", "application/javascript", "image/svg+xml"):
            content_type += "; charset=utf-8"
        compress = content_type.startswith(COMPRESSIBLE) and "gzip" in (self.headers.get("Accept-Encoding") or "")
        if compress:
            body = gzip.compress(body, compresslevel=6)
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


class QuietServer(http.server.ThreadingHTTPServer):
    """Lighthouse and Chromium close connections mid-request; that is not worth a traceback."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(site_dir: pathlib.Path, site_url: str | None):
    """The built site on a free loopback port; yields its base URL (ending in the prefix)."""
    published = urllib.parse.urlsplit(site_url or "/")
    prefix = published.path or "/"
    settings = {
        "prefix": prefix,
        "published_origin": f"{published.scheme}://{published.netloc}" if published.netloc else "",
    }
    handler = functools.partial(type("Host", (StaticHost,), settings), directory=str(site_dir))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# --- 2. page weight -----------------------------------------------------------------


def referenced_assets(html: str, page_url: str) -> list[str]:
    """Everything the HTML itself tells a browser to fetch on a first visit."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    urls = []
    wanted_rel = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}
    for link in soup.find_all("link", href=True):
        if wanted_rel & {rel.lower() for rel in link.get("rel", [])}:
            urls.append(link["href"])
    urls += [script["src"] for script in soup.find_all("script", src=True)]
    urls += [image["src"] for image in soup.find_all("img", src=True)]
    # Material's search: its worker, which fetches the index, starts on every load.
    config_tag = soup.find("script", id="__config")
    if config_tag and config_tag.string:
        material = json.loads(config_tag.string)
        if material.get("search"):
            urls.append(material["search"])
            urls.append(material.get("base", ".").rstrip("/") + "/search/search_index.json")
    return [urllib.parse.urljoin(page_url, url) for url in urls if not url.startswith(("data:", "blob:"))]


def local_file(url: str, base_url: str, site_dir: pathlib.Path) -> pathlib.Path | None:
    if not url.startswith(base_url):
        return None
    relative = urllib.parse.unquote(urllib.parse.urlsplit(url).path)[len(urllib.parse.urlsplit(base_url).path):]
    path = site_dir / relative
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def first_visit(browser, base_url: str, site_dir: pathlib.Path, url_path: str) -> dict:
    """Load one page in a fresh context (empty cache, no storage); weigh what it fetched."""
    url = base_url + url_path
    origin = "/".join(base_url.split("/")[:3])
    context = browser.new_context()
    requests: list = []
    context.on("request", lambda request: requests.append(request))
    page = context.new_page()
    try:
        page.goto(url, wait_until="load", timeout=30_000)
        with contextlib.suppress(Exception):
            page.wait_for_load_state("networkidle", timeout=15_000)
        html = page.evaluate("document.documentElement.outerHTML")
        resources: dict[str, dict] = {}
        for request in requests:
            if request.url.startswith(("data:", "blob:")) or request.url in resources:
                continue
            body = None
            with contextlib.suppress(Exception):
                response = request.response()
                if response is not None and 200 <= response.status < 300:
                    body = response.body()
            if body is None:
                file = local_file(request.url, base_url, site_dir)
                body = file.read_bytes() if file else b""
            resources[request.url] = {"type": request.resource_type, "source": "browser", "body": body}
        # Assets the HTML names but Chromium did not fetch (headless skips the favicon).
        served_html = (local_file(url, base_url, site_dir) or pathlib.Path("/nonexistent"))
        static_html = served_html.read_text(encoding="utf-8") if served_html.is_file() else html
        for asset in referenced_assets(static_html, url):
            if asset in resources:
                continue
            file = local_file(asset, base_url, site_dir)
            resources[asset] = {"type": "referenced", "source": "html", "body": file.read_bytes() if file else b""}
    finally:
        context.close()
    rows = []
    for resource_url, resource in resources.items():
        body = resource.pop("body")
        rows.append({
            "url": resource_url,
            **resource,
            "third_party": not resource_url.startswith(origin + "/"),
            "raw_bytes": len(body),
            "gzip_bytes": gz_size(body) if body else 0,
        })
    return {
        "page": url_path or "/",
        "requests": len(rows),
        "raw_bytes": sum(row["raw_bytes"] for row in rows),
        "gzip_bytes": sum(row["gzip_bytes"] for row in rows),
        "third_party_requests": [row["url"] for row in rows if row["third_party"]],
        "resources": rows,
    }


def search_index_weight(body: bytes) -> dict:
    """Size of the built search index, and of the same index without the terms of data/search-terms.yml."""
    if not body:
        return {"raw_bytes": 0, "gzip_bytes": 0, "without_search_terms_gzip_bytes": 0, "search_terms_growth_ratio": None}
    index = json.loads(body)
    for doc in index["docs"]:
        doc["title"], doc["text"] = _search_terms.unmarked(doc["title"]), _search_terms.unmarked(doc["text"])
    # Written as hooks/search_terms.py writes the index, so that only the added terms differ.
    without = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return {
        "raw_bytes": len(body),
        "gzip_bytes": gz_size(body),
        "without_search_terms_gzip_bytes": gz_size(without),
        "search_terms_growth_ratio": round(gz_size(body) / gz_size(without), 3),
    }


def measure_page_weight(sites: dict[str, pathlib.Path], config: dict) -> dict:
    from playwright.sync_api import sync_playwright

    pages = [page_url_path(page) for page in nav_pages(config)]
    results: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, site_dir in sites.items():
                with serve_site(site_dir, config.get("site_url")) as base_url:
                    results[name] = []
                    for url_path in pages:
                        results[name].append(first_visit(browser, base_url, site_dir, url_path))
                log(f"page weight: {name} build, {len(pages)} pages loaded")
        finally:
            browser.close()

    def overview(rows: list[dict]) -> dict:
        largest = max(rows, key=lambda row: row["gzip_bytes"])
        return {
            "largest_page": {"page": largest["page"], "gzip_bytes": largest["gzip_bytes"], "raw_bytes": largest["raw_bytes"]},
            "median_page_gzip_bytes": statistics.median(row["gzip_bytes"] for row in rows),
            "gzip_bytes": summary([row["gzip_bytes"] for row in rows], 0),
            "requests": summary([row["requests"] for row in rows], 0),
            "third_party_requests": sum(len(row["third_party_requests"]) for row in rows),
        }

    comparison = []
    bare_by_page = {row["page"]: row for row in results.get("bare", [])}
    for row in results["full"]:
        bare = bare_by_page.get(row["page"])
        comparison.append({
            "page": row["page"],
            "full_gzip_bytes": row["gzip_bytes"],
            "bare_gzip_bytes": bare["gzip_bytes"] if bare else None,
            "ratio": round(row["gzip_bytes"] / bare["gzip_bytes"], 3) if bare else None,
            "full_requests": row["requests"],
            "bare_requests": bare["requests"] if bare else None,
        })
    index = sites["full"] / "search" / "search_index.json"
    index_body = index.read_bytes() if index.is_file() else b""
    return {
        "full": overview(results["full"]),
        "bare": overview(results["bare"]) if "bare" in results else None,
        "per_page": comparison,
        "search_index": search_index_weight(index_body),
        "pages": results,
    }


# --- 3. Lighthouse ----------------------------------------------------------------------


def lighthouse_bin() -> pathlib.Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            raise BenchmarkError("npm is needed for Lighthouse (or pass --skip-lighthouse)")
        log("lighthouse: node_modules missing, running `npm ci` in benchmarks/")
        completed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH,
                                   capture_output=True, text=True)
        if completed.returncode != 0 or not binary.exists():
            raise BenchmarkError("`npm ci` in benchmarks/ failed:\n" + completed.stderr[-2000:])
    return binary


def failing_audits(lhr: dict, category: str) -> list[dict]:
    """The audits that cost the category points (weight > 0, score below 1)."""
    found = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"].get(ref["id"], {})
        if ref.get("weight", 0) <= 0 or audit.get("score") is None or audit["score"] >= 1:
            continue
        items = (audit.get("details") or {}).get("items") or []
        examples = []
        for item in items[:3]:
            node = item.get("node") if isinstance(item, dict) else None
            if node:
                examples.append(node.get("selector") or node.get("snippet"))
            elif isinstance(item, dict) and item.get("url"):
                examples.append(item["url"])
            elif isinstance(item, dict) and item.get("source"):
                examples.append(str(item["source"]))
        found.append({
            "id": ref["id"],
            "title": audit.get("title"),
            "score": audit["score"],
            "weight": ref["weight"],
            "display_value": audit.get("displayValue"),
            "examples": [example for example in examples if example],
        })
    return found


def median_or_none(values):
    values = list(values)
    return None if any(value is None for value in values) else statistics.median(values)


def max_or_none(values):
    values = list(values)
    return None if any(value is None for value in values) else max(values)


def number(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def performance_diagnostics(lhr: dict) -> dict:
    """Where the main-thread time went: what explains TBT (and with it a lower score)."""
    audits = lhr["audits"]

    def items(audit_id):
        return ((audits.get(audit_id) or {}).get("details") or {}).get("items") or []

    return {
        "long_tasks": [{"url": item.get("url"), "start_ms": round(item.get("startTime", 0)), "ms": round(item.get("duration", 0))}
                       for item in items("long-tasks")[:5]],
        "bootup_ms": [{"url": item.get("url"), "total": round(item.get("total", 0)), "scripting": round(item.get("scripting", 0))}
                      for item in items("bootup-time")[:3]],
        "main_thread_ms": {item.get("group"): round(item.get("duration", 0)) for item in items("mainthread-work-breakdown")},
        "dom_elements": next((item["value"]["value"] for item in items("dom-size")
                              if item.get("statistic") == "Total DOM Elements"), None),
        "benchmark_index": lhr.get("environment", {}).get("benchmarkIndex"),
    }


def run_lighthouse_once(binary: pathlib.Path, url: str, output: pathlib.Path) -> dict:
    command = [
        str(binary), url,
        "--output=json", f"--output-path={output}",
        f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={' '.join(LIGHTHOUSE_CHROME_FLAGS)}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--quiet", "--no-enable-error-reporting",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0 or not output.is_file():
        raise BenchmarkError(f"lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def measure_lighthouse(site_dir: pathlib.Path, config: dict, runs: int, label: str = "site") -> dict:
    binary = lighthouse_bin()
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    folder = OUT / "lighthouse" / label
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pages = [page_url_path(page) for page in nav_pages(config)]
    per_page = []
    with serve_site(site_dir, config.get("site_url")) as base_url:
        origin = "/".join(base_url.split("/")[:3])
        for url_path in pages:
            samples = []
            for run in range(runs):
                slug = (url_path.strip("/").replace("/", "--") or "home") + (f"-{run + 1}" if runs > 1 else "")
                # Headless Chromium now and then reports no paint at all (NO_FCP) and
                # Lighthouse then has no performance score: such a run is retried.
                retries = []
                for attempt in range(3):
                    lhr = run_lighthouse_once(binary, base_url + url_path, folder / f"{slug}.json")
                    if lhr.get("runtimeError"):
                        raise BenchmarkError(f"lighthouse on {url_path or '/'}: {lhr['runtimeError']}")
                    if lhr["categories"]["performance"]["score"] is not None:
                        break
                    reason = lhr["audits"]["first-contentful-paint"].get("errorMessage") or "no performance score"
                    retries.append(reason)
                    log(f"lighthouse ({label}) {url_path or '/'}: {reason}; retrying")
                audits = lhr["audits"]
                requests = (audits.get("network-requests", {}).get("details") or {}).get("items") or []
                samples.append({
                    "file": str((folder / f"{slug}.json").relative_to(ROOT)),
                    "scores": {name: round((lhr["categories"][name]["score"] or 0) * 100) for name in LIGHTHOUSE_CATEGORIES},
                    "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
                    "tbt_ms": audits["total-blocking-time"].get("numericValue"),
                    "cls": audits["cumulative-layout-shift"].get("numericValue"),
                    "fcp_ms": audits["first-contentful-paint"].get("numericValue"),
                    "third_party_requests": [item["url"] for item in requests
                                             if not item["url"].startswith((origin + "/", "data:", "blob:"))],
                    "failing": {name: failing_audits(lhr, name) for name in LIGHTHOUSE_CATEGORIES},
                    "diagnostics": performance_diagnostics(lhr),
                    # Audits Lighthouse could not compute (none of them is weighted in a score).
                    "errored_audits": sorted(key for key, audit in audits.items() if audit.get("scoreDisplayMode") == "error"),
                    "warnings": lhr.get("runWarnings", []),
                    "retried_after": retries,
                })
            median_scores = {name: statistics.median(sample["scores"][name] for sample in samples)
                             for name in LIGHTHOUSE_CATEGORIES}
            row = {
                "page": url_path or "/",
                "scores": median_scores,
                "score_range": {name: [min(s["scores"][name] for s in samples), max(s["scores"][name] for s in samples)]
                                for name in LIGHTHOUSE_CATEGORIES},
                "lcp_ms": median_or_none(s["lcp_ms"] for s in samples),
                "tbt_ms": median_or_none(s["tbt_ms"] for s in samples),
                "cls": median_or_none(s["cls"] for s in samples),
                "third_party_requests": sorted({url for s in samples for url in s["third_party_requests"]}),
                # Audits that failed in any run of this page.
                "failing": {name: sorted({(a["id"], a["title"]) for s in samples for a in s["failing"][name]})
                            for name in LIGHTHOUSE_CATEGORIES},
                "runs": samples,
            }
            row["failing"] = {name: [{"id": i, "title": t} for i, t in audits_] for name, audits_ in row["failing"].items()}
            per_page.append(row)
            log(f"lighthouse ({label}) " + row["page"] + ": " + " ".join(f"{n[:4]} {row['scores'][n]:g}" for n in LIGHTHOUSE_CATEGORIES)
                + f"  LCP {number(row['lcp_ms'])} ms TBT {number(row['tbt_ms'])} ms CLS {number(row['cls'], 3)}")
    return {
        "label": label,
        "version": version,
        "form_factor": "mobile (Lighthouse default, simulated throttling)",
        "runs_per_page": runs,
        "min_scores": {name: min(row["scores"][name] for row in per_page) for name in LIGHTHOUSE_CATEGORIES},
        # A page whose metric could not be measured counts as the worst (None).
        "max_lcp_ms": max_or_none(row["lcp_ms"] for row in per_page),
        "max_tbt_ms": max_or_none(row["tbt_ms"] for row in per_page),
        "max_cls": max_or_none(row["cls"] for row in per_page),
        "third_party_requests": sum(len(row["third_party_requests"]) for row in per_page),
        "pages": per_page,
    }


# --- budgets, report and table -------------------------------------------------------------


def check_budgets(budgets: dict, report: dict) -> list[dict]:
    results = []

    def add(name, limit, value, passed, detail=""):
        results.append({"budget": name, "limit": limit, "value": value,
                        "status": "skipped" if passed is None else ("pass" if passed else "FAIL"), "detail": detail})

    build = report["build"]
    limit = budgets["build"]["max_ratio_full_to_bare_median"]
    add("full build <= %.2g x bare build (median)" % limit, limit, build["ratio_of_medians"],
        build["ratio_of_medians"] <= limit,
        f"full {build['full_seconds']['median']} s, bare {build['bare_seconds']['median']} s")

    preview = report.get("preview_rebuild")
    limit = budgets["preview"]["max_median_seconds"]
    seconds = preview["until_page_shows_edit_seconds"]["median"] if preview else None
    add(f"make preview shows an edit within {limit:g} s (median)", limit, seconds,
        None if preview is None else seconds <= limit,
        "" if preview is None else f"make serve (full rebuild): {report['serve_rebuild']['until_page_shows_edit_seconds']['median']} s")

    weight = report["page_weight"]
    limit = budgets["page_weight"]["max_ratio_to_bare_same_page"]
    over = [row for row in weight["per_page"] if row["ratio"] is None or row["ratio"] > limit]
    worst = max(weight["per_page"], key=lambda row: row["ratio"] or 0)
    add("first-visit weight of every page <= %.2g x bare page" % limit, limit, worst["ratio"], not over,
        "; ".join(f"{row['page']} {row['ratio']}x ({row['full_gzip_bytes']} vs {row['bare_gzip_bytes']} B)" for row in over)
        or f"worst {worst['page']} {worst['ratio']}x")

    limit = budgets["page_weight"]["median_page_gzip_bytes_below"]
    median = weight["full"]["median_page_gzip_bytes"]
    add(f"median page < {limit / 1000:g} kB gzip", limit, median, median < limit)

    limit = budgets["search_terms"]["max_index_growth_ratio"]
    growth = weight["search_index"]["search_terms_growth_ratio"]
    add("search terms grow the search index by <= %.0f%% (gzip)" % ((limit - 1) * 100), limit, growth,
        growth is not None and growth <= limit,
        f"{weight['search_index']['without_search_terms_gzip_bytes']} B without, {weight['search_index']['gzip_bytes']} B with")

    limit = budgets["third_party_requests"]["max"]
    third = weight["full"]["third_party_requests"]
    hosts = sorted({url for row in weight["pages"]["full"] for url in row["third_party_requests"]})
    if report.get("lighthouse"):
        third += report["lighthouse"]["third_party_requests"]
        hosts += [url for row in report["lighthouse"]["pages"] for url in row["third_party_requests"]]
    add(f"third-party requests = {limit}", limit, third, third <= limit, ", ".join(sorted(set(hosts))[:10]))

    lighthouse = report.get("lighthouse")
    for name, minimum in budgets["lighthouse"]["min_score"].items():
        if lighthouse is None:
            add(f"Lighthouse {name} >= {minimum} on every page", minimum, None, None, "--skip-lighthouse")
            continue
        below = [row for row in lighthouse["pages"] if row["scores"][name] < minimum]
        counts: dict[str, int] = {}
        for row in below:
            for audit in row["failing"][name]:
                counts[audit["id"]] = counts.get(audit["id"], 0) + 1
        detail = ""
        if below:
            detail = (f"{len(below)} of {len(lighthouse['pages'])} pages: "
                      + ", ".join(f"{row['page']} {row['scores'][name]:g}" for row in below)
                      + "; audits losing points: "
                      + (", ".join(f"{audit} on {count}" for audit, count in sorted(counts.items(), key=lambda kv: -kv[1]))
                         or "none weighted"))
        add(f"Lighthouse {name} >= {minimum} on every page", minimum, lighthouse["min_scores"][name], not below, detail)
    return results


def kb(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:.1f}"


def span(stats: dict, digits: int = 2) -> str:
    if not stats or stats.get("median") is None:
        return "-"
    return f"{stats['min']:.{digits}f}–{stats['median']:.{digits}f}–{stats['max']:.{digits}f}"


def print_table(report: dict) -> None:
    build, serve, weight, lighthouse = report["build"], report.get("serve_rebuild"), report["page_weight"], report.get("lighthouse")
    preview = report.get("preview_rebuild")
    rows = [
        ("mkdocs build --strict, s (min–med–max)", span(build["full_seconds"]), span(build["bare_seconds"]),
         f"{build['ratio_of_medians']:.2f}x"),
        ("serve rebuild after 1-line edit, s", span(serve["until_log_reports_rebuild_seconds"]) if serve else "-", "", ""),
        ("  …until the served page shows it, s", span(serve["until_page_shows_edit_seconds"]) if serve else "-", "", ""),
        ("preview (--dirty) rebuild, page shows it, s",
         span(preview["until_page_shows_edit_seconds"]) if preview else "-", "", ""),
        ("largest page, kB gzip", f"{kb(weight['full']['largest_page']['gzip_bytes'])} {weight['full']['largest_page']['page']}",
         f"{kb(weight['bare']['largest_page']['gzip_bytes'])} {weight['bare']['largest_page']['page']}", ""),
        ("median page, kB gzip", kb(weight["full"]["median_page_gzip_bytes"]), kb(weight["bare"]["median_page_gzip_bytes"]),
         f"{weight['full']['median_page_gzip_bytes'] / weight['bare']['median_page_gzip_bytes']:.2f}x"),
        ("worst page vs bare same page", "", "", f"{max(row['ratio'] for row in weight['per_page']):.2f}x"),
        ("requests per page (min–med–max)", span(weight["full"]["requests"], 0), span(weight["bare"]["requests"], 0), ""),
        ("search index, kB raw / gzip", f"{kb(weight['search_index']['raw_bytes'])} / {kb(weight['search_index']['gzip_bytes'])}", "", ""),
        ("  …without search terms, kB gzip", kb(weight["search_index"]["without_search_terms_gzip_bytes"]), "",
         f"{weight['search_index']['search_terms_growth_ratio']:.3f}x"),
        ("third-party requests (all pages)", str(weight["full"]["third_party_requests"] + (lighthouse["third_party_requests"] if lighthouse else 0)),
         str(weight["bare"]["third_party_requests"]), ""),
    ]
    if lighthouse:
        bare = report.get("lighthouse_bare")

        def minimums(result):
            return "/".join(f"{result['min_scores'][name]:g}" for name in LIGHTHOUSE_CATEGORIES) if result else ""

        def maximums(result):
            return (f"{number(result['max_lcp_ms'])} / {number(result['max_tbt_ms'])} / {number(result['max_cls'], 3)}"
                    if result else "")

        rows += [
            ("Lighthouse min perf/a11y/bp/seo", minimums(lighthouse), minimums(bare), ""),
            ("Lighthouse max LCP ms / TBT ms / CLS", maximums(lighthouse), maximums(bare), ""),
        ]
    widths = [max(len(str(row[i])) for row in rows + [("metric", "site", "bare", "ratio")]) for i in range(4)]
    line = lambda cells: "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths)).rstrip()
    print(line(("metric", "site", "bare", "ratio")))
    print(line(["-" * width for width in widths]))
    for row in rows:
        print(line(row))
    if lighthouse:
        print()
        bare_rows = {row["page"]: row for row in (report.get("lighthouse_bare") or {}).get("pages", [])}
        print("Lighthouse per page, site (perf a11y bp seo | LCP ms TBT ms CLS)"
              + (" | bare perf, TBT ms" if bare_rows else "") + ":")
        for row in lighthouse["pages"]:
            marks = " ".join(f"{row['scores'][name]:>3g}" for name in LIGHTHOUSE_CATEGORIES)
            line = (f"  {row['page']:<45} {marks} | {number(row['lcp_ms']):>6} {number(row['tbt_ms']):>5}"
                    f" {number(row['cls'], 3)}")
            if row["page"] in bare_rows:
                other = bare_rows[row["page"]]
                line += f" | {other['scores']['performance']:>3g} {number(other['tbt_ms']):>5}"
            print(line)
    if report.get("feature_costs"):
        print_feature_costs(report["feature_costs"])
    print()
    for result in report["budgets"]:
        detail = f"  [{result['detail']}]" if result["detail"] and result["status"] != "pass" else ""
        print(f"{result['status']:>7}  {result['budget']}: {result['value']}{detail}")


def print_feature_costs(costs: dict) -> None:
    def signed(value, scale=1.0, digits=1):
        return "-" if value is None else f"{value / scale:+.{digits}f}"

    print(f"\nWhat each feature costs (site build {span(costs['site_build_seconds'])} s, not strict; "
          f"median page {kb(costs['site']['median_page_gzip_bytes'])} kB gzip, "
          f"search index {kb(costs['site']['search_index_gzip_bytes'])} kB gzip, read from disk):")
    print(f"  {'item':<4} {'feature':<62} {'build s':>8} {'page kB':>8} {'files':>6} {'index kB':>9}")
    for row in costs["features"]:
        page = signed(row.get("page_gzip_bytes"), 1000) + ("*" if row.get("measured_in_html") else " ")
        print(f"  {row['item']:<4} {row['feature'][:62]:<62} {signed(row.get('build_seconds'), 1, 2):>8} {page:>8}"
              f" {signed(row.get('requests'), 1, 0):>6} {signed(row.get('search_index_gzip_bytes'), 1000):>9}")
    print(f"  {'5':<4} {'Offline copy (make offline): a separate build, nothing in the published site':<62}")
    print("  * its elements' share of each page's HTML (median over pages); the others: site minus site without it")


def environment() -> dict:
    def output(command):
        with contextlib.suppress(Exception):
            return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
        return None

    from importlib.metadata import version

    return {
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "playwright": version("playwright"),
        "chromium": output([CHROMIUM, "--version"]),
        "node": output(["node", "--version"]),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        # The commit measured, and whether the files a build reads differed from it.
        "git_commit": output(["git", "-C", str(ROOT), "rev-parse", "HEAD"]) or None,
        "git_dirty": bool(output(["git", "-C", str(ROOT), "status", "--porcelain", "--", ".", ":!benchmarks"])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured builds of each kind (default 5; at least 5 for a report)")
    parser.add_argument("--serve-edits", type=int, default=5, help="one-line edits timed under mkdocs serve (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page; the median is kept (default 1)")
    parser.add_argument("--skip-lighthouse", action="store_true", help="skip Lighthouse (its budgets are reported as skipped)")
    parser.add_argument("--lighthouse-bare", action="store_true",
                        help="also run Lighthouse on the bare build, for comparison (no budget)")
    parser.add_argument("--feature-costs", action="store_true",
                        help="also build the site without each of issue 7's features, to report what each costs")
    parser.add_argument("--serve-page", default="advantages.md", help="the page edited under mkdocs serve (docs/-relative)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.serve_edits < 1 or args.lighthouse_runs < 1:
        parser.error("--runs, --serve-edits and --lighthouse-runs must be at least 1")
    if args.runs < 5:
        log(f"note: --runs {args.runs} is below the 5 runs a reported number should have")
    if not os.path.exists(CHROMIUM):
        log(f"no Chromium at {CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH")
        return 2

    budgets = json.loads(BUDGETS.read_text(encoding="utf-8"))
    config = site_config()
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.time()
    report: dict = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "environment": environment(),
        "arguments": vars(args),
    }
    work = pathlib.Path(tempfile.mkdtemp(prefix="imlygic-benchmark-"))
    try:
        (work / "bare").mkdir()
        build = measure_builds(args.runs, work, config)
        full_site, bare_site = build.pop("_sites")
        report["build"] = build
        if args.feature_costs:
            report["feature_costs"] = measure_feature_costs(args.runs, work, config)
        report["serve_rebuild"] = measure_serve_rebuild(args.serve_edits, work, config, args.serve_page)
        report["preview_rebuild"] = measure_serve_rebuild(args.serve_edits, work, config, args.serve_page, dirty=True)
        report["page_weight"] = measure_page_weight({"full": full_site, "bare": bare_site}, config)
        report["lighthouse"] = None if args.skip_lighthouse else measure_lighthouse(full_site, config, args.lighthouse_runs)
        if args.lighthouse_bare and not args.skip_lighthouse:
            report["lighthouse_bare"] = measure_lighthouse(bare_site, config, args.lighthouse_runs, "bare")
    except BenchmarkError as error:
        log(f"benchmark could not run: {error}")
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report["environment"]["load_average_at_end"] = os.getloadavg()
    report["seconds"] = round(time.time() - started, 1)
    report["budgets"] = check_budgets(budgets, report)
    (OUT / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_table(report)
    print(f"\nFull report: {(OUT / 'report.json').relative_to(ROOT)} ({report['seconds']:.0f} s)")
    return 1 if any(result["status"] == "FAIL" for result in report["budgets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
