"""The search index's weight, with and without the words data/search-terms.yml adds to it."""

from __future__ import annotations

import json

from .common import gz_size

# The one reader of data/search-terms.yml, shared with hooks/search_terms.py, which
# adds its terms to the index: it knows how they are marked, and so how to take them out.
from sitecheck.data import search_terms as _search_terms


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
