"""What every measurement shares: where things are, the pages measured, samples and sizes."""

from __future__ import annotations

import gzip
import statistics
import sys
import time
import urllib.parse

from sitecheck.browser import chromium_path
from sitecheck.built_site import url_path
from sitecheck.project import Project

from . import ROOT

BENCH = ROOT / "benchmarks"
OUT = ROOT / "artifacts" / "benchmark"

# The same browser as the browser tests (sitecheck/browser.py).
CHROMIUM = chromium_path() or "/usr/bin/chromium"


class BenchmarkError(Exception):
    """The benchmark itself could not run (not a missed budget)."""


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


def number(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def nav_url_paths(project: Project) -> list[str]:
    """Every page of the nav, in order, as its address below the site's ('' for the home page)."""
    return [url_path(path) for _, path in project.nav_entries if path.endswith(".md") and "://" not in path]


def site_prefix(project: Project) -> str:
    """The path the site is published under (site_url's), e.g. /imlygic-site/."""
    return urllib.parse.urlsplit(project.config.get("site_url") or "/").path or "/"
