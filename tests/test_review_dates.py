"""Review dates: pages past their next_review date are listed after every test run, never failed.

The list itself is a section of the test summary (pytest_terminal_summary in conftest.py).
"""

import datetime

from conftest import summarize_due_pages
from sitecheck import review

LATER = datetime.date(2027, 1, 1)
REMINDER = "docs/glossary.md: due for review since 2026-12-01 (last reviewed {}); check it against its sources and update both dates"


class Reporter:
    """What the summary writes, as pytest's terminal reporter would show it."""

    def __init__(self):
        self.lines = []

    def section(self, title, **markup):
        self.lines.append(f"--- {title}")

    def line(self, text, **markup):
        self.lines.append(text)


def test_overdue_page_is_listed_with_its_dates(broken):
    broken.set_front_matter("docs/glossary.md", "next_review", "2026-12-01")
    last = broken.project.page("glossary.md").meta["last_reviewed"]
    assert review.due(broken.project, today=LATER)[0] == ("docs/glossary.md", last, "2026-12-01")
    assert REMINDER.format(last) in review.reminders(broken.project, today=LATER)


def test_a_page_is_due_on_its_date_and_not_the_day_before(broken):
    broken.set_front_matter("docs/glossary.md", "next_review", "2026-12-01")
    on_the_day = [row[0] for row in review.due(broken.project, today=datetime.date(2026, 12, 1))]
    the_day_before = [row[0] for row in review.due(broken.project, today=datetime.date(2026, 11, 30))]
    assert "docs/glossary.md" in on_the_day and "docs/glossary.md" not in the_day_before


def test_the_test_summary_lists_every_page_due(broken):
    for page in ("docs/glossary.md", "docs/references.md"):
        broken.set_front_matter(page, "next_review", "2026-12-01")
    reporter = Reporter()
    summarize_due_pages(reporter, broken.project, today=LATER)
    due = review.reminders(broken.project, today=LATER)
    assert reporter.lines == [f"--- {len(due)} page(s) due for review (make review-due)", *due]
    assert REMINDER.format(broken.project.page("glossary.md").meta["last_reviewed"]) in due


def test_nothing_is_shown_when_no_page_is_due(project):
    reporter = Reporter()
    summarize_due_pages(reporter, project, today=datetime.date(2000, 1, 1))
    assert reporter.lines == []


def test_review_due_command_lists_overdue_pages(broken, capsys):
    import review_due  # scripts/review_due.py

    broken.set_front_matter("docs/glossary.md", "next_review", "2026-12-01")
    last = broken.project.page("glossary.md").meta["last_reviewed"]
    assert review_due.main(["--root", str(broken.root), "--today", "2027-01-01"]) == 0
    assert f"  docs/glossary.md: next review 2026-12-01 (last reviewed {last})\n" in capsys.readouterr().out
