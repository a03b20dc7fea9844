"""The site builds with `mkdocs build --strict`, without a single warning."""

from __future__ import annotations

import dataclasses
import os
import pathlib
import re
import subprocess
import sys

from .project import Problem, Project

# "Doc file 'clinical-use/index.md' contains a link 'x.md', but ..."
DOC_FILE = re.compile(r"Doc file '([^']+)'")
# A hook's own message, naming its file first: "data/claims.yml: ..." or "data/claims.yml:12: ...".
FILE_FIRST = re.compile(r"^(?P<file>[\w./-]+\.(?:yml|yaml|md))(?::(?P<line>\d+))?: ")
LINK_IN_MESSAGE = re.compile(r"contains a link '([^']+)'")
# A warning that lists pages on the lines below it:
# "The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - orphan.md"
LISTED_PAGE = re.compile(r"^- (\S+\.md)$", re.M)

# As the Makefile sets them: Material 9.8 prints an end-of-life banner about
# MkDocs 2 on every build, and some plugin releases print a similar one.
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_environment(extra: dict | None = None) -> dict:
    """The environment MkDocs runs in (tests, benchmark): this process's, without the banners, plus ``extra``."""
    return {**os.environ, **QUIET_BANNERS, **(extra or {})}


@dataclasses.dataclass
class Build:
    returncode: int
    output: str
    site_dir: pathlib.Path

    @property
    def warnings(self) -> list[str]:
        """Each WARNING or ERROR, with the indented lines that continue it ("  - orphan.md") below its first line."""
        found: list[list[str]] = []
        continued = False
        for line in self.output.splitlines():
            if line.startswith(("WARNING", "ERROR")):
                found.append([line])
                continued = True
            elif continued and line.startswith(" ") and line.strip():
                found[-1].append(line.strip())
            else:
                continued = False
        return ["\n".join(lines) for lines in found]


def build(root: pathlib.Path, site_dir: pathlib.Path, strict: bool = True, env: dict | None = None) -> Build:
    """Run MkDocs on ``root`` the way `make build` does (never with -q: it hides warnings).

    ``env`` adds variables, e.g. {"OFFLINE": "true"} for the offline copy (`make offline`).
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    completed = subprocess.run(command, cwd=root, env=mkdocs_environment(env), capture_output=True, text=True)
    return Build(completed.returncode, completed.stdout + completed.stderr, pathlib.Path(site_dir))


def check(project: Project, result: Build) -> list[Problem]:
    """Each MkDocs warning, pointed at the page (and line) it is about."""
    problems = []
    for warning in result.warnings:
        first_line, *rest = warning.split("-", 1)[-1].strip().splitlines()
        message = first_line.strip()
        listed = LISTED_PAGE.findall("\n".join(rest))
        if listed:
            problems += [Problem(f"docs/{page}", None, f"MkDocs warns: {message} {page}") for page in listed]
            continue
        page_match = DOC_FILE.search(warning)
        if not page_match:
            # Hooks name their own file first ("data/claims.yml:12: claim ...").
            own_file = FILE_FIRST.match(message)
            if own_file:
                line = int(own_file["line"]) if own_file["line"] else None
                problems.append(Problem(own_file["file"], line, f"MkDocs warns: {message[own_file.end():] if line else message}"))
            else:
                problems.append(Problem("mkdocs.yml", None, f"MkDocs warns: {message}"))
            continue
        source = page_match.group(1)
        line = None
        link = LINK_IN_MESSAGE.search(warning)
        if link and (project.docs / source).exists():
            line = project.page(source).line_of(link.group(1))
        problems.append(Problem(f"docs/{source}", line, f"MkDocs warns: {message}"))
    if result.returncode != 0 and not problems:
        tail = "\n".join(result.output.strip().splitlines()[-5:])
        problems.append(Problem("mkdocs.yml", None, f"the strict build failed:\n{tail}"))
    return problems
