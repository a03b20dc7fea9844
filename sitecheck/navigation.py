"""The navigation lists every page, only pages that exist, under their own titles."""

from __future__ import annotations

import fnmatch

from .project import Problem, Project


def _nav_line(project: Project, path: str) -> int | None:
    for number, line in enumerate(project.text("mkdocs.yml").splitlines(), start=1):
        if line.rstrip().endswith(path) and line.lstrip().startswith("-"):
            return number
    return None


def check(project: Project) -> list[Problem]:
    problems = []
    pages = {page.path: page for page in project.pages}
    in_nav = {path for _, path in project.nav_entries}
    not_in_nav = [pattern.strip().lstrip("/") for pattern in (project.config.get("not_in_nav") or "").splitlines() if pattern.strip()]
    for title, path in project.nav_entries:
        if path not in pages:
            problems.append(Problem("mkdocs.yml", _nav_line(project, path), f"the nav lists '{path}', but docs/{path} does not exist; fix the path or create the page"))
            continue
        page_title = pages[path].meta.get("title")
        if title is not None and page_title is not None and title != page_title:
            problems.append(Problem("mkdocs.yml", _nav_line(project, path), f"the nav calls docs/{path} '{title}' but its front-matter title is '{page_title}'; make them the same"))
    for path, page in pages.items():
        if path not in in_nav and not any(fnmatch.fnmatch(path, pattern) for pattern in not_in_nav):
            problems.append(Problem(page.source, None, "the page is not in the navigation; add it to 'nav:' in mkdocs.yml (or to 'not_in_nav:' if it is meant to be hidden)"))
    return problems
