"""A project folder (mkdocs.yml, docs/, includes/) as the checks see it."""

from __future__ import annotations

import dataclasses
import functools
import pathlib
import re

import yaml

SNIPPET = re.compile(r'^-{1,}8<-{1,}\s+"([^"]+)"\s*$', re.M)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One thing a contributor must fix, said where it is and how to fix it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV or !!python/name tags need not be resolved here."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class DatesAsTextLoader(yaml.SafeLoader):
    """Reads front-matter keeping 2026-11-30 as text, so the schema (not PyYAML) judges dates."""


DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclasses.dataclass(frozen=True)
class Page:
    """One Markdown page: its path relative to docs/, its text and its lines."""

    path: str  # relative to docs/, with forward slashes
    text: str
    origin: str | None = None  # for a file included into pages: its path in the repository

    @property
    def source(self) -> str:
        """The path a contributor knows: docs/... (or the included file's own path)."""
        return self.origin or f"docs/{self.path}"

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @functools.cached_property
    def body_start(self) -> int:
        """Index (0-based) of the first line after the front-matter."""
        match = FRONT_MATTER.match(self.text)
        return match.group(0).count("\n") if match else 0

    @functools.cached_property
    def meta(self) -> dict:
        """The front-matter as a dict; empty when it is missing or broken (rule 1 reports that)."""
        match = FRONT_MATTER.match(self.text)
        try:
            meta = yaml.load(match.group(1) or "", Loader=DatesAsTextLoader) if match else None
        except yaml.YAMLError:
            return {}
        return meta if isinstance(meta, dict) else {}

    def body_lines(self):
        """(line number, text) for each line of the page below its front-matter."""
        for index in range(self.body_start, len(self.lines)):
            yield index + 1, self.lines[index]

    def line_of(self, needle: str) -> int | None:
        """The first line (1-based) holding ``needle``, to point a contributor at it."""
        for number, line in enumerate(self.lines, start=1):
            if needle in line:
                return number
        return None


class Project:
    """The site's sources, read once."""

    def __init__(self, root: pathlib.Path):
        self.root = pathlib.Path(root)
        self.docs = self.root / "docs"

    @functools.cached_property
    def config(self) -> dict:
        text = (self.root / "mkdocs.yml").read_text(encoding="utf-8")
        return yaml.load(text, Loader=_LenientLoader)

    @functools.cached_property
    def pages(self) -> list[Page]:
        return [
            Page(path.relative_to(self.docs).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(self.docs.rglob("*.md"))
        ]

    @functools.cached_property
    def included(self) -> list[Page]:
        """Files that pages pull in whole with --8<-- "name" (pymdownx.snippets), such as CONTRIBUTING.md.

        Their prose is checked like a page's; problems name the included file.
        """
        bases = []
        for extension in self.config.get("markdown_extensions") or []:
            if isinstance(extension, dict) and "pymdownx.snippets" in extension:
                bases = (extension["pymdownx.snippets"] or {}).get("base_path") or []
        names = sorted({name for page in self.pages for name in SNIPPET.findall(page.text)})
        found = []
        for name in names:
            for base in bases:
                path = self.root / base / name
                if path.is_file():
                    origin = path.relative_to(self.root).as_posix()
                    found.append(Page(origin, path.read_text(encoding="utf-8"), origin=origin))
                    break
        return found

    @property
    def prose_sources(self) -> list[Page]:
        """Every page, and every file included whole into one."""
        return self.pages + self.included

    def page(self, path: str) -> Page:
        return next(page for page in self.pages if page.path == path)

    @functools.cached_property
    def nav_entries(self) -> list[tuple[str | None, str]]:
        """(title or None, page path) for every page in the nav, in order."""
        entries: list[tuple[str | None, str]] = []

        def walk(items):
            for item in items or []:
                if isinstance(item, str):
                    entries.append((None, item))
                elif isinstance(item, dict):
                    for title, value in item.items():
                        if isinstance(value, str):
                            entries.append((title, value))
                        else:
                            walk(value)

        walk(self.config.get("nav"))
        return entries

    def text(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")
