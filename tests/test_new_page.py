"""The new-page command makes a page that passes every check, in the right place in the nav."""

import datetime

import pytest

import new_page  # scripts/new_page.py
from conftest import report
from sitecheck import build as build_check
from sitecheck import citations, front_matter, glossary, navigation, summaries

TODAY = datetime.date(2026, 11, 30)


def test_new_page_in_a_section_passes_every_check(broken):
    before = (broken.root / "mkdocs.yml").read_text().splitlines()
    last_in_section = max(i for i, line in enumerate(before) if "clinical-trials/" in line and line.lstrip().startswith("- "))
    assert new_page.main(["clinical-trials/new-trial.md", "New trial: design and results", "--root", str(broken.root), "--today", "2026-11-30"]) == 0
    page = broken.root / "docs/clinical-trials/new-trial.md"
    assert "last_reviewed: 2026-11-30" in page.read_text() and "next_review: 2027-11-30" in page.read_text()
    after = (broken.root / "mkdocs.yml").read_text().splitlines()
    # placed right after the section's last page, at the same indentation
    assert after[last_in_section + 1] == '      - "New trial: design and results": clinical-trials/new-trial.md'
    assert after[: last_in_section + 1] == before[: last_in_section + 1]
    project = broken.project
    report(front_matter.check(project) + navigation.check(project) + citations.check(project) + glossary.check(project) + summaries.check(project))
    result = broken.build(strict=True)
    report(build_check.check(project, result))


def test_new_top_level_page_goes_before_the_glossary(broken):
    assert new_page.main(["patient-questions.md", "Patient questions", "--root", str(broken.root)]) == 0
    config = (broken.root / "mkdocs.yml").read_text()
    assert '  - "Patient questions": patient-questions.md\n  - Glossary: glossary.md' in config
    report(navigation.check(broken.project))


@pytest.mark.parametrize(
    ("page", "title", "expected"),
    [
        ("clinical-trials/optim.md", "OPTiM again", "already exists"),
        ("Clinical Trials/New Trial.md", "New trial", "is not a page path"),
        ("clinical-trials/new-trial.md", "", "give the page a TITLE"),
    ],
    ids=["existing-page", "bad-path", "no-title"],
)
def test_fault_new_page_refuses_bad_input(broken, capsys, page, title, expected):
    before = (broken.root / "mkdocs.yml").read_text()
    assert new_page.main([page, title, "--root", str(broken.root)]) == 2
    assert expected in capsys.readouterr().err
    assert (broken.root / "mkdocs.yml").read_text() == before
