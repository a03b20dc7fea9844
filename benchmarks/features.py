"""What each of the site's optional features costs: `make benchmark BENCHMARK_ARGS=--feature-costs`.

Two ways of measuring, depending on what a feature is:

- A feature that is a plugin or a hook is switched off in a copy of mkdocs.yml
  (written beside it, so relative paths still hold, and removed afterwards). That
  copy is built alternately with the site itself, and the difference is the
  feature's cost in build time, page weight, requests and search index.
- A feature that is a part of every page's HTML (a block of the template, a box
  in the Markdown) cannot be switched off by configuration; its weight is what
  gzip saves when its elements are removed from each built page.

Weights here are read from disk, not from a browser: a page's HTML plus every
local file it names (stylesheets, scripts, images, the search worker and index),
each gzip-compressed. The browser-measured table (weight.py) stays the reference.
"""

from __future__ import annotations

import dataclasses
import pathlib
import re
import statistics

from bs4 import BeautifulSoup

from sitecheck.project import Project

from . import ROOT
from .common import gz_size, log, nav_url_paths, site_prefix, summary
from .timing import timed_build
from .weight import local_file, referenced_assets


@dataclasses.dataclass
class Feature:
    item: str  # the issue-7 item it answers
    name: str
    # Switched off in a copy of mkdocs.yml: each pattern must match once, and is removed.
    config_off: list[str] = dataclasses.field(default_factory=list)
    # Or measured in the HTML: the elements that make it up on each page.
    selectors: list[str] = dataclasses.field(default_factory=list)
    note: str = ""


def block(key: str) -> str:
    """A plugin entry of mkdocs.yml with its indented options."""
    return rf"  - {re.escape(key)}:\n(?:    .*\n)*"


FEATURES = [
    Feature("1", "In short summaries", selectors=["div.admonition.abstract"]),
    Feature("2", "Claims and evidence page (hooks/claims.py)", config_off=[r"  - hooks/claims\.py\n"],
            note="switched off, the page keeps only its introduction"),
    Feature("3", "Bibliography page, BibTeX and RIS (hooks/references.py)",
            config_off=[r"  - hooks/references\.py\n"], note="switched off, the page keeps only its introduction"),
    Feature("3", "Cite this page (overrides/main.html)", selectors=["aside.cite-page"]),
    Feature("4", "Print page (print-site plugin)", config_off=[block("print-site"), r"  - hooks/print_page_assets\.py\n"]),
    Feature("6", "JSON-LD, Open Graph, Twitter tags (hooks/structured_data.py)",
            config_off=[r"  - hooks/structured_data\.py\n"],
            selectors=['script[type="application/ld+json"]', 'meta[property^="og:"]', 'meta[name^="twitter:"]']),
    Feature("7", "What's new feed (rss plugin)", config_off=[block("rss")]),
]
# Item 5, the offline copy, is a separate build (make offline): it costs the published site nothing.


def config_without(text: str, feature: Feature) -> str:
    for pattern in feature.config_off:
        text, count = re.subn(pattern, "", text, count=1)
        if count != 1:
            raise ValueError(f"{feature.name}: mkdocs.yml no longer matches {pattern!r}; update benchmarks/features.py")
    return text


def page_html(site_dir: pathlib.Path, url_path: str) -> str:
    """The built page at url_path ("" for the home page, else "a/b/")."""
    return (site_dir / url_path / "index.html").read_text(encoding="utf-8")


def static_weights(site_dir: pathlib.Path, pages: list[str], site_url_path: str) -> dict:
    """Per page: gzip bytes of the HTML and everything it names, and how many files."""
    base = "http://benchmark.invalid" + site_url_path
    weights, requests = [], []
    for url_path in pages:
        html = page_html(site_dir, url_path)
        total, files = gz_size(html.encode()), 1
        for url in dict.fromkeys(referenced_assets(html, base + url_path)):
            path = local_file(url, base, site_dir)
            if path is not None:
                total += gz_size(path.read_bytes())
                files += 1
        weights.append(total)
        requests.append(files)
    index = site_dir / "search" / "search_index.json"
    return {
        "median_page_gzip_bytes": statistics.median(weights),
        "median_requests": statistics.median(requests),
        "search_index_gzip_bytes": gz_size(index.read_bytes()) if index.exists() else 0,
    }


def html_share(site_dir: pathlib.Path, pages: list[str], selectors: list[str]) -> int:
    """Median over pages of the gzip bytes the feature's elements add to the page's HTML."""
    shares = []
    for url_path in pages:
        html = page_html(site_dir, url_path)
        soup = BeautifulSoup(html, "html.parser")
        before = gz_size(str(soup).encode())  # both sides serialised by BeautifulSoup alike
        found = [element for selector in selectors for element in soup.select(selector)]
        for element in found:
            element.decompose()
        shares.append(before - gz_size(str(soup).encode()) if found else 0)
    return round(statistics.median(shares))


def build_with_and_without(runs: int, work: pathlib.Path) -> tuple[dict, dict]:
    """Build the site and each copy of mkdocs.yml without one feature, alternately; build seconds and site folder of each.

    Keys: "site", or the feature's index in FEATURES. Not strict: a feature
    switched off may leave a link to what it made (the feed).
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    configs = {"site": ROOT / "mkdocs.yml"}
    sites = {"site": work / "feature-site-site"}
    try:
        for number, feature in enumerate(FEATURES):
            if feature.config_off:
                configs[number] = ROOT / f"mkdocs.benchmark-feature-{number}.yml"
                configs[number].write_text(config_without(text, feature), encoding="utf-8")
                sites[number] = work / f"feature-site-{number}"
        times: dict = {key: [] for key in configs}
        for key, path in configs.items():  # warm-up
            timed_build(path, sites[key], strict=False)
        for run in range(runs):
            for key, path in configs.items():
                times[key].append(timed_build(path, sites[key], strict=False))
            log(f"feature costs: build round {run + 1}/{runs} done")
    finally:
        for key, path in configs.items():
            if key != "site":
                path.unlink(missing_ok=True)
    return times, sites


def measure_feature_costs(runs: int, work: pathlib.Path, project: Project) -> dict:
    """Build time and weight of the site with and without each feature."""
    pages = nav_url_paths(project)
    times, sites = build_with_and_without(runs, work)
    site = static_weights(sites["site"], pages, site_prefix(project))
    rows = []
    for number, feature in enumerate(FEATURES):
        row = {"item": feature.item, "feature": feature.name, "note": feature.note}
        if number in sites:
            without = static_weights(sites[number], pages, site_prefix(project))
            row["build_seconds"] = round(statistics.median(times["site"]) - statistics.median(times[number]), 3)
            row["page_gzip_bytes"] = round(site["median_page_gzip_bytes"] - without["median_page_gzip_bytes"])
            row["requests"] = site["median_requests"] - without["median_requests"]
            row["search_index_gzip_bytes"] = site["search_index_gzip_bytes"] - without["search_index_gzip_bytes"]
        if feature.selectors:
            row["page_gzip_bytes"] = html_share(sites["site"], pages, feature.selectors)
            row["measured_in_html"] = True
        rows.append(row)
    return {"site_build_seconds": summary(times["site"]), "site": site, "features": rows}
