"""Every number and clinical claim is cited, and every citation leads to a listed source.

The bibliography itself (data/references.yml: its fields, DOIs, addresses and
unique keys) is judged against schemas/references.schema.json by its reader,
sitecheck/data/references.py; this rule reports what the reader finds, and
adds that every source is cited somewhere.
"""

from __future__ import annotations

import posixpath
import re

from .data import claims, references
from .markdown_text import CODE_SPAN, FOOTNOTE_DEFINITION, FOOTNOTE_REFERENCE, prose_lines, source_lines
from .project import Page, Problem, Project

REFERENCES_PAGE = "references.md"

# Figures that must never stand without a source: a percentage, a hazard or
# odds ratio, a P value, a dose or volume, a duration in months, or the year
# of an approval.
NUMBER_NEEDING_SOURCE = re.compile(
    r"\d+(?:\.\d+)?\s?%"
    r"|\b(?:HR|OR|RR)\b[\s=:]*\d"
    r"|\b[Pp]\s*[=<>≤]\s*0?\.\d"
    r"|\d\s?(?:mL|PFU|µg|mg|gauge)\b"
    r"|\b10(?:\^|<sup>)\d"
    r"|\b\d+(?:\.\d+)?\s(?:months|weeks)\b"
    r"|\b(?:approv|authoris|authoriz|licens|regist)\w*\b[^.\n]{0,80}?\b(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\b[^.\n]{0,40}?\b(?:approv|authoris|authoriz)\w*"
)
REFERENCE_LINK = re.compile(r"\]\(([^)#\s]*)#([^)\s]+)\)")


def reference_entries(project: Project) -> dict[str, references.Source]:
    """key -> source, for every source of data/references.yml."""
    return references.read(project.root).by_key


def _check_page(page: Page, keys: set[str]) -> list[Problem]:
    problems = []
    used: dict[str, int] = {}
    definitions: dict[str, tuple[int, str]] = {}
    for number, line in source_lines(page):
        definition = FOOTNOTE_DEFINITION.match(line)
        if definition:
            definitions.setdefault(definition.group(1), (number, definition.group(2)))
            continue
        for label in FOOTNOTE_REFERENCE.findall(CODE_SPAN.sub(" ", line)):
            used.setdefault(label, number)
    for label, number in used.items():
        if label not in definitions:
            problems.append(Problem(page.source, number, f"footnote [^{label}] is used but never defined; add '[^{label}]: Source, section. See [name](references.md#key).' at the end of the page"))
    for label, (number, text) in definitions.items():
        if label not in used:
            problems.append(Problem(page.source, number, f"footnote [^{label}] is defined but never used; cite it in the text or delete the definition"))
        targets = [
            key for path, key in REFERENCE_LINK.findall(text)
            if posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path)) == REFERENCES_PAGE
        ]
        if not targets:
            problems.append(Problem(page.source, number, f"footnote [^{label}] does not link to its source on the references page; end it with 'See [name](references.md#key).' (path relative to this page)"))
        for key in targets:
            if key not in keys:
                problems.append(Problem(page.source, number, f"footnote [^{label}] cites '{key}', which is not in {references.PATH}; add the source there with 'key: {key}'"))
    if not used and page.path != REFERENCES_PAGE:
        for number, line in prose_lines(page):
            figure = NUMBER_NEEDING_SOURCE.search(line)
            if figure:
                problems.append(Problem(page.source, number, f"the page states a figure ('{figure.group(0).strip()}') but cites no source; add a footnote [^label] naming where the figure comes from"))
                break
    return problems


def check(project: Project) -> list[Problem]:
    bibliography = references.read(project.root)
    problems = list(bibliography.problems)
    cited: set[str] = set()
    for page in project.prose_sources:
        problems += _check_page(page, set(bibliography.by_key))
        for _, line in source_lines(page):
            if FOOTNOTE_DEFINITION.match(line):
                cited.update(key for _, key in REFERENCE_LINK.findall(line))
    # The claims page's footnotes are written by hooks/claims.py from data/claims.yml.
    if (project.root / claims.PATH).is_file():
        cited.update(key for claim in claims.read(project.root).claims for key in claim.sources)
    for source in bibliography.sources:
        if source.key not in cited:
            problems.append(Problem(references.PATH, source.line, f"source '{source.key}' is cited by no page; cite it or remove it"))
    return problems
