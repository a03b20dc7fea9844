"""Pages download only what they use: print-site assets on the print page, footnotes out of search."""

from conftest import messages, report
from sitecheck import page_weight


def test_pages_load_only_what_they_use(site):
    report(page_weight.check(site))


def test_fault_print_site_assets_on_every_page(broken):
    broken.replace("mkdocs.yml", "  - hooks/print_page_assets.py\n", "")
    found = messages(page_weight.check(broken.built_site()))
    assert "docs/advantages.md: the page loads '../css/print-site.css', which only the print page uses" in found, found
    assert "js/print-site.js" in found, found


def test_fault_footnotes_in_search_index(broken):
    broken.replace("mkdocs.yml", "  - hooks/search_scope.py\n", "")
    found = messages(page_weight.check(broken.built_site()))
    assert "docs/clinical-trials/optim.md:" in found and "is in the search index; footnotes are left out" in found, found
    assert "docs/references.md" not in found, found
