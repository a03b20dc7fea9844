"""Shared fixtures: the project, its site built once per session, and broken copies."""

from __future__ import annotations

import pathlib
import shutil

import pytest

from sitecheck import build as build_check
from sitecheck.built_site import BuiltSite
from sitecheck.project import Project

ROOT = pathlib.Path(__file__).resolve().parent.parent
# What a build needs; copied into a temporary folder for each fault test.
PROJECT_PARTS = ["mkdocs.yml", "docs", "includes", "overrides", "schemas"]


def report(problems) -> None:
    """Fail with one line per problem, as a contributor should read them."""
    if problems:
        pytest.fail("\n".join(str(problem) for problem in sorted(problems)), pytrace=False)


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


class BrokenCopy:
    """A copy of the project in a temporary folder, to break one thing in."""

    def __init__(self, root: pathlib.Path):
        self.root = root
        root.mkdir(parents=True)
        for part in PROJECT_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, root / part)
            else:
                shutil.copy2(source, root / part)

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


def messages(problems) -> str:
    return "\n".join(str(problem) for problem in problems)
