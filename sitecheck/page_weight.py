"""A page downloads only what it uses (the page-weight budget of benchmarks/budgets.json).

- The print-site plugin's stylesheets and script style the print page only;
  any other page that loads them pays three requests for nothing
  (hooks/print_page_assets.py removes them).
- A page's footnotes repeat the references page; the search index that every
  reader downloads holds them once, on the references page
  (hooks/search_scope.py keeps the rest out).
"""

from __future__ import annotations

import json
import re

from .built_site import BuiltSite, PRINT_PAGE, url_path
from .project import Problem

PRINT_ONLY_ASSET = re.compile(r"(css/print-site[^/\"']*\.css|js/print-site\.js)$")
SEARCH_INDEX = "search/search_index.json"
# The page whose job is to be searched for sources.
REFERENCES_LOCATION = "references/"
TAG = re.compile(r"<[^>]+>")


def _words(text: str) -> str:
    return " ".join(TAG.sub(" ", text).split())


def check_site(site: BuiltSite) -> list[Problem]:
    problems = []
    index = json.loads((site.root / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    indexed: dict[str, str] = {}
    for entry in index:
        location = entry["location"].split("#")[0]
        indexed[location] = indexed.get(location, "") + " " + _words(entry["text"])

    for page, soup in site.pages():
        assets = [tag.get("href") or tag.get("src") for tag in soup.select("link[href], script[src]")]
        for asset in assets:
            if PRINT_ONLY_ASSET.search(asset or ""):
                problems.append(Problem(page.source, None,
                    f"the page loads {asset!r}, which only the print page uses; "
                    "hooks/print_page_assets.py should remove it (is it listed under hooks: in mkdocs.yml?)"))

        location = url_path(page.path)  # the search index's "location"
        if location == REFERENCES_LOCATION:
            continue
        for note in soup.select("div.footnote li"):
            words = _words(note.decode_contents()).replace("↩", "").split()[:8]
            if len(words) >= 4 and " ".join(words) in indexed.get(location, ""):
                problems.append(Problem(page.source, page.line_of(f"[^{note.get('id', '').split(':')[-1]}]:"),
                    f"its footnote '{' '.join(words)} ...' is in the search index; footnotes are left out "
                    "(hooks/search_scope.py), the references page holds each source once"))
                break

    if (site.root / PRINT_PAGE).exists():
        soup = site.soup(PRINT_PAGE)
        if not any(PRINT_ONLY_ASSET.search(tag.get("href") or tag.get("src") or "") for tag in soup.select("link, script")):
            problems.append(Problem("mkdocs.yml", None, "the print page no longer loads print-site's stylesheets and script"))
    return problems
