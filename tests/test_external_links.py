"""Links out, in the pages and in the bibliography, are well-formed https:// and never to advertising (offline check).

Whether they still answer is checked by `make linkcheck`, which needs the network.
"""

import re

import pytest

import check_external_links
from conftest import line_of, messages, report
from sitecheck import external_links
from sitecheck.data import references

PAGE = "docs/about/index.md"
BIBLIOGRAPHY = "data/references.yml"
EPAR = "https://www.ema.europa.eu/en/medicines/human/EPAR/imlygic"
MARKDOWN_LINK_OUT = re.compile(r"\]\((https?://[^)\s]+)\)")


def test_external_links_are_https_and_not_advertising(project):
    report(external_links.check(project))


def test_the_rule_judges_every_link_out_of_the_pages_and_the_bibliography(project):
    """The check above is only as good as what it reads: every Markdown link to a web address
    in docs/ and every source's url, not only the few addresses the pages write."""
    in_pages = {(page.source, address) for page in project.pages for address in MARKDOWN_LINK_OUT.findall(page.text)}
    judged = {(page.source, address) for page, _, address in external_links.addresses(project)}
    assert in_pages and in_pages <= judged, sorted(in_pages - judged)
    urls = [source.fields["url"] for source in references.read(project.root).sources if "url" in source.fields]
    assert sorted(address for _, address in external_links.bibliography_addresses(project)) == sorted(urls)


PAGE_FAULTS = {
    "plain-http": ("See [the agency](http://www.ema.europa.eu/).", "is not https://"),
    "article-publisher": ("See [a report](https://www.delveinsight.com/report-store/imlygic).", "advertising or a paid report"),
}


@pytest.mark.parametrize("added, expected", PAGE_FAULTS.values(), ids=PAGE_FAULTS.keys())
def test_fault_page_link(broken, added, expected):
    broken.append(PAGE, added)
    found = messages(external_links.check(broken.project))
    assert f"{PAGE}:" in found and expected in found, found


# A source's address, changed the way a pull request might: (new address, what the check says).
BIBLIOGRAPHY_FAULTS = {
    "plain-http": ("http://www.ema.europa.eu/en/medicines/human/EPAR/imlygic", "is not https://; use the https:// address of the same page"),
    "blocked-host": ("https://www.delveinsight.com/report-store/imlygic-market-size", "links to advertising or a paid report; cite a primary source instead"),
    "malformed": ("https:/www.ema.europa.eu/en/medicines/human/EPAR/imlygic", "is not a well-formed web address"),
}


@pytest.mark.parametrize("address, expected", BIBLIOGRAPHY_FAULTS.values(), ids=BIBLIOGRAPHY_FAULTS.keys())
def test_fault_bibliography_address(broken, address, expected):
    broken.replace(BIBLIOGRAPHY, f'url: "{EPAR}"', f'url: "{address}"')
    line = line_of(broken.project, BIBLIOGRAPHY, address)
    found = messages(external_links.check(broken.project))
    assert f"{BIBLIOGRAPHY}:{line}: '{address}' {expected}" in found, found


def test_link_check_asks_every_bibliography_address_and_doi(project):
    """What `make linkcheck` would ask (it is never run here: it needs the network)."""
    found = check_external_links.targets(project)
    sources = references.read(project.root).sources
    urls = {source["url"] for source in sources if source.get("url")}
    dois = {f"https://doi.org/{source['doi']}" for source in sources if source.get("doi")}
    assert urls and dois
    assert urls <= set(found), sorted(urls - set(found))
    assert dois <= set(found), sorted(dois - set(found))
    epar_line = line_of(project, BIBLIOGRAPHY, f'url: "{EPAR}"')
    assert f"{BIBLIOGRAPHY}:{epar_line}" in found[EPAR], found[EPAR]
    assert {address for _, _, address in external_links.addresses(project)} <= set(found), "the page addresses are still asked"
