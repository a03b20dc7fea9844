"""Review dates: which pages are past their next_review date.

Not a failure: a page past its date still builds and passes. The test suite
lists them in a "pages due for review" section of its summary (tests/conftest.py),
and `make review-due` lists them for editors.
"""

from __future__ import annotations

import datetime

from .project import Project


def due(project: Project, today: datetime.date | None = None) -> list[tuple[str, str, str]]:
    """(page, last_reviewed, next_review) for each page whose next_review is today or earlier."""
    today = today or datetime.date.today()
    overdue = []
    for page in project.pages:
        next_review = page.meta.get("next_review")
        try:
            if next_review and datetime.date.fromisoformat(str(next_review)) <= today:
                overdue.append((page.source, str(page.meta.get("last_reviewed")), str(next_review)))
        except ValueError:
            continue  # a malformed date is the front-matter check's to report
    return sorted(overdue, key=lambda row: row[2])


def reminders(project: Project, today: datetime.date | None = None) -> list[str]:
    """One line per page due for review, saying what to do."""
    return [
        f"{source}: due for review since {next_review} (last reviewed {last}); check it against its sources and update both dates"
        for source, last, next_review in due(project, today)
    ]
