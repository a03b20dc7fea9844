"""Redirects: every old address in redirect_maps leads to a page that exists and is in the nav."""

from __future__ import annotations

from .built_site import BuiltSite, html_path, url_path
from .project import Problem, Project


def redirect_maps(project: Project) -> dict[str, str]:
    for plugin in project.config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return dict((plugin["redirects"] or {}).get("redirect_maps") or {})
    return {}


def _line(project: Project, old: str) -> int | None:
    for number, line in enumerate(project.text("mkdocs.yml").splitlines(), start=1):
        if line.strip().startswith(f"{old}:"):
            return number
    return None


def check(project: Project) -> list[Problem]:
    problems = []
    pages = {page.path for page in project.pages}
    in_nav = {path for _, path in project.nav_entries}
    for old, new in redirect_maps(project).items():
        target = new.split("#")[0]
        if target.startswith(("http://", "https://")):
            continue
        if target not in pages:
            problems.append(Problem("mkdocs.yml", _line(project, old), f"the redirect from '{old}' leads to '{new}', but docs/{target} does not exist; point it at the page's current path"))
        elif target not in in_nav:
            problems.append(Problem("mkdocs.yml", _line(project, old), f"the redirect from '{old}' leads to '{new}', which is not in the navigation"))
        if old in pages:
            problems.append(Problem("mkdocs.yml", _line(project, old), f"'{old}' is redirected but docs/{old} still exists; a redirect is for a page that has moved away"))
    return problems


def check_site(site: BuiltSite) -> list[Problem]:
    """Each redirect page in the built site sends the reader to its target's address."""
    problems = []
    for old, new in redirect_maps(site.project).items():
        source = site.root / html_path(old)
        if not source.is_file():
            problems.append(Problem("mkdocs.yml", _line(site.project, old), f"no redirect page was built for '{old}'"))
            continue
        refresh = site.soup(html_path(old)).find("meta", attrs={"http-equiv": "refresh"})
        wanted = url_path(new.split("#")[0])
        if refresh is None or not refresh["content"].rstrip("/").endswith(wanted.rstrip("/")):
            problems.append(Problem("mkdocs.yml", _line(site.project, old), f"the page built for '{old}' does not redirect to {wanted}"))
    return problems
