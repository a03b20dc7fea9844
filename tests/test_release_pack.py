"""The release pack (make release-pack): a PDF of the pages for patients and carers, printed by Chromium."""

import re

import pytest

import patients_pdf  # scripts/patients_pdf.py
from sitecheck import build as build_check

pytestmark = pytest.mark.browser


def test_the_patients_section_is_printed_in_navigation_order(project):
    pages = patients_pdf.patient_pages(project, project.root / "no-such-site")
    assert pages[0] == "patients/index.html" and len(pages) == 4, pages


def test_pdf_of_the_patients_pages(chromium, project, tmp_path):
    """From the offline copy, as the release workflow does; every page of the section starts a new sheet."""
    result = build_check.build(project.root, tmp_path / "offline", strict=True, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.output
    output = tmp_path / "dist" / "patients.pdf"
    count = patients_pdf.make_pdf(result.site_dir, output, project, browser=chromium)
    body = output.read_bytes()
    sheets = len(re.findall(rb"/Type\s*/Page[^s]", body))
    assert body.startswith(b"%PDF-") and count == 4 and sheets >= count, (count, sheets)
