"""Rule 4: every number and clinical claim is cited, and every citation leads to a listed source."""

from __future__ import annotations

import dataclasses
import posixpath
import re

import yaml

from .markdown_text import FOOTNOTE_DEFINITION, FOOTNOTE_REFERENCE, prose_lines, source_lines
from .project import Page, Problem, Project

REFERENCES_PAGE = "references.md"
# The one bibliography: rendered into docs/references.md by hooks/references.py.
BIBLIOGRAPHY = "data/references.yml"
CLAIMS = "data/claims.yml"

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
CODE_SPAN = re.compile(r"`[^`]*`")
REFERENCE_LINK = re.compile(r"\]\(([^)#\s]*)#([^)\s]+)\)")
DOI_SYNTAX = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")


@dataclasses.dataclass(frozen=True)
class Source:
    """One entry of the bibliography, with the line (from the YAML parser) of the entry and of each field."""

    key: str
    line: int
    entry: dict
    field_lines: dict[str, int]

    def line_of(self, field: str) -> int:
        return self.field_lines.get(field, self.line)


def sources(project: Project) -> list[Source]:
    """Every entry of data/references.yml, in order."""
    text = project.text(BIBLIOGRAPHY)
    data, root = yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    nodes = [
        entry
        for key, value in root.value if key.value == "groups"
        for group in value.value
        for group_key, entries in group.value if group_key.value == "entries"
        for entry in entries.value
    ]
    entries = [entry for group in data["groups"] for entry in group["entries"]]
    return [
        Source(entry.get("key"), node.start_mark.line + 1, entry, {field.value: value.start_mark.line + 1 for field, value in node.value})
        for entry, node in zip(entries, nodes, strict=True)
    ]


def reference_entries(project: Project) -> dict[str, tuple[int, dict]]:
    """key -> (its line in data/references.yml, the entry) for every source."""
    return {source.key: (source.line, source.entry) for source in sources(project)}


def _check_bibliography(found: list[Source]) -> list[Problem]:
    # An address that is not https:// is reported, at its line, by the external-link rule (external_links.py).
    problems = []
    first_line: dict[str, int] = {}
    for source in found:
        key, line, entry = source.key, source.line, source.entry
        if key in first_line:
            problems.append(Problem(BIBLIOGRAPHY, line, f"source key '{key}' is already used at line {first_line[key]}; the second entry would silently replace the first: merge them or give this one another key"))
        first_line.setdefault(key, line)
        if not entry.get("title"):
            problems.append(Problem(BIBLIOGRAPHY, line, f"source '{key}' has no title"))
        if not entry.get("doi") and not str(entry.get("url", "")).startswith("https://"):
            problems.append(Problem(BIBLIOGRAPHY, line, f"source '{key}' has no DOI or official https:// address; add one so readers can check it"))
        if entry.get("doi") and not DOI_SYNTAX.match(str(entry["doi"])):
            problems.append(Problem(BIBLIOGRAPHY, source.line_of("doi"), f"source '{key}' has a malformed DOI '{entry['doi']}' (a DOI looks like 10.1200/JCO.2014.58.3377, without https://doi.org/)"))
    return problems


def _check_page(page: Page, keys: set[str]) -> list[Problem]:
    problems = []
    references: dict[str, int] = {}
    definitions: dict[str, tuple[int, str]] = {}
    for number, line in source_lines(page):
        definition = FOOTNOTE_DEFINITION.match(line)
        if definition:
            definitions.setdefault(definition.group(1), (number, definition.group(2)))
            continue
        for label in FOOTNOTE_REFERENCE.findall(CODE_SPAN.sub(" ", line)):
            references.setdefault(label, number)
    for label, number in references.items():
        if label not in definitions:
            problems.append(Problem(page.source, number, f"footnote [^{label}] is used but never defined; add '[^{label}]: Source, section. See [name](references.md#key).' at the end of the page"))
    for label, (number, text) in definitions.items():
        if label not in references:
            problems.append(Problem(page.source, number, f"footnote [^{label}] is defined but never used; cite it in the text or delete the definition"))
        targets = [
            key for path, key in REFERENCE_LINK.findall(text)
            if posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path)) == REFERENCES_PAGE
        ]
        if not targets:
            problems.append(Problem(page.source, number, f"footnote [^{label}] does not link to its source on the references page; end it with 'See [name](references.md#key).' (path relative to this page)"))
        for key in targets:
            if key not in keys:
                problems.append(Problem(page.source, number, f"footnote [^{label}] cites '{key}', which is not in {BIBLIOGRAPHY}; add the source there with 'key: {key}'"))
    if not references and page.path != REFERENCES_PAGE:
        for number, line in prose_lines(page):
            figure = NUMBER_NEEDING_SOURCE.search(line)
            if figure:
                problems.append(Problem(page.source, number, f"the page states a figure ('{figure.group(0).strip()}') but cites no source; add a footnote [^label] naming where the figure comes from"))
                break
    return problems


def _claims_sources(project: Project) -> set[str]:
    """Sources cited by the claims page, whose footnotes are written by hooks/claims.py."""
    path = project.root / CLAIMS
    if not path.exists():
        return set()
    return {key for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"] for key in claim.get("sources", [])}


def check(project: Project) -> list[Problem]:
    found = sources(project)
    problems = _check_bibliography(found)
    cited: set[str] = set()
    for page in project.prose_sources:
        problems += _check_page(page, {source.key for source in found})
        for _, line in source_lines(page):
            if FOOTNOTE_DEFINITION.match(line):
                cited.update(key for _, key in REFERENCE_LINK.findall(line))
    cited.update(_claims_sources(project))
    for source in found:
        if source.key not in cited:
            problems.append(Problem(BIBLIOGRAPHY, source.line, f"source '{source.key}' is cited by no page; cite it or remove it"))
    return problems
