"""Every abbreviation has a tooltip and a glossary entry, and every entry is used."""

import pytest

from conftest import messages, report
from sitecheck import glossary

PAGE = "docs/about/index.md"


def test_abbreviations_are_defined_explained_and_used(project):
    report(glossary.check(project))


def test_fault_undefined_abbreviation(broken):
    broken.append(PAGE, "The XYZQ trial is not real.")
    found = messages(glossary.check(broken.project))
    assert f"{PAGE}:" in found and "'XYZQ' is not in includes/abbreviations.md" in found, found


def test_fault_abbreviation_missing_from_glossary_page(broken):
    broken.append("includes/abbreviations.md", "*[QQX]: A made-up abbreviation")
    broken.append(PAGE, "The QQX group.")
    found = messages(glossary.check(broken.project))
    assert "includes/abbreviations.md:" in found and "'QQX' has a tooltip but no entry on docs/glossary.md" in found, found


def test_fault_unused_abbreviation(broken):
    broken.append("includes/abbreviations.md", "*[ZZQ]: A made-up abbreviation")
    broken.append("docs/glossary.md", "ZZQ\n:   A made-up abbreviation.")
    found = messages(glossary.check(broken.project))
    assert "'ZZQ' is defined but no page uses it" in found, found


@pytest.mark.parametrize("token", ["GM-CSF", "HSV-1", "ICP34.5", "IVM1a", "pCR", "SmPC", "DRR"])
def test_abbreviation_shapes_are_recognised(token):
    assert glossary.looks_like_abbreviation(token)


@pytest.mark.parametrize("token", ["III", "NCT00769704", "McGrath", "Phase", "BioVex", "mL"])
def test_ordinary_words_are_not_abbreviations(token):
    assert not glossary.looks_like_abbreviation(token)


def test_fault_undefined_abbreviation_in_an_included_file(broken):
    broken.append("CONTRIBUTING.md", "Ask the QXZW team.")
    found = messages(glossary.check(broken.project))
    assert "CONTRIBUTING.md:" in found and "'QXZW' is not in includes/abbreviations.md" in found, found
