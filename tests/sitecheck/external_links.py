"""Rule 3: links to other sites are well-formed https:// and never to advertising."""

from __future__ import annotations

import re
import urllib.parse

from .markdown_text import source_lines
from .project import Problem, Project

CODE_SPAN = re.compile(r"`[^`]*`")
ADDRESS = re.compile(r"""(?:https?|ftp)://[^\s<>()\[\]"'`]+""", re.I)
# The seed article's publisher and market-report sellers: never linked, never cited.
BLOCKED_HOSTS = ("delveinsight.com",)
BLOCKED_PATH_WORDS = ("market-insight", "market-research", "market-forecast")


def addresses(project: Project):
    """(page, line number, address) for every web address written in docs/."""
    for page in project.prose_sources:
        for number, line in source_lines(page):
            # An address inside `code` is shown, not linked (e.g. the local preview address).
            for address in ADDRESS.findall(CODE_SPAN.sub(" ", line)):
                yield page, number, address.rstrip(".,;:")


def check(project: Project) -> list[Problem]:
    problems = []
    for page, number, address in addresses(project):
        parts = urllib.parse.urlsplit(address)
        host = (parts.hostname or "").lower()
        if parts.scheme.lower() != "https":
            problems.append(Problem(page.source, number, f"'{address}' is not https://; use the https:// address of the same page"))
        elif not host or "." not in host:
            problems.append(Problem(page.source, number, f"'{address}' is not a well-formed web address"))
        if any(host == blocked or host.endswith("." + blocked) for blocked in BLOCKED_HOSTS) or any(
            word in address.lower() for word in BLOCKED_PATH_WORDS
        ):
            problems.append(Problem(page.source, number, f"'{address}' links to advertising or a paid report; cite a primary source instead"))
    return problems
