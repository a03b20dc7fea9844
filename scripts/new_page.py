"""Create a page from the template and add it to the navigation.

    make new-page PAGE=clinical-trials/new-trial.md TITLE="New trial"

The page gets valid front-matter (today as last_reviewed, a year later as
next_review) and a body that passes every check, so the writer starts green.
It goes at the end of the nav section whose pages share its folder, or, for a
page at the top of docs/, just before the Glossary.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGE_PATH = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md$")
NAV_ENTRY = re.compile(r"^(?P<indent>\s*)- (?:(?P<title>.+?): )?(?P<path>[\w./-]+\.md)\s*$")
TOP_LEVEL_ANCHOR = "  - Glossary: glossary.md"

TEMPLATE = """---
title: {title}
description: {description}
last_reviewed: {today}
last_changed: {today}
next_review: {next_review}
---

!!! abstract "In short"

    - Replace these points with at most five short, plain sentences.
    - Write them for a reader with no medical training.
    - Say what the page is about and what the evidence shows.

Start with one or two sentences in plain language that tell a reader what this page is about and why it matters to them.
Then give the exact terms, each explained in the glossary, and the evidence, each figure with its comparison group and its source.

## First section {{ #first-section }}

Write one sentence per line.
Cite every number and every clinical claim with a footnote that links to an entry on the references page.
Read the style guide and the contributor guide before you open a pull request.
"""


class NewPageError(Exception):
    """Something the writer must change before the page can be created."""


def _quoted(text: str) -> str:
    """A YAML scalar that is safe for any title (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def add_to_nav(config_text: str, page: str, title: str) -> str:
    """mkdocs.yml with the page added, comments and layout untouched."""
    lines = config_text.splitlines()
    folder = page.rsplit("/", 1)[0] if "/" in page else ""
    line_for_page = f"- {_quoted(title)}: {page}"
    if folder:
        last = None
        for index, line in enumerate(lines):
            match = NAV_ENTRY.match(line)
            if match and match["path"].startswith(folder + "/"):
                last, indent = index, match["indent"]
        if last is not None:
            lines.insert(last + 1, f"{indent}{line_for_page}")
            return "\n".join(lines) + "\n"
    if TOP_LEVEL_ANCHOR not in lines:
        raise NewPageError(f"could not find '{TOP_LEVEL_ANCHOR.strip()}' in mkdocs.yml to place the page before it; add the page to nav: by hand")
    lines.insert(lines.index(TOP_LEVEL_ANCHOR), f"  {line_for_page}")
    return "\n".join(lines) + "\n"


def create(root: pathlib.Path, page: str, title: str, today: datetime.date) -> pathlib.Path:
    page = page.strip().removeprefix("docs/")
    title = title.strip()
    if not PAGE_PATH.match(page):
        raise NewPageError(f"'{page}' is not a page path like clinical-trials/new-trial.md (lower-case words joined by hyphens, ending in .md)")
    if not 3 <= len(title) <= 80:
        raise NewPageError("give the page a TITLE of 3 to 80 characters, e.g. TITLE=\"New trial\"")
    target = root / "docs" / page
    if target.exists():
        raise NewPageError(f"docs/{page} already exists; choose another name or edit that page")
    config = root / "mkdocs.yml"
    new_config = add_to_nav(config.read_text(encoding="utf-8"), page, title)
    description = f"What this page explains about {title[0].lower() + title[1:]}, in one sentence; replace this text."
    next_review = today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) else today + datetime.timedelta(days=365)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(TEMPLATE.format(title=_quoted(title), description=_quoted(description[:160]), today=today, next_review=next_review), encoding="utf-8")
    config.write_text(new_config, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create a page from the template and add it to the navigation.")
    parser.add_argument("page", help="path under docs/, e.g. clinical-trials/new-trial.md")
    parser.add_argument("title", help="the page title, e.g. \"New trial\"")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        target = create(pathlib.Path(args.root), args.page, args.title, args.today)
    except NewPageError as error:
        print(f"new-page: {error}", file=sys.stderr)
        return 2
    relative = target.relative_to(pathlib.Path(args.root)).as_posix()
    print(f"Created {relative} and added it to nav: in mkdocs.yml.")
    print("Next:")
    print(f"  1. Open {relative}: replace the description and the placeholder text with your own.")
    print("  2. Cite every figure with a footnote linking to docs/references.md (see CONTRIBUTING.md).")
    print("  3. Preview with 'make serve'; check with 'make test', which names the file and line of anything to fix.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
