"""Pages download only what they use: print-site assets on the print page, footnotes out of search.

The fault tests feed the check pages of the real build with one thing broken
(conftest.BrokenSite), as they would be built without the hook that prevents it.
"""

import json

from bs4 import BeautifulSoup

from conftest import line_of, report
from sitecheck import page_weight

OPTIM = "clinical-trials/optim/index.html"


def test_pages_load_only_what_they_use(site):
    report(page_weight.check_site(site))


def test_fault_print_site_assets_on_another_page(project, broken_site):
    """What hooks/print_page_assets.py removes from every page but the print page."""
    broken_site.copy(page_weight.SEARCH_INDEX)
    print_assets = [BeautifulSoup(tag, "html.parser") for tag in (
        '<link rel="stylesheet" href="../css/print-site.css">',
        '<link rel="stylesheet" href="../css/print-site-material.css">',
        '<script src="../js/print-site.js"></script>',
    )]
    broken_site.edit("advantages/index.html", lambda soup: soup.head.extend(print_assets))
    advice = "which only the print page uses; hooks/print_page_assets.py should remove it (is it listed under hooks: in mkdocs.yml?)"
    assert broken_site.found_by(page_weight.check_site, project) == [
        f"docs/advantages.md: the page loads '../css/print-site-material.css', {advice}",
        f"docs/advantages.md: the page loads '../css/print-site.css', {advice}",
        f"docs/advantages.md: the page loads '../js/print-site.js', {advice}",
    ]


def test_fault_footnotes_in_search_index(project, broken_site):
    """What hooks/search_scope.py keeps out of the index: here the page's first footnote is put back in."""
    broken_site.copy(OPTIM, page_weight.SEARCH_INDEX)
    index_path = broken_site.root / page_weight.SEARCH_INDEX
    index = json.loads(index_path.read_text(encoding="utf-8"))
    note = BeautifulSoup((broken_site.root / OPTIM).read_text(encoding="utf-8"), "html.parser").select_one("div.footnote li")
    next(doc for doc in index["docs"] if doc["location"] == "clinical-trials/optim/")["text"] += note.decode_contents()
    index_path.write_text(json.dumps(index), encoding="utf-8")
    line = line_of(project, "docs/clinical-trials/optim.md", "[^optim-ctgov]:")
    assert broken_site.found_by(page_weight.check_site, project) == [
        f"docs/clinical-trials/optim.md:{line}: its footnote 'ClinicalTrials.gov record NCT00769704 ( OPTiM ). See ClinicalTrials.gov ...' "
        "is in the search index; footnotes are left out (hooks/search_scope.py), the references page holds each source once"
    ]
