"""Every abbreviation is explained as a tooltip and on the glossary page."""

from __future__ import annotations

import re

from .markdown_text import prose_lines
from .project import Problem, Project

ABBREVIATIONS_FILE = "includes/abbreviations.md"
GLOSSARY_PAGE = "glossary.md"
# Author initials and journal names are not abbreviations a reader needs explained.
PAGES_WITHOUT_ABBREVIATION_RULE = {"references.md"}

DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")
TOKEN = re.compile(r"(?<![\w.-])([A-Za-z0-9Δ]+(?:[-.][A-Za-z0-9Δ]+)*)(?![\w-])")
ROMAN_NUMERAL = re.compile(r"^[IVX]+$")
REGISTRY_ID = re.compile(r"^[A-Z]+\d{5,}$")


def looks_like_abbreviation(token: str) -> bool:
    """GM-CSF, DRR, HSV-1, ICP34.5, IVM1a, pCR, SmPC; not Phase, III, NCT00769704 or McGrath."""
    letters = [c for c in token if c.isalpha() and c.isascii()]
    capitals = sum(c.isupper() for c in letters)
    return (
        capitals >= 2
        and capitals * 2 >= len(letters)
        and not ROMAN_NUMERAL.match(token)
        and not REGISTRY_ID.match(token)
    )


def definitions(project: Project) -> dict[str, int]:
    """Abbreviation -> its line in includes/abbreviations.md."""
    found = {}
    for number, line in enumerate(project.text(ABBREVIATIONS_FILE).splitlines(), start=1):
        match = DEFINITION.match(line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _used(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(term)}(?![\w-])", text) is not None


def check(project: Project) -> list[Problem]:
    problems = []
    defined = definitions(project)
    reported: set[tuple[str, str]] = set()
    for page in project.prose_sources:
        if page.path in PAGES_WITHOUT_ABBREVIATION_RULE:
            continue
        for number, line in prose_lines(page, include_footnotes=True):
            for token in TOKEN.findall(line):
                if looks_like_abbreviation(token) and token not in defined and (page.path, token) not in reported:
                    reported.add((page.path, token))
                    problems.append(Problem(page.source, number, f"'{token}' is not in {ABBREVIATIONS_FILE}; add a line '*[{token}]: what it stands for' there and explain it on the glossary page"))
    glossary = "\n".join(line for _, line in prose_lines(project.page(GLOSSARY_PAGE)))
    others = "\n".join(
        line for page in project.prose_sources if page.path != GLOSSARY_PAGE for _, line in prose_lines(page, include_footnotes=True)
    )
    for term, number in defined.items():
        if not _used(term, glossary):
            problems.append(Problem(ABBREVIATIONS_FILE, number, f"'{term}' has a tooltip but no entry on docs/{GLOSSARY_PAGE}; explain it there"))
        if not _used(term, others):
            problems.append(Problem(ABBREVIATIONS_FILE, number, f"'{term}' is defined but no page uses it; remove the line"))
    return problems
