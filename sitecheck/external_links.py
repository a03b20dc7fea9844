"""Links to other sites are well-formed https:// and never to advertising.

The bibliography's addresses (data/references.yml) are links out too: each entry's
`url` is held to the same rule, at its own line. Its DOIs are checked for their
form by the bibliography's schema (schemas/references.schema.json); `make linkcheck`
asks both whether they still answer.
"""

from __future__ import annotations

import re
import urllib.parse

from .data import references
from .markdown_text import CODE_SPAN, source_lines
from .project import Problem, Project

ADDRESS = re.compile(r"""(?:https?|ftp)://[^\s<>()\[\]"'`]+""", re.I)
# The seed article's publisher and market-report sellers: never linked, never cited.
BLOCKED_HOSTS = ("delveinsight.com",)
BLOCKED_PATH_WORDS = ("market-insight", "market-research", "market-forecast")
# Where a DOI is looked up: https://doi.org/10.1200/JCO.2014.58.3377.
DOI_RESOLVER = "https://doi.org/"


def addresses(project: Project):
    """(page, line number, address) for every web address written in docs/."""
    for page in project.prose_sources:
        for number, line in source_lines(page):
            # An address inside `code` is shown, not linked (e.g. the local preview address).
            for address in ADDRESS.findall(CODE_SPAN.sub(" ", line)):
                yield page, number, address.rstrip(".,;:")


def bibliography_addresses(project: Project):
    """(line, address) for every `url` in data/references.yml, the line from the YAML parser."""
    for source in references.read(project.root).sources:
        if source.get("url") is not None:
            yield source.line_of("url"), str(source["url"])


def bibliography_dois(project: Project):
    """(line, https://doi.org/ address) for every `doi` in data/references.yml."""
    for source in references.read(project.root).sources:
        if source.get("doi") is not None:
            yield source.line_of("doi"), DOI_RESOLVER + urllib.parse.quote(str(source["doi"]).strip(), safe="/:;()._-")


def problems_with(file: str, line: int | None, address: str) -> list[Problem]:
    """What is wrong with one address written at file:line, if anything."""
    problems = []
    try:
        host = (urllib.parse.urlsplit(address).hostname or "").lower()
    except ValueError:  # such as an unclosed [ in the host
        host = ""
    if not address.lower().startswith("https:"):
        problems.append(Problem(file, line, f"'{address}' is not https://; use the https:// address of the same page"))
    elif not host or "." not in host or not ADDRESS.fullmatch(address):
        problems.append(Problem(file, line, f"'{address}' is not a well-formed web address"))
    if any(host == blocked or host.endswith("." + blocked) for blocked in BLOCKED_HOSTS) or any(
        word in address.lower() for word in BLOCKED_PATH_WORDS
    ):
        problems.append(Problem(file, line, f"'{address}' links to advertising or a paid report; cite a primary source instead"))
    return problems


def check(project: Project) -> list[Problem]:
    problems = []
    for page, number, address in addresses(project):
        problems += problems_with(page.source, number, address)
    for number, address in bibliography_addresses(project):
        problems += problems_with(references.PATH, number, address)
    return problems
