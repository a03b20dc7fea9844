"""Plain-language summaries: every content page opens with an "In short" box a patient can read.

The box is a Material admonition placed right after the front-matter, before
the lead paragraph, holding at most five bullet points:

    !!! abstract "In short"

        - IMLYGIC is a weakened cold-sore virus.
        - It is injected into melanoma lumps in the skin.

The points, read as sentences, must reach a Flesch-Kincaid grade of at most 9
(textstat), and any abbreviation in them must be spelled out in the same box,
"granulocyte-macrophage colony-stimulating factor (GM-CSF)", because a reader
of the summary has not yet met the page's own explanations.
"""

from __future__ import annotations

import re

import textstat

from . import glossary
from .markdown_text import FOOTNOTE_REFERENCE, source_lines
from .project import Page, Problem, Project

# Reference pages and the change log, not topics: they need no summary (nor does anything under about/).
CONTENT_EXCLUDED = {"glossary.md", "references.md", "whats-new.md"}
EXCLUDED_PREFIXES = ("about/",)

OPENING = '!!! abstract "In short"'
MAX_POINTS = 5
# Flesch-Kincaid grade, compared after rounding to one decimal, as the message shows it.
MAX_GRADE = 9
# Brand names a reader sees on the pack; they need no spelling out.
BRAND_NAMES = {"IMLYGIC", "TUDRIQEV"}

_OPENING_LINE = re.compile(r'^!!!\s+abstract\s+"In short"\s*$')
_INDENTED = re.compile(r"^(?: {4}|\t)")
_BULLET = re.compile(r"^(?: {4}|\t)[-*+](?:\s+(.*))?$")
_MARKUP = [
    (FOOTNOTE_REFERENCE, ""),  # [^label]
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url) and images -> text
    (re.compile(r"`([^`]*)`"), r"\1"),  # code spans -> their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong emphasis
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # emphasis
]
_TERMINAL = (".", "!", "?")


def is_content_page(page: Page) -> bool:
    """A topic page that readers arrive at, as opposed to the glossary, references and About pages."""
    return page.path not in CONTENT_EXCLUDED and not page.path.startswith(EXCLUDED_PREFIXES)


def plain(text: str) -> str:
    """A point as a reader sees it: no footnote labels, link targets, emphasis or code marks."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def _block(page: Page) -> tuple[int, list[tuple[int, str]]] | None:
    """(line of the opening, [(line, plain text) for each point]) of the top summary, or None.

    The summary counts only when it is the first non-blank line after the
    front-matter; a point may run on over further, more deeply indented lines.
    """
    lines = page.lines
    start = next((index for index in range(page.body_start, len(lines)) if lines[index].strip()), None)
    if start is None or not _OPENING_LINE.match(lines[start]):
        return None
    points: list[tuple[int, list[str]]] = []
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not _INDENTED.match(line):
            break  # the box ends at the first line that is not indented
        bullet = _BULLET.match(line)
        if bullet:
            points.append((index + 1, [bullet.group(1) or ""]))
        elif line.strip() and points:
            points[-1][1].append(line.strip())
    return start + 1, [(number, plain(" ".join(parts))) for number, parts in points]


def summary(page: Page) -> tuple[int, list[str]] | None:
    """(line of '!!! abstract "In short"', the points as plain text), or None if the page does not open with one."""
    found = _block(page)
    if found is None:
        return None
    line, points = found
    return line, [text for _, text in points]


def grade(points: list[str]) -> float:
    """Flesch-Kincaid grade of the points read as consecutive sentences."""
    sentences = [point if point.endswith(_TERMINAL) else point.rstrip(",;: ") + "." for point in points if point]
    return textstat.flesch_kincaid_grade(" ".join(sentences))


def _check_page(page: Page) -> list[Problem]:
    def problem(line, message):
        return Problem(page.source, line, message)

    found = _block(page)
    if found is None:
        lower = next((number for number, line in source_lines(page) if _OPENING_LINE.match(line)), None)
        if lower is not None:
            return [problem(lower, f"the '{OPENING}' summary must be the first thing after the front-matter; move it above the first paragraph")]
        first = next((number for number, line in page.body_lines() if line.strip()), page.body_start + 1)
        return [problem(
            first,
            f"the page has no plain-language summary; right after the front-matter add '{OPENING}' "
            f"with 1 to {MAX_POINTS} bullet points indented by 4 spaces ('    - One short sentence.'), "
            "written for a patient or carer with no medical training",
        )]
    opening, points = found
    if not points:
        return [problem(opening, f"the summary has no points; indent 1 to {MAX_POINTS} bullet points by 4 spaces under it ('    - One short sentence.')")]
    problems = []
    if len(points) > MAX_POINTS:
        problems.append(problem(opening, f"the summary has {len(points)} points; keep at most {MAX_POINTS} by merging or dropping some"))
    for number, text in points:
        if not text:
            problems.append(problem(number, "the summary has an empty point; write one short sentence or delete the bullet"))
    texts = [text for _, text in points]
    level = round(grade(texts), 1)
    if level > MAX_GRADE:
        problems.append(problem(
            opening,
            f"the summary reads at Flesch-Kincaid grade {level:.1f}, above the limit of {MAX_GRADE}; "
            "use shorter sentences and everyday words (say 'cold-sore virus', not 'herpes simplex virus type 1')",
        ))
    joined = " ".join(texts)
    reported = set()
    for number, text in points:
        for token in glossary.TOKEN.findall(text):
            if (
                glossary.looks_like_abbreviation(token)
                and token not in BRAND_NAMES
                and f"({token})" not in joined
                and token not in reported
            ):
                reported.add(token)
                problems.append(problem(
                    number,
                    f"the summary uses '{token}' without spelling it out; say it in everyday words, "
                    f"or write it in full with the abbreviation in brackets the first time: 'the words in full ({token})'",
                ))
    return problems


def check(project: Project) -> list[Problem]:
    problems = []
    for page in project.pages:
        if is_content_page(page):
            problems += _check_page(page)
    return problems
