"""Search finds what a reader types: the first result is the page that answers it.

Typed into Material's real search box in Chromium; the results are read as
rendered. Search is configured in mkdocs.yml (plugins: search), through
`search: boost` in a few pages' front-matter, and by data/search-terms.yml
(hooks/search_terms.py), which makes every form of a word find the same page.
"""

import urllib.parse

import pytest

from sitecheck.built_site import url_path

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
    # --- the other form of a word the site uses (data/search-terms.yml, hooks/search_terms.py) ---
    # US and UK spellings
    ("tumour", "clinical-trials/other-settings.md"),
    ("tumor", "clinical-trials/other-settings.md"),
    ("haemorrhage", "clinical-use/safety.md"),
    ("hemorrhage", "clinical-use/safety.md"),
    ("aciclovir", "clinical-use/index.md"),
    ("acyclovir", "clinical-use/index.md"),
    ("randomised", "future-directions.md"),
    ("randomized", "future-directions.md"),
    ("leukaemia", "clinical-use/index.md"),
    ("leukemia", "clinical-use/index.md"),
    ("anaesthetic", "patients/treatment-visit.md"),
    ("anesthetic", "patients/treatment-visit.md"),
    # written forms of an abbreviation
    ("TVEC", "imlygic/index.md"),
    ("GMCSF", "mechanism-of-action.md"),
    ("HSV1", "imlygic/index.md"),
    ("PD-1", "clinical-trials/combination-trials.md"),
    ("PD1", "clinical-trials/combination-trials.md"),
    ("MASTERKEY265", "clinical-trials/combination-trials.md"),
    # brand, generic and code names
    ("OncoVEX", "imlygic/index.md"),
    ("TUDRIQEV", "future-directions.md"),
    ("vusolimogene", "future-directions.md"),
    ("pembrolizumab", "clinical-trials/combination-trials.md"),
    ("Keytruda", "clinical-trials/combination-trials.md"),
    ("nivolumab", "clinical-use/treatment-options.md"),
    ("Opdivo", "clinical-use/treatment-options.md"),
    ("ipilimumab", "clinical-trials/combination-trials.md"),
    ("Yervoy", "clinical-trials/combination-trials.md"),
    ("Delytact", "future-directions.md"),
    ("teserpaturev", "future-directions.md"),
    ("Oncorine", "oncolytic-virus-therapy/approved-products.md"),
    ("H101", "oncolytic-virus-therapy/approved-products.md"),
    ("Adstiladrin", "oncolytic-virus-therapy/approved-products.md"),
    ("nadofaragene", "oncolytic-virus-therapy/approved-products.md"),
    ("ECHO-7", "oncolytic-virus-therapy/approved-products.md"),
    ("cemiplimab", "future-directions.md"),
    ("Libtayo", "future-directions.md"),
    ("Pexa-Vec", "future-directions.md"),
    ("JX-594", "future-directions.md"),
    # lay and clinical words
    ("adverse events", "clinical-use/safety.md"),
    ("adverse reactions", "clinical-use/safety.md"),
    ("cold sore", "patients/at-home.md"),
    ("oral herpes", "patients/at-home.md"),
    ("fever", "clinical-use/safety.md"),
    ("pyrexia", "clinical-use/safety.md"),
    ("tiredness", "clinical-use/safety.md"),
    ("fatigue", "clinical-use/safety.md"),
    ("contraindications", "clinical-use/index.md"),
    ("breastfeeding", "patients/at-home.md"),
    ("lactation", "patients/at-home.md"),
    # pages for patients, treatment today, and cost
    ("treatment visit", "patients/treatment-visit.md"),
    ("dressing", "patients/at-home.md"),
    ("questions to ask", "patients/questions-to-ask.md"),
    ("guidelines", "clinical-use/place-in-treatment.md"),
    ("NICE", "clinical-use/place-in-treatment.md"),
    ("cost", "clinical-use/cost-and-access.md"),
    ("price", "clinical-use/cost-and-access.md"),
]

# Forms a reader may type for one thing: each must find the same first page (both directions).
SAME_THING = [
    ("tumour", "tumor"), ("haemorrhage", "hemorrhage"), ("aciclovir", "acyclovir"), ("randomised", "randomized"),
    ("leukaemia", "leukemia"), ("anaesthetic", "anesthetic"), ("T-VEC", "TVEC", "IMLYGIC", "talimogene", "OncoVEX"), ("GM-CSF", "GMCSF"),
    ("HSV-1", "HSV1"), ("PD-1", "PD1"), ("MASTERKEY-265", "MASTERKEY265"), ("TUDRIQEV", "vusolimogene", "RP1"),
    ("pembrolizumab", "Keytruda"), ("nivolumab", "Opdivo"), ("ipilimumab", "Yervoy"), ("Delytact", "teserpaturev"),
    ("Oncorine", "H101"), ("Adstiladrin", "nadofaragene"), ("Rigvir", "ECHO-7"), ("cemiplimab", "Libtayo"),
    ("Pexa-Vec", "JX-594"),
    ("side effects", "adverse events", "adverse reactions"), ("cold sore", "oral herpes"), ("fever", "pyrexia"),
    ("tiredness", "fatigue"), ("breastfeeding", "lactation"),
]


def test_the_query_table_expects_one_page_for_every_form_of_a_word():
    """A specification check, no browser: forms of one thing must share their expected first page."""
    expected = dict(QUERIES)
    for forms in SAME_THING:
        pages = {form: expected[form] for form in forms}
        assert len(set(pages.values())) == 1, pages
    from conftest import ROOT
    from sitecheck.data import search_terms as _search_terms

    groups = _search_terms.parse((ROOT / _search_terms.DATA).read_text(encoding="utf-8"))
    kinds = {group.kind for group in groups for forms in SAME_THING if sum(t.text in forms for t in group.terms) >= 2}
    assert kinds == set(_search_terms.KINDS), f"the table tests no pair of forms of kind {set(_search_terms.KINDS) - kinds}"


def first_result(page, query: str) -> str:
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
    return urllib.parse.urlsplit(base_url).path + url_path(source)


def test_search_finds_each_query_on_the_right_page(browser_page, served_site):
    browser_page.goto(served_site)
    wrong = []
    for query, source in QUERIES:
        found = first_result(browser_page, query)
        if found != expected_path(served_site, source):
            wrong.append(f"search for {query!r}: first result is {found}, expected docs/{source}")
    assert not wrong, "\n".join(wrong)
