"""The release pack (make release-pack): a PDF of the pages for patients and carers, printed by Chromium."""

import re

import pytest

import patients_pdf  # scripts/patients_pdf.py

pytestmark = pytest.mark.browser


def test_the_patients_section_is_printed_in_navigation_order(project):
    pages = patients_pdf.patient_pages(project, project.root / "no-such-site")
    assert pages[0] == "patients/index.html" and len(pages) == 4, pages


def test_pdf_of_the_patients_pages(chromium, project, offline_site, tmp_path):
    """From the offline copy, as the release workflow does; every page of the section starts a new sheet."""
    output = tmp_path / "dist" / "patients.pdf"
    count = patients_pdf.make_pdf(offline_site, output, project, browser=chromium)
    body = output.read_bytes()
    sheets = len(re.findall(rb"/Type\s*/Page[^s]", body))
    assert body.startswith(b"%PDF-") and count == 4 and sheets >= count, (count, sheets)
