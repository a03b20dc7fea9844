"""benchmarks/budgets.json, and each budget in it checked against a benchmark report.

Each check returns one result: the budget in words, its limit, the measured value,
its status ("pass", "FAIL", or "skipped" when it was not measured) and, for a miss,
what missed it.
"""

from __future__ import annotations

import json

from .common import BENCH

BUDGETS = BENCH / "budgets.json"


def load_budgets() -> dict:
    return json.loads(BUDGETS.read_text(encoding="utf-8"))


def result(name: str, limit, value, passed: bool | None, detail: str = "") -> dict:
    status = "skipped" if passed is None else ("pass" if passed else "FAIL")
    return {"budget": name, "limit": limit, "value": value, "status": status, "detail": detail}


def build_time(budgets: dict, report: dict) -> dict:
    build = report["build"]
    limit = budgets["build"]["max_ratio_full_to_bare_median"]
    return result("full build <= %.2g x bare build (median)" % limit, limit, build["ratio_of_medians"],
                  build["ratio_of_medians"] <= limit,
                  f"full {build['full_seconds']['median']} s, bare {build['bare_seconds']['median']} s")


def preview_rebuild(budgets: dict, report: dict) -> dict:
    preview = report.get("preview_rebuild")
    limit = budgets["preview"]["max_median_seconds"]
    name = f"make preview shows an edit within {limit:g} s (median)"
    if preview is None:
        return result(name, limit, None, None)
    seconds = preview["until_page_shows_edit_seconds"]["median"]
    serve = report["serve_rebuild"]["until_page_shows_edit_seconds"]["median"]
    return result(name, limit, seconds, seconds <= limit, f"make serve (full rebuild): {serve} s")


def weight_against_bare(budgets: dict, report: dict) -> dict:
    per_page = report["page_weight"]["per_page"]
    limit = budgets["page_weight"]["max_ratio_to_bare_same_page"]
    over = [row for row in per_page if row["ratio"] is None or row["ratio"] > limit]
    worst = max(per_page, key=lambda row: row["ratio"] or 0)
    detail = "; ".join(f"{row['page']} {row['ratio']}x ({row['full_gzip_bytes']} vs {row['bare_gzip_bytes']} B)"
                       for row in over)
    return result("first-visit weight of every page <= %.2g x bare page" % limit, limit, worst["ratio"], not over,
                  detail or f"worst {worst['page']} {worst['ratio']}x")


def median_page(budgets: dict, report: dict) -> dict:
    limit = budgets["page_weight"]["median_page_gzip_bytes_below"]
    median = report["page_weight"]["full"]["median_page_gzip_bytes"]
    return result(f"median page < {limit / 1000:g} kB gzip", limit, median, median < limit)


def search_index_growth(budgets: dict, report: dict) -> dict:
    index = report["page_weight"]["search_index"]
    limit = budgets["search_terms"]["max_index_growth_ratio"]
    growth = index["search_terms_growth_ratio"]
    return result("search terms grow the search index by <= %.0f%% (gzip)" % ((limit - 1) * 100), limit, growth,
                  growth is not None and growth <= limit,
                  f"{index['without_search_terms_gzip_bytes']} B without, {index['gzip_bytes']} B with")


def third_party_requests(budgets: dict, report: dict) -> dict:
    """Counted in the Playwright loads and, when it ran, in Lighthouse's."""
    weight, lighthouse = report["page_weight"], report.get("lighthouse")
    limit = budgets["third_party_requests"]["max"]
    count = weight["full"]["third_party_requests"]
    urls = sorted({url for row in weight["pages"]["full"] for url in row["third_party_requests"]})
    if lighthouse:
        count += lighthouse["third_party_requests"]
        urls += [url for row in lighthouse["pages"] for url in row["third_party_requests"]]
    return result(f"third-party requests = {limit}", limit, count, count <= limit, ", ".join(sorted(set(urls))[:10]))


def lighthouse_score(name: str, minimum: int, lighthouse: dict | None) -> dict:
    """One category's score on every page; a miss names the pages and the audits that cost points."""
    budget = f"Lighthouse {name} >= {minimum} on every page"
    if lighthouse is None:
        return result(budget, minimum, None, None, "--skip-lighthouse")
    below = [row for row in lighthouse["pages"] if row["scores"][name] < minimum]
    counts: dict[str, int] = {}
    for row in below:
        for audit in row["failing"][name]:
            counts[audit["id"]] = counts.get(audit["id"], 0) + 1
    detail = ""
    if below:
        audits = ", ".join(f"{audit} on {count}" for audit, count in sorted(counts.items(), key=lambda kv: -kv[1]))
        detail = (f"{len(below)} of {len(lighthouse['pages'])} pages: "
                  + ", ".join(f"{row['page']} {row['scores'][name]:g}" for row in below)
                  + "; audits losing points: " + (audits or "none weighted"))
    return result(budget, minimum, lighthouse["min_scores"][name], not below, detail)


def lighthouse_metric(key: str, what: str, limit: float, lighthouse: dict | None) -> dict:
    """The worst page's median of one metric (ms); a miss names the pages over the limit."""
    budget = f"{what} <= {limit:g} ms on every page (median of its runs)"
    if lighthouse is None:
        return result(budget, limit, None, None, "--skip-lighthouse")
    over = [row for row in lighthouse["pages"] if row[key] is None or row[key] > limit]
    worst = max(lighthouse["pages"], key=lambda row: float("inf") if row[key] is None else row[key])
    detail = ", ".join(f"{row['page']} {row[key]}" for row in over) or f"worst {worst['page']} {worst[key]}"
    return result(budget, limit, worst[key], not over, detail)


def print_page_score(name: str, minimum: int, lighthouse: dict | None) -> dict:
    budget = f"Lighthouse {name} >= {minimum} on the print page"
    row = (lighthouse or {}).get("print_page")
    if row is None:
        return result(budget, minimum, None, None, "--skip-lighthouse" if lighthouse is None else "no print page built")
    score = row["scores"][name]
    audits = ", ".join(audit["id"] for audit in row["failing"][name])
    return result(budget, minimum, score, score >= minimum, f"audits losing points: {audits}" if score < minimum else "")


def check_budgets(budgets: dict, report: dict) -> list[dict]:
    checks = [build_time, preview_rebuild, weight_against_bare, median_page, search_index_growth, third_party_requests]
    results = [check(budgets, report) for check in checks]
    lighthouse = report.get("lighthouse")
    for name, minimum in budgets["lighthouse"]["min_score"].items():
        results.append(lighthouse_score(name, minimum, lighthouse))
    results.append(lighthouse_metric("tbt_ms", "Total Blocking Time", budgets["lighthouse"]["max_tbt_ms"], lighthouse))
    results.append(lighthouse_metric("lcp_ms", "Largest Contentful Paint", budgets["lighthouse"]["max_lcp_ms"], lighthouse))
    for name, minimum in budgets["lighthouse"]["print_page_min_score"].items():
        results.append(print_page_score(name, minimum, lighthouse))
    return results
