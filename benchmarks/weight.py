"""What a reader's browser downloads on a first visit to each page, site and bare build alike."""

from __future__ import annotations

import contextlib
import json
import pathlib
import statistics
import urllib.parse

from bs4 import BeautifulSoup

from sitecheck.browser import CHROMIUM_ARGS
from sitecheck.project import Project
from sitecheck.server import serving

from .common import CHROMIUM, gz_size, log, nav_url_paths, summary
from .search_index import search_index_weight

# <link rel=...> values a browser fetches on load.
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}


def referenced_assets(html: str, page_url: str) -> list[str]:
    """Everything the HTML itself tells a browser to fetch on a first visit."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [link["href"] for link in soup.find_all("link", href=True)
            if FETCHED_LINKS & {rel.lower() for rel in link.get("rel", [])}]
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
    """The built file a URL of the served site stands for, if there is one."""
    if not url.startswith(base_url):
        return None
    relative = urllib.parse.unquote(urllib.parse.urlsplit(url).path)[len(urllib.parse.urlsplit(base_url).path):]
    path = site_dir / relative
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def file_body(url: str, base_url: str, site_dir: pathlib.Path) -> bytes:
    file = local_file(url, base_url, site_dir)
    return file.read_bytes() if file else b""


def browser_loads(browser, url: str, base_url: str, site_dir: pathlib.Path) -> tuple[str, dict[str, dict]]:
    """Load url in a fresh context (empty cache, no storage): the rendered HTML, and each resource fetched."""
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
                body = file_body(request.url, base_url, site_dir)
            resources[request.url] = {"type": request.resource_type, "source": "browser", "body": body}
    finally:
        context.close()
    return html, resources


def first_visit(browser, base_url: str, site_dir: pathlib.Path, url_path: str) -> dict:
    """Load one page in a fresh context; weigh what it fetched, and what its HTML names besides."""
    url = base_url + url_path
    origin = "/".join(base_url.split("/")[:3])
    html, resources = browser_loads(browser, url, base_url, site_dir)
    # Assets the HTML names but Chromium did not fetch (headless skips the favicon).
    served_html = local_file(url, base_url, site_dir)
    static_html = served_html.read_text(encoding="utf-8") if served_html else html
    for asset in referenced_assets(static_html, url):
        if asset not in resources:
            resources[asset] = {"type": "referenced", "source": "html", "body": file_body(asset, base_url, site_dir)}
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


def load_every_page(sites: dict[str, pathlib.Path], project: Project) -> dict[str, list[dict]]:
    """First visit of each nav page of each built site, served gzip-compressed as a static host does."""
    from playwright.sync_api import sync_playwright

    pages = nav_url_paths(project)
    results: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, site_dir in sites.items():
                with serving(site_dir, project.config.get("site_url"), gzip=True) as base_url:
                    results[name] = [first_visit(browser, base_url, site_dir, url_path) for url_path in pages]
                log(f"page weight: {name} build, {len(pages)} pages loaded")
        finally:
            browser.close()
    return results


def overview(rows: list[dict]) -> dict:
    largest = max(rows, key=lambda row: row["gzip_bytes"])
    return {
        "largest_page": {"page": largest["page"], "gzip_bytes": largest["gzip_bytes"], "raw_bytes": largest["raw_bytes"]},
        "median_page_gzip_bytes": statistics.median(row["gzip_bytes"] for row in rows),
        "gzip_bytes": summary([row["gzip_bytes"] for row in rows], 0),
        "requests": summary([row["requests"] for row in rows], 0),
        "third_party_requests": sum(len(row["third_party_requests"]) for row in rows),
    }


def compare_pages(full: list[dict], bare: list[dict]) -> list[dict]:
    """Each page of the site against the bare build's same page."""
    bare_by_page = {row["page"]: row for row in bare}
    comparison = []
    for row in full:
        twin = bare_by_page.get(row["page"])
        comparison.append({
            "page": row["page"],
            "full_gzip_bytes": row["gzip_bytes"],
            "bare_gzip_bytes": twin["gzip_bytes"] if twin else None,
            "ratio": round(row["gzip_bytes"] / twin["gzip_bytes"], 3) if twin else None,
            "full_requests": row["requests"],
            "bare_requests": twin["requests"] if twin else None,
        })
    return comparison


def measure_page_weight(sites: dict[str, pathlib.Path], project: Project) -> dict:
    results = load_every_page(sites, project)
    index = sites["full"] / "search" / "search_index.json"
    return {
        "full": overview(results["full"]),
        "bare": overview(results["bare"]) if "bare" in results else None,
        "per_page": compare_pages(results["full"], results.get("bare", [])),
        "search_index": search_index_weight(index.read_bytes() if index.is_file() else b""),
        "pages": results,
    }
