"""Benchmark the site: build time, first-visit page weight and Lighthouse scores.

Run on demand, never by the test suite:

    .venv/bin/python -m benchmarks [--runs N] [--skip-lighthouse]

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
import datetime
import os
import pathlib
import shutil
import sys
import tempfile
import time

from sitecheck.project import Project

from . import ROOT
from .budgets import check_budgets, load_budgets
from .common import CHROMIUM, BenchmarkError, log
from .features import measure_feature_costs
from .lighthouse import measure_lighthouse
from .report import REPORT, environment, print_table, write_report
from .timing import measure_builds, measure_serve_rebuild
from .weight import measure_page_weight


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured builds of each kind (default 5; at least 5 for a report)")
    parser.add_argument("--serve-edits", type=int, default=5, help="one-line edits timed under mkdocs serve (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page; the median is kept (default 1)")
    parser.add_argument("--skip-lighthouse", action="store_true", help="skip Lighthouse (its budgets are reported as skipped)")
    parser.add_argument("--lighthouse-bare", action="store_true",
                        help="also run Lighthouse on the bare build, for comparison (no budget)")
    parser.add_argument("--feature-costs", action="store_true",
                        help="also build the site without each of the site's optional features (benchmarks/features.py), to report what each costs")
    parser.add_argument("--serve-page", default="advantages.md", help="the page edited under mkdocs serve (docs/-relative)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.serve_edits < 1 or args.lighthouse_runs < 1:
        parser.error("--runs, --serve-edits and --lighthouse-runs must be at least 1")
    return args


def measure(args: argparse.Namespace, project: Project, work: pathlib.Path) -> dict:
    """Every measurement the arguments ask for, in the report's order. Raises BenchmarkError."""
    report: dict = {}
    report["build"], sites = measure_builds(args.runs, work, project)
    if args.feature_costs:
        report["feature_costs"] = measure_feature_costs(args.runs, work, project)
    report["serve_rebuild"] = measure_serve_rebuild(args.serve_edits, work, project, args.serve_page)
    report["preview_rebuild"] = measure_serve_rebuild(args.serve_edits, work, project, args.serve_page, dirty=True)
    report["page_weight"] = measure_page_weight(sites, project)
    report["lighthouse"] = None if args.skip_lighthouse else measure_lighthouse(sites["full"], project, args.lighthouse_runs)
    if args.lighthouse_bare and not args.skip_lighthouse:
        report["lighthouse_bare"] = measure_lighthouse(sites["bare"], project, args.lighthouse_runs, "bare")
    return report


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    if args.runs < 5:
        log(f"note: --runs {args.runs} is below the 5 runs a reported number should have")
    if not os.path.exists(CHROMIUM):
        log(f"no Chromium at {CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH")
        return 2
    budgets = load_budgets()
    started = time.time()
    report: dict = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "environment": environment(),
        "arguments": vars(args),
    }
    work = pathlib.Path(tempfile.mkdtemp(prefix="imlygic-benchmark-"))
    try:
        report.update(measure(args, Project(ROOT), work))
    except BenchmarkError as error:
        log(f"benchmark could not run: {error}")
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["environment"]["load_average_at_end"] = os.getloadavg()
    report["seconds"] = round(time.time() - started, 1)
    report["budgets"] = check_budgets(budgets, report)
    write_report(report)
    print_table(report)
    print(f"\nFull report: {REPORT.relative_to(ROOT)} ({report['seconds']:.0f} s)")
    return 1 if any(result["status"] == "FAIL" for result in report["budgets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
