"""Review dates: pages past their next_review date are reported as warnings, never failures."""

import datetime

import pytest

from sitecheck import review


def test_pages_due_for_review_are_warned_about(project):
    """Shows a warning in the test summary for each page due; never fails."""
    review.warn_about_due_pages(project)


def test_fault_overdue_page_is_listed_and_warned(broken):
    broken.set_front_matter("docs/glossary.md", "next_review", "2026-12-01")
    later = datetime.date(2027, 1, 1)
    assert review.due(broken.project, today=later)[0][:1] == ("docs/glossary.md",)
    with pytest.warns(UserWarning, match=r"docs/glossary.md: due for review since 2026-12-01"):
        assert review.warn_about_due_pages(broken.project, today=later) >= 1


def test_review_due_command_lists_overdue_pages(broken, capsys):
    import review_due  # scripts/review_due.py

    broken.set_front_matter("docs/glossary.md", "next_review", "2026-12-01")
    assert review_due.main(["--root", str(broken.root), "--today", "2027-01-01"]) == 0
    assert "docs/glossary.md" in capsys.readouterr().out
