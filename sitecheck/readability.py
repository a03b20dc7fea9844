"""Pages for patients and carers read at Flesch-Kincaid grade 8 or below, every paragraph and the whole page.

A page joins this rule with one front-matter line, and every page under
docs/patients/ must carry it:

    audience: patients

Each paragraph, list item, table row and admonition paragraph is measured on
its own (textstat's Flesch-Kincaid grade), and then the page's text as a
whole. Blocks of fewer than MIN_WORDS words are measured only as part of the
whole page: one long word in a four-word bullet ("Tell your haematologist.")
gives a grade that says nothing about how the page reads.
"""

from __future__ import annotations

import re

import textstat

from .markdown_text import FOOTNOTE_DEFINITION, source_lines
from .project import Page, Problem, Project
from .summaries import plain

AUDIENCE = "patients"
FOLDER = "patients/"
MAX_GRADE = 8
MIN_WORDS = 10

_HEADING = re.compile(r"^\s*#{1,6}\s")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?|===)\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_TERMINAL = (".", "!", "?", ":")
# What plain() leaves that a reader does not read: HTML tags and attribute lists { #id }.
_NOT_READ = re.compile(r"</?[A-Za-z][^>]*>|\{[:\s]*[#.][^}]*\}")
_ADVICE = (
    "use shorter sentences (one idea each) and everyday words; put the medical term in brackets "
    "after the plain one only where the reader will meet it, e.g. 'a cold sore (herpes infection)'"
)


def is_for_patients(page: Page) -> bool:
    return page.meta.get("audience") == AUDIENCE


def blocks(page: Page) -> list[tuple[int, str]]:
    """(first line, plain text) of each paragraph, list item and table row of the page's prose."""
    found: list[tuple[int, list[str]]] = []
    open_block = False
    for number, line in source_lines(page):
        text = line.strip()
        if not text or FOOTNOTE_DEFINITION.match(text) or _HEADING.match(line) or _ADMONITION.match(line) or _TABLE_RULE.match(text):
            open_block = False
            continue
        if text.startswith("|"):
            cells = [cell.strip() for cell in text.strip("|").split("|")]
            found.append((number, [". ".join(cell for cell in cells if cell)]))
            open_block = False
            continue
        item = _LIST_ITEM.match(line)
        if item or not open_block:
            found.append((number, [line[item.end():] if item else text]))
            open_block = True
        else:
            found[-1][1].append(text)
    result = []
    for number, parts in found:
        text = plain(_NOT_READ.sub(" ", " ".join(parts)))
        if text:
            result.append((number, text if text.endswith(_TERMINAL) else text.rstrip(",;") + "."))
    return result


def grade(text: str) -> float:
    return round(textstat.flesch_kincaid_grade(text), 1)


def _check_page(page: Page) -> list[Problem]:
    problems = []
    if page.path.startswith(FOLDER) and not is_for_patients(page):
        line = page.line_of("---") or 1
        problems.append(Problem(
            page.source, line,
            f"pages under docs/{FOLDER} are written for patients and carers; add 'audience: {AUDIENCE}' "
            f"to the front-matter, so that the reading-grade rule (at most {MAX_GRADE}) applies",
        ))
        return problems
    if not is_for_patients(page):
        return problems
    texts = blocks(page)
    for number, text in texts:
        level = grade(text)
        if len(text.split()) >= MIN_WORDS and level > MAX_GRADE:
            problems.append(Problem(
                page.source, number,
                f"this paragraph reads at Flesch-Kincaid grade {level:.1f}, above the limit of {MAX_GRADE} "
                f"for pages with 'audience: {AUDIENCE}'; {_ADVICE}",
            ))
    whole = grade(" ".join(text for _, text in texts)) if texts else 0.0
    if whole > MAX_GRADE:
        problems.append(Problem(
            page.source, page.body_start + 1,
            f"the page as a whole reads at Flesch-Kincaid grade {whole:.1f}, above the limit of {MAX_GRADE} "
            f"for pages with 'audience: {AUDIENCE}'; {_ADVICE}",
        ))
    return problems


def report(project: Project) -> list[tuple[str, float]]:
    """(page, whole-page grade) of every page for patients, for the test report."""
    return [
        (page.source, grade(" ".join(text for _, text in blocks(page))))
        for page in project.pages
        if is_for_patients(page) and blocks(page)
    ]


def check(project: Project) -> list[Problem]:
    problems = []
    for page in project.pages:
        problems += _check_page(page)
    return problems
