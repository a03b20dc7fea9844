"""Shared fixtures: the project, its site built once per session, and broken copies."""

from __future__ import annotations

import os
import pathlib
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from sitecheck import build as build_check
from sitecheck import review
from sitecheck.browser import CHROMIUM_ARGS, CHROMIUM_CANDIDATES, chromium_path
from sitecheck.built_site import BuiltSite, url_path
from sitecheck.project import Project
from sitecheck.server import serving

ROOT = pathlib.Path(__file__).resolve().parent.parent
# What a build needs; copied into a temporary folder for each fault test.
PROJECT_PARTS = ["mkdocs.yml", "docs", "includes", "overrides", "hooks", "data", "schemas", "CONTRIBUTING.md"]
TEMPLATE_CACHE = ".cache/templates"


def pytest_collection_modifyitems(items):
    """Browser tests run one after another on one worker (pytest -n auto --dist loadgroup):
    one Chromium and one served site, instead of one per core competing for it."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_terminal_summary(terminalreporter):
    """Pages past their next_review date, after every run: a task for the editors, never a failure."""
    summarize_due_pages(terminalreporter, Project(ROOT))


def summarize_due_pages(terminalreporter, project: Project, today=None) -> None:
    lines = review.reminders(project, today)
    if lines:
        terminalreporter.section(f"{len(lines)} page(s) due for review (make review-due)", sep="-", yellow=True)
        for line in lines:
            terminalreporter.line(line)


def report(problems) -> None:
    """Fail with one line per problem, as a contributor should read them."""
    if problems:
        ordered = sorted(problems, key=lambda problem: (problem.file, problem.line or 0, problem.message))
        pytest.fail("\n".join(str(problem) for problem in ordered), pytrace=False)


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def strict_build(project, tmp_path_factory) -> build_check.Build:
    """The real site, built once for the whole session with --strict."""
    return build_check.build(project.root, tmp_path_factory.mktemp("site"), strict=True)


@pytest.fixture(scope="session")
def site(project, strict_build) -> BuiltSite:
    if strict_build.returncode != 0:
        pytest.fail("the site did not build; see test_build.py for why", pytrace=False)
    return BuiltSite(project, strict_build.site_dir)


@pytest.fixture(scope="session")
def offline_site(project, tmp_path_factory) -> pathlib.Path:
    """The offline copy (`make offline`), built once for the offline and release-pack tests."""
    result = build_check.build(project.root, tmp_path_factory.mktemp("offline"), strict=True, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.output
    return result.site_dir


class BrokenCopy:
    """A copy of the project in a temporary folder, to break one thing in."""

    def __init__(self, root: pathlib.Path, parts: list[str] = PROJECT_PARTS):
        self.root = root
        root.mkdir(parents=True)
        for part in parts:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, root / part)
            else:
                shutil.copy2(source, root / part)
        # Compiled templates (hooks/template_cache.py), when a build has made them:
        # checksummed by Jinja, so a broken template is still recompiled.
        if (ROOT / TEMPLATE_CACHE).is_dir():
            shutil.copytree(ROOT / TEMPLATE_CACHE, root / TEMPLATE_CACHE)

    def set_front_matter(self, relative: str, key: str, value: str) -> None:
        """Give a page's front-matter ``key`` a new value, whatever it held (pages are re-dated as they are reviewed)."""
        path = self.root / relative
        text, found = re.subn(rf"^{key}: .*$", f"{key}: {value}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
        assert found, f"the fault test expected '{key}:' in the front-matter of {relative}"
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str, count: int = 1) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fault test expected {old!r} in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def append(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    @property
    def project(self) -> Project:
        return Project(self.root)

    def build(self, strict: bool = False) -> build_check.Build:
        return build_check.build(self.root, self.root / "site", strict=strict)

    def built_site(self) -> BuiltSite:
        result = self.build()
        assert result.returncode == 0, result.output
        return BuiltSite(self.project, result.site_dir)


@pytest.fixture
def broken(tmp_path) -> BrokenCopy:
    return BrokenCopy(tmp_path / "project")


class BrokenSite:
    """Files of the real site as built, copied into a temporary folder to break one thing in.

    Feeds a check on built pages a broken page without building the site again:
    only the files a test names are copied, and the check sees only those pages.
    """

    def __init__(self, built: pathlib.Path, root: pathlib.Path):
        self.built = built
        self.root = root
        root.mkdir(parents=True)

    def copy(self, *relatives: str) -> None:
        for relative in relatives:
            target = self.root / relative
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.built / relative, target)

    def replace(self, relative: str, old: str, new: str) -> None:
        self.copy(relative)
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fault test expected {old!r} in the built {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def edit(self, relative: str, change) -> None:
        """Let ``change`` alter the parsed page (BeautifulSoup), then write it back."""
        self.copy(relative)
        path = self.root / relative
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        change(soup)
        path.write_text(str(soup), encoding="utf-8")

    def remove(self, relative: str, selector: str) -> None:
        """Take out every element ``selector`` matches, as a template that lost that part would."""

        def take_out(soup):
            found = soup.select(selector)
            assert found, f"the fault test expected {selector!r} in the built {relative}"
            for element in found:
                element.decompose()

        self.edit(relative, take_out)

    def seen_with(self, project: Project) -> BuiltSite:
        """The copied pages, as a check sees them with ``project``'s sources."""
        return BuiltSite(project, self.root)

    def found_by(self, check_site, project: Project) -> list[str]:
        """What ``check_site`` reports on the copied pages, sorted, one line per problem."""
        return sorted(str(problem) for problem in check_site(self.seen_with(project)))


@pytest.fixture
def broken_site(site, tmp_path) -> BrokenSite:
    return BrokenSite(site.root, tmp_path / "site")


def messages(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


def line_of(project: Project, relative: str, needle: str) -> int:
    """The first line (1-based) of a project file that holds ``needle``: where a message must point."""
    return next(n for n, text in enumerate(project.text(relative).splitlines(), start=1) if needle in text)


# --- Browser tests -----------------------------------------------------------

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright, shared by the session."""
    path = chromium_path()
    if path is None:
        message = (
            "no Chromium found (looked at $CHROMIUM_PATH and " + ", ".join(CHROMIUM_CANDIDATES) + "); "
            "install it with 'apt-get install chromium' (.ci/run does this) or set CHROMIUM_PATH"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served_site(site, project):
    """The real site, built once, served under its published path (sitecheck/server.py)."""
    with serving(site.root, project.config["site_url"]) as address:
        yield address


@pytest.fixture
def new_context(chromium):
    """Make fresh browser contexts (no stored palette, no history); closed after the test."""
    contexts = []

    def make(width=1280, height=900, color_scheme="light", bypass_csp=False):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme, bypass_csp=bypass_csp
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_context):
    """One page in a fresh desktop-sized context."""
    return new_context().new_page()


def screenshot(page, name: str) -> None:
    """Leave a picture for a person to look at (artifacts/ is not committed)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


def page_urls(base_url: str, project: Project) -> list[tuple[str, str]]:
    """(source path, URL) of every page, in nav order."""
    return [(f"docs/{path}", base_url + url_path(path)) for _, path in project.nav_entries]
