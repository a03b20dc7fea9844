"""Pages for patients and carers (front-matter 'audience: patients') read at grade 8 or below."""

import pytest

from conftest import messages, report
from sitecheck import readability
from sitecheck.project import Page

PAGE = "docs/patients/at-home.md"
HEADER = "---\ntitle: A page\ndescription: A page for the test.\nlast_reviewed: 2026-12-04\nnext_review: 2027-12-04\n{extra}---\n\n"
HARD = (
    "Immunocompromised individuals and pregnant healthcare personnel should categorically avoid "
    "manipulating occlusive dressings contaminated with replication-competent attenuated herpesvirus."
)
EASY = "Keep the dressing on for a week. Put old dressings in a bag. Wash your hands after you touch them."


def page(body: str, extra: str = "audience: patients\n", path: str = "patients/example.md") -> Page:
    return Page(path, HEADER.format(extra=extra) + body)


def test_pages_for_patients_read_at_grade_8_or_below(project):
    report(readability.check(project))


def test_the_patients_section_is_checked(project):
    checked = [page.path for page in project.pages if readability.is_for_patients(page)]
    assert checked and all(path.startswith("patients/") for path in checked), checked


def test_grades_of_pages_for_patients(project, record_property):
    """Each page's grade goes into the JUnit report (pytest --junitxml), for editors who track reading levels."""
    for source, grade in readability.report(project):
        record_property(source, grade)
        assert grade <= readability.MAX_GRADE


def test_fault_hard_paragraph(broken):
    text = (broken.root / PAGE).read_text(encoding="utf-8")
    broken.write(PAGE, text + "\n" + HARD + "\n")
    found = messages(readability.check(broken.project))
    line = len(text.splitlines()) + 2
    assert f"{PAGE}:{line}: this paragraph reads at Flesch-Kincaid grade" in found and "above the limit of 8" in found, found


def test_fault_hard_list_item():
    problems = readability._check_page(page(f"{EASY}\n\n- {HARD}\n- Call us.\n"))
    assert [problem.line for problem in problems if "this paragraph" in problem.message] == [11], problems


def test_fault_hard_page_made_of_short_items():
    """Items too short to judge one by one still count towards the whole page."""
    items = "".join(f"- Immunosuppressive glucocorticoid pharmacotherapy considerations number {n}.\n" for n in range(6))
    found = messages(readability._check_page(page(items)))
    assert "the page as a whole reads at Flesch-Kincaid grade" in found and "this paragraph" not in found, found


def test_fault_patients_page_without_audience(broken):
    broken.write("docs/patients/new.md", HEADER.format(extra="") + EASY + "\n")
    found = messages(readability.check(broken.project))
    assert "docs/patients/new.md:1: pages under docs/patients/ are written for patients and carers; add 'audience: patients'" in found, found


def test_plain_page_passes_and_other_pages_are_not_checked():
    assert readability._check_page(page(f"{EASY}\n\n- {EASY}\n")) == []
    assert readability._check_page(page(HARD + "\n", extra="", path="clinical-trials/optim.md")) == []


@pytest.mark.parametrize("markup", [
    "A [dressing](at-home.md) is a cover.[^label] It keeps the **virus** in. { #dressing }",
    "!!! warning \"Get help now\"\n\n    A dressing is a cover. It keeps the virus in.",
    "| When | What |\n|---|---|\n| Day one | A dressing is a cover. It keeps the virus in. |",
])
def test_blocks_read_what_a_reader_sees(markup):
    texts = [text for _, text in readability.blocks(page(markup + "\n\n[^label]: Source. See [x](../references.md#x).\n"))]
    assert any("A dressing is a cover" in text and "It keeps the" in text for text in texts), texts
    assert not any(mark in text for text in texts for mark in ("[", "](", "**", "{", "|", "!!!", "Source.")), texts
