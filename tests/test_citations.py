"""Footnotes are defined and used, figures are cited, sources are listed with a DOI or URL."""

from conftest import messages, report
from sitecheck import citations

PAGE = "docs/about/index.md"
CITATION = "See [US label](../references.md#us-label)."


def test_every_claim_is_cited_and_every_source_listed(project):
    report(citations.check(project))


def test_fault_footnote_used_but_not_defined(broken):
    broken.append(PAGE, "Most patients had fever.[^nowhere]")
    found = messages(citations.check(broken.project))
    assert f"{PAGE}:" in found and "[^nowhere] is used but never defined" in found, found


def test_fault_footnote_defined_but_not_used(broken):
    broken.append(PAGE, f"[^spare]: IMLYGIC US Prescribing Information. {CITATION}")
    found = messages(citations.check(broken.project))
    assert f"{PAGE}:" in found and "[^spare] is defined but never used" in found, found


def test_fault_number_without_citation(broken):
    # A page with no footnote at all that states a percentage.
    broken.write("docs/uncited.md", "---\ntitle: Uncited\ndescription: A page with a figure and no source at all.\nlast_reviewed: 2026-11-30\n---\n\nAbout 42% of patients responded.\n")
    found = messages(citations.check(broken.project))
    assert "docs/uncited.md:7: the page states a figure ('42%') but cites no source; add a footnote [^label] naming where the figure comes from" in found, found


def test_fault_footnote_cites_source_missing_from_references(broken):
    broken.append(PAGE, "Fever was common.[^ghost]\n\n[^ghost]: A paper. See [Ghost 2020](../references.md#ghost-2020).")
    found = messages(citations.check(broken.project))
    assert f"{PAGE}:" in found and "cites 'ghost-2020', which is not in data/references.yml" in found, found


def test_fault_footnote_without_link_to_references(broken):
    broken.append(PAGE, "Fever was common.[^loose]\n\n[^loose]: Somebody said so.")
    found = messages(citations.check(broken.project))
    assert f"{PAGE}:" in found and "[^loose] does not link to its source" in found, found


# The bibliography's own rules (fields, type, DOI, address, unique keys) are tested
# on small files in test_bibliography.py; here, that this rule reports them.
def test_fault_two_sources_with_one_key(broken):
    broken.replace("data/references.yml", "  - id: regulatory\n    title: Regulatory documents\n    entries:\n", "  - id: regulatory\n    title: Regulatory documents\n    entries:\n      - key: andtbacka-2015\n        type: webpage\n        title: Another source under a key already used\n        url: https://example.org/duplicate\n")
    found = messages(citations.check(broken.project))
    assert "data/references.yml:" in found and "source key 'andtbacka-2015' is already used at line" in found, found


def test_fault_source_cited_by_no_page(broken):
    broken.replace("data/references.yml", "  - id: regulatory\n    title: Regulatory documents\n    entries:\n", "  - id: regulatory\n    title: Regulatory documents\n    entries:\n      - key: orphan-2020\n        type: webpage\n        title: A source nobody cites\n        url: https://example.org/orphan\n")
    found = messages(citations.check(broken.project))
    assert "data/references.yml:" in found and "source 'orphan-2020' is cited by no page" in found, found
