"""The benchmark (make benchmark) fails when a budget is missed; it is never run here, only its judge.

It measures wall-clock time, so the suite never runs it; these tests feed its budget
check (benchmarks/budgets.py) made-up reports, one over each budget, and one within all.
"""

import copy
import json

import pytest
from conftest import ROOT

from benchmarks import features
from benchmarks.budgets import check_budgets, load_budgets
from benchmarks.search_index import search_index_weight

BUDGETS = load_budgets()


def seconds(median):
    return {"n": 5, "min": median, "median": median, "max": median, "samples": [median] * 5}


def page(name, site_bytes, bare_bytes):
    return {"page": name, "full_gzip_bytes": site_bytes, "bare_gzip_bytes": bare_bytes,
            "ratio": round(site_bytes / bare_bytes, 3)}


WITHIN = {
    "build": {"full_seconds": seconds(1.7), "bare_seconds": seconds(1.4), "ratio_of_medians": 1.21},
    "serve_rebuild": {"until_page_shows_edit_seconds": seconds(1.6)},
    "preview_rebuild": {"until_page_shows_edit_seconds": seconds(0.5)},
    "page_weight": {
        "per_page": [page("index.md", 140_000, 139_000), page("glossary.md", 150_000, 149_000)],
        "full": {"median_page_gzip_bytes": 145_000, "third_party_requests": 0},
        "pages": {"full": [{"third_party_requests": []}]},
        "search_index": {"gzip_bytes": 99_000, "without_search_terms_gzip_bytes": 92_000, "search_terms_growth_ratio": 1.076},
    },
    "lighthouse": {
        "min_scores": {name: 100 for name in BUDGETS["lighthouse"]["min_score"]},
        "third_party_requests": 0,
        "pages": [{"page": "index.md", "scores": {name: 100 for name in BUDGETS["lighthouse"]["min_score"]},
                   "failing": {}, "third_party_requests": [], "tbt_ms": 90, "lcp_ms": 1200}],
        "print_page": {"page": "print_page/", "scores": {name: 100 for name in BUDGETS["lighthouse"]["min_score"]},
                       "failing": {name: [] for name in BUDGETS["lighthouse"]["min_score"]}},
    },
}


def failed(report):
    return [result["budget"] for result in check_budgets(BUDGETS, report) if result["status"] == "FAIL"]


def test_a_report_within_every_budget_passes():
    assert failed(WITHIN) == []


def over(change):
    report = copy.deepcopy(WITHIN)
    change(report)
    return failed(report)


@pytest.mark.parametrize("change, budget", [
    (lambda r: r["build"].update(ratio_of_medians=1.6), "full build"),
    (lambda r: r["preview_rebuild"].update(until_page_shows_edit_seconds=seconds(1.4)), "make preview"),
    (lambda r: r["page_weight"]["per_page"].append(page("faq.md", 120_000, 100_000)), "first-visit weight"),
    (lambda r: r["page_weight"]["full"].update(
        median_page_gzip_bytes=BUDGETS["page_weight"]["median_page_gzip_bytes_below"] + 1_000), "median page"),
    (lambda r: r["page_weight"]["search_index"].update(search_terms_growth_ratio=1.2), "search terms grow"),
    (lambda r: r["page_weight"]["pages"]["full"][0]["third_party_requests"].append("https://fonts.example/x.css")
     or r["page_weight"]["full"].update(third_party_requests=1), "third-party"),
    (lambda r: r["lighthouse"]["pages"][0].update(tbt_ms=BUDGETS["lighthouse"]["max_tbt_ms"] + 1), "Total Blocking Time"),
    (lambda r: r["lighthouse"]["pages"][0].update(lcp_ms=BUDGETS["lighthouse"]["max_lcp_ms"] + 1), "Largest Contentful Paint"),
    (lambda r: r["lighthouse"]["print_page"]["scores"].update(
        performance=BUDGETS["lighthouse"]["print_page_min_score"]["performance"] - 1), "performance >= 40 on the print page"),
    (lambda r: r["lighthouse"]["print_page"]["scores"].update({"best-practices": 96}), "best-practices >= 100 on the print page"),
])
def test_fault_each_budget_missed_is_a_failure(change, budget):
    missed = over(change)
    assert len(missed) == 1 and budget in missed[0], missed


def test_fault_lighthouse_score_below_budget_names_page_and_audit():
    def lower(report):
        row = report["lighthouse"]["pages"][0]
        row["scores"]["performance"] = 10
        row["failing"] = {"performance": [{"id": "total-blocking-time"}]}
        report["lighthouse"]["min_scores"]["performance"] = 10
    report = copy.deepcopy(WITHIN)
    lower(report)
    results = [r for r in check_budgets(BUDGETS, report) if r["status"] == "FAIL"]
    assert len(results) == 1 and "index.md 10" in results[0]["detail"] and "total-blocking-time" in results[0]["detail"], results


def test_search_index_weight_with_and_without_search_terms():
    docs = [{"location": "a/", "title": "Tumour", "text": "<p>A tumour.</p> <span hidden data-search-terms=\"\">tumor</span>"}]
    body = json.dumps({"config": {}, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode()
    weight = search_index_weight(body)
    assert weight["without_search_terms_gzip_bytes"] < weight["gzip_bytes"] and weight["search_terms_growth_ratio"] > 1, weight


def test_every_feature_can_still_be_switched_off_in_mkdocs_yml():
    """--feature-costs removes each feature's entries from a copy of mkdocs.yml; each must be found."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for feature in features.FEATURES:
        if feature.config_off:
            without = features.config_without(text, feature)
            assert len(without) < len(text), feature.name
    print_site = next(f for f in features.FEATURES if f.name.startswith("Print page"))
    without = features.config_without(text, print_site)
    assert "  - print-site:" not in without and "add_cover_page" not in without and "- hooks/print_page_assets.py" not in without
    assert "  - offline:" in without and "hooks:" in without, "only the print-site entry is removed"


def test_fault_feature_missing_from_mkdocs_yml_is_named():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/claims.py\n", "")
    claims = next(f for f in features.FEATURES if "claims.py" in f.name)
    with pytest.raises(ValueError, match="Claims and evidence page .* no longer matches .*update benchmarks/features.py"):
        features.config_without(text, claims)

