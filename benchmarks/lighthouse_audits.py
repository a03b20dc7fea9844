"""What one Lighthouse report (its JSON, "lhr") says about one page: scores, metrics, and why."""

from __future__ import annotations

from . import ROOT

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def failing_audits(lhr: dict, category: str) -> list[dict]:
    """The audits that cost the category points (weight > 0, score below 1)."""
    found = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"].get(ref["id"], {})
        if ref.get("weight", 0) <= 0 or audit.get("score") is None or audit["score"] >= 1:
            continue
        items = (audit.get("details") or {}).get("items") or []
        examples = [example for example in map(_example, items[:3]) if example]
        found.append({
            "id": ref["id"],
            "title": audit.get("title"),
            "score": audit["score"],
            "weight": ref["weight"],
            "display_value": audit.get("displayValue"),
            "examples": examples,
        })
    return found


def _example(item) -> str | None:
    """Where an audit item points: an element, a URL or a source."""
    if not isinstance(item, dict):
        return None
    node = item.get("node")
    if node:
        return node.get("selector") or node.get("snippet")
    if item.get("url"):
        return item["url"]
    if item.get("source"):
        return str(item["source"])
    return None


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


def sample(lhr: dict, file, origin: str, retries: list[str]) -> dict:
    """One run on one page: its scores, metrics, other hosts asked, and what cost points."""
    audits = lhr["audits"]
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items") or []
    return {
        "file": str(file.relative_to(ROOT)),
        "scores": {name: round((lhr["categories"][name]["score"] or 0) * 100) for name in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
        "tbt_ms": audits["total-blocking-time"].get("numericValue"),
        "cls": audits["cumulative-layout-shift"].get("numericValue"),
        "fcp_ms": audits["first-contentful-paint"].get("numericValue"),
        "third_party_requests": [item["url"] for item in requests
                                 if not item["url"].startswith((origin + "/", "data:", "blob:"))],
        "failing": {name: failing_audits(lhr, name) for name in CATEGORIES},
        "diagnostics": performance_diagnostics(lhr),
        # Audits Lighthouse could not compute (none of them is weighted in a score).
        "errored_audits": sorted(key for key, audit in audits.items() if audit.get("scoreDisplayMode") == "error"),
        "warnings": lhr.get("runWarnings", []),
        "retried_after": retries,
    }
