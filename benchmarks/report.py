"""The report: where it was measured, report.json, and the table printed at the end."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import subprocess

from . import ROOT
from .common import CHROMIUM, OUT, number
from .lighthouse_audits import CATEGORIES

REPORT = OUT / "report.json"
HEADER = ("metric", "site", "bare", "ratio")


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


def write_report(report: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def kb(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:.1f}"


def span(stats: dict, digits: int = 2) -> str:
    if not stats or stats.get("median") is None:
        return "-"
    return f"{stats['min']:.{digits}f}–{stats['median']:.{digits}f}–{stats['max']:.{digits}f}"


def timing_rows(report: dict) -> list[tuple]:
    build, serve, preview = report["build"], report.get("serve_rebuild"), report.get("preview_rebuild")
    return [
        ("mkdocs build --strict, s (min–med–max)", span(build["full_seconds"]), span(build["bare_seconds"]),
         f"{build['ratio_of_medians']:.2f}x"),
        ("serve rebuild after 1-line edit, s", span(serve["until_log_reports_rebuild_seconds"]) if serve else "-", "", ""),
        ("  …until the served page shows it, s", span(serve["until_page_shows_edit_seconds"]) if serve else "-", "", ""),
        ("preview (--dirty) rebuild, page shows it, s",
         span(preview["until_page_shows_edit_seconds"]) if preview else "-", "", ""),
    ]


def weight_rows(report: dict) -> list[tuple]:
    weight, lighthouse = report["page_weight"], report.get("lighthouse")
    full, bare, index = weight["full"], weight["bare"], weight["search_index"]
    return [
        ("largest page, kB gzip", f"{kb(full['largest_page']['gzip_bytes'])} {full['largest_page']['page']}",
         f"{kb(bare['largest_page']['gzip_bytes'])} {bare['largest_page']['page']}", ""),
        ("median page, kB gzip", kb(full["median_page_gzip_bytes"]), kb(bare["median_page_gzip_bytes"]),
         f"{full['median_page_gzip_bytes'] / bare['median_page_gzip_bytes']:.2f}x"),
        ("worst page vs bare same page", "", "", f"{max(row['ratio'] for row in weight['per_page']):.2f}x"),
        ("requests per page (min–med–max)", span(full["requests"], 0), span(bare["requests"], 0), ""),
        ("search index, kB raw / gzip", f"{kb(index['raw_bytes'])} / {kb(index['gzip_bytes'])}", "", ""),
        ("  …without search terms, kB gzip", kb(index["without_search_terms_gzip_bytes"]), "",
         f"{index['search_terms_growth_ratio']:.3f}x"),
        ("third-party requests (all pages)",
         str(full["third_party_requests"] + (lighthouse["third_party_requests"] if lighthouse else 0)),
         str(bare["third_party_requests"]), ""),
    ]


def lighthouse_rows(report: dict) -> list[tuple]:
    lighthouse, bare = report.get("lighthouse"), report.get("lighthouse_bare")
    if not lighthouse:
        return []

    def minimums(result):
        return "/".join(f"{result['min_scores'][name]:g}" for name in CATEGORIES) if result else ""

    def maximums(result):
        return (f"{number(result['max_lcp_ms'])} / {number(result['max_tbt_ms'])} / {number(result['max_cls'], 3)}"
                if result else "")

    def print_page(result):
        row = (result or {}).get("print_page")
        return "/".join(f"{row['scores'][name]:g}" for name in CATEGORIES) if row else ""

    return [
        ("Lighthouse min perf/a11y/bp/seo", minimums(lighthouse), minimums(bare), ""),
        ("Lighthouse max LCP ms / TBT ms / CLS", maximums(lighthouse), maximums(bare), ""),
        ("Lighthouse print page perf/a11y/bp/seo", print_page(lighthouse), print_page(bare), ""),
    ]


def print_rows(rows: list[tuple]) -> None:
    """The rows as columns, under the header."""
    widths = [max(len(str(row[i])) for row in rows + [HEADER]) for i in range(len(HEADER))]

    def line(cells):
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths)).rstrip()

    print(line(HEADER))
    print(line(["-" * width for width in widths]))
    for row in rows:
        print(line(row))


def print_lighthouse_pages(report: dict) -> None:
    bare_rows = {row["page"]: row for row in (report.get("lighthouse_bare") or {}).get("pages", [])}
    print("Lighthouse per page, site (perf a11y bp seo | LCP ms TBT ms CLS)"
          + (" | bare perf, TBT ms" if bare_rows else "") + ":")
    for row in report["lighthouse"]["pages"]:
        marks = " ".join(f"{row['scores'][name]:>3g}" for name in CATEGORIES)
        line = f"  {row['page']:<45} {marks} | {number(row['lcp_ms']):>6} {number(row['tbt_ms']):>5} {number(row['cls'], 3)}"
        if row["page"] in bare_rows:
            other = bare_rows[row["page"]]
            line += f" | {other['scores']['performance']:>3g} {number(other['tbt_ms']):>5}"
        print(line)


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


def print_table(report: dict) -> None:
    print_rows(timing_rows(report) + weight_rows(report) + lighthouse_rows(report))
    if report.get("lighthouse"):
        print()
        print_lighthouse_pages(report)
    if report.get("feature_costs"):
        print_feature_costs(report["feature_costs"])
    print()
    for result in report["budgets"]:
        detail = f"  [{result['detail']}]" if result["detail"] and result["status"] != "pass" else ""
        print(f"{result['status']:>7}  {result['budget']}: {result['value']}{detail}")
