"""Lighthouse (npm, pinned by benchmarks/package-lock.json) on every page of a built site."""

from __future__ import annotations

import json
import pathlib
import shutil
import statistics
import subprocess

from sitecheck.browser import CHROMIUM_ARGS
from sitecheck.project import Project
from sitecheck.server import serving

from .common import BENCH, CHROMIUM, OUT, BenchmarkError, log, nav_url_paths, number
from .lighthouse_audits import CATEGORIES, sample

# The same browser and flags as the browser tests (sitecheck/browser.py).
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
PRINT_PAGE = "print_page/"
# Headless Chromium now and then reports no paint at all (NO_FCP) and Lighthouse
# then has no performance score: such a run is tried again, this often in all.
ATTEMPTS = 3


def lighthouse_bin() -> pathlib.Path:
    """benchmarks/node_modules/.bin/lighthouse, installed with `npm ci` when missing."""
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


def run_lighthouse_once(binary: pathlib.Path, url: str, output: pathlib.Path) -> dict:
    command = [
        str(binary), url,
        "--output=json", f"--output-path={output}",
        f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--quiet", "--no-enable-error-reporting",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0 or not output.is_file():
        raise BenchmarkError(f"lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def run_scored(binary: pathlib.Path, url: str, output: pathlib.Path, label: str, page: str) -> tuple[dict, list[str]]:
    """One Lighthouse run with a performance score (tried up to ATTEMPTS times); why earlier tries had none."""
    retries = []
    for _ in range(ATTEMPTS):
        lhr = run_lighthouse_once(binary, url, output)
        if lhr.get("runtimeError"):
            raise BenchmarkError(f"lighthouse on {page}: {lhr['runtimeError']}")
        if lhr["categories"]["performance"]["score"] is not None:
            break
        reason = lhr["audits"]["first-contentful-paint"].get("errorMessage") or "no performance score"
        retries.append(reason)
        log(f"lighthouse ({label}) {page}: {reason}; retrying")
    return lhr, retries


def median_or_none(values):
    values = list(values)
    return None if any(value is None for value in values) else statistics.median(values)


def max_or_none(values):
    values = list(values)
    return None if any(value is None for value in values) else max(values)


def page_row(page: str, samples: list[dict]) -> dict:
    """One page over its runs: median scores and metrics, and every audit that failed in any run."""
    failing = {name: sorted({(audit["id"], audit["title"]) for s in samples for audit in s["failing"][name]})
               for name in CATEGORIES}
    return {
        "page": page,
        "scores": {name: statistics.median(s["scores"][name] for s in samples) for name in CATEGORIES},
        "score_range": {name: [min(s["scores"][name] for s in samples), max(s["scores"][name] for s in samples)]
                        for name in CATEGORIES},
        "lcp_ms": median_or_none(s["lcp_ms"] for s in samples),
        "tbt_ms": median_or_none(s["tbt_ms"] for s in samples),
        "cls": median_or_none(s["cls"] for s in samples),
        "third_party_requests": sorted({url for s in samples for url in s["third_party_requests"]}),
        "failing": {name: [{"id": id_, "title": title} for id_, title in audits] for name, audits in failing.items()},
        "runs": samples,
    }


def measure_lighthouse(site_dir: pathlib.Path, project: Project, runs: int, label: str = "site") -> dict:
    binary = lighthouse_bin()
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    folder = OUT / "lighthouse" / label
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    per_page = []
    with serving(site_dir, project.config.get("site_url"), gzip=True) as base_url:
        origin = "/".join(base_url.split("/")[:3])

        def measure(url_path: str) -> dict:
            page = url_path or "/"
            samples = []
            for run in range(runs):
                output = folder / ((url_path.strip("/").replace("/", "--") or "home") + (f"-{run + 1}" if runs > 1 else "") + ".json")
                lhr, retries = run_scored(binary, base_url + url_path, output, label, page)
                samples.append(sample(lhr, output, origin, retries))
            row = page_row(page, samples)
            log(f"lighthouse ({label}) {page}: " + " ".join(f"{n[:4]} {row['scores'][n]:g}" for n in CATEGORIES)
                + f"  LCP {number(row['lcp_ms'])} ms TBT {number(row['tbt_ms'])} ms CLS {number(row['cls'], 3)}")
            return row

        per_page = [measure(url_path) for url_path in nav_url_paths(project)]
        # The whole site on one page (print-site plugin): a document to print, not a
        # reading page, so it has its own budget and stays out of the pages' minimums.
        print_page = measure(PRINT_PAGE) if (pathlib.Path(site_dir) / PRINT_PAGE / "index.html").is_file() else None
    return {
        "label": label,
        "version": version,
        "form_factor": "mobile (Lighthouse default, simulated throttling)",
        "runs_per_page": runs,
        "min_scores": {name: min(row["scores"][name] for row in per_page) for name in CATEGORIES},
        # A page whose metric could not be measured counts as the worst (None).
        "max_lcp_ms": max_or_none(row["lcp_ms"] for row in per_page),
        "max_tbt_ms": max_or_none(row["tbt_ms"] for row in per_page),
        "max_cls": max_or_none(row["cls"] for row in per_page),
        "third_party_requests": sum(len(row["third_party_requests"]) for row in per_page),
        "pages": per_page,
        "print_page": print_page,
    }
