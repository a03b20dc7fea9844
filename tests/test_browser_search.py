"""Search finds what a reader types: the first result is the page that answers it.

Typed into Material's real search box in Chromium; the results are read as
rendered. Search is configured in mkdocs.yml (plugins: search) and through
`search: boost` in a few pages' front-matter.
"""

import urllib.parse

import pytest

pytestmark = pytest.mark.browser

# (what a reader types, the page that must come first)
QUERIES = [
    # brand and generic names
    ("IMLYGIC", "imlygic/index.md"),
    ("talimogene", "imlygic/index.md"),
    ("T-VEC", "imlygic/index.md"),
    # hyphenated and dotted terms
    ("GM-CSF", "mechanism-of-action.md"),
    ("HSV-1", "imlygic/index.md"),
    ("ICP34.5", "mechanism-of-action.md"),
    ("ICP47", "mechanism-of-action.md"),
    # trial names
    ("OPTiM", "clinical-trials/optim.md"),
    ("MASTERKEY-265", "clinical-trials/combination-trials.md"),
    # lower-case and partial typing
    ("gm-csf", "mechanism-of-action.md"),
    ("optim", "clinical-trials/optim.md"),
    ("pembro", "clinical-trials/combination-trials.md"),
    ("neoadj", "clinical-trials/other-settings.md"),
    # key words of plain-language questions
    ("side effects", "clinical-use/safety.md"),
    ("dose", "clinical-use/dosing-and-administration.md"),
    ("pregnancy", "clinical-use/safety.md"),
    ("survival", "challenges-and-limitations.md"),
    ("how does it work", "mechanism-of-action.md"),
    ("approved products", "oncolytic-virus-therapy/approved-products.md"),
    # other topics a reader looks for
    ("Rigvir", "oncolytic-virus-therapy/approved-products.md"),
    ("RP1", "future-directions.md"),
    ("EU indication", "imlygic/approvals-and-indications.md"),
    ("medical disclaimer", "about/index.md"),
    # a term that only the glossary explains
    ("fusogenic", "glossary.md"),
    # an author, found on the references page (footnotes are not indexed: hooks/search_scope.py)
    ("Chesney", "references.md"),
]


def first_result(page, base_url: str, query: str) -> str:
    """Type ``query`` into the search box and return the first result's page path."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    # Results arrive from a web worker, in steps while the reader types:
    # read the first result until it stays the same for a moment.
    first = page.locator(".md-search-result__item > a").first
    previous = None
    for _ in range(40):
        page.wait_for_timeout(150)
        current = first.get_attribute("href", timeout=5_000) if first.count() else None
        if current is not None and current == previous:
            return urllib.parse.urlsplit(current).path
        previous = current
    return f"(no stable result; last seen {previous})"


def expected_path(base_url: str, source: str) -> str:
    from sitecheck.built_site import html_path

    built = html_path(source)
    return urllib.parse.urlsplit(base_url).path + built.removesuffix("index.html")


def test_search_finds_each_query_on_the_right_page(browser_page, served_site):
    browser_page.goto(served_site)
    wrong = []
    for query, source in QUERIES:
        found = first_result(browser_page, served_site, query)
        if found != expected_path(served_site, source):
            wrong.append(f"search for {query!r}: first result is {found}, expected docs/{source}")
    assert len(QUERIES) >= 20
    assert not wrong, "\n".join(wrong)
