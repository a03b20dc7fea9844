"""List the pages whose next_review date has passed (or falls within --within days).

Run with `make review-due`. Exits 0 either way: being due is a task, not an error.
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
from sitecheck.project import Project
from sitecheck.review import due


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT), help="the project folder")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--within", type=int, default=0, help="also list pages due in the next N days")
    args = parser.parse_args(argv)
    horizon = args.today + datetime.timedelta(days=args.within)
    rows = due(Project(pathlib.Path(args.root)), today=horizon)
    if not rows:
        print(f"No page is due for review by {horizon}.")
        return 0
    print(f"{len(rows)} page(s) due for review by {horizon}:")
    for source, last, next_review in rows:
        print(f"  {source}: next review {next_review} (last reviewed {last})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
