"""Reading the prose of a Markdown page: what a reader sees, without code or link targets."""

from __future__ import annotations

import re

from .project import SNIPPET, Page

FENCE = re.compile(r"^\s*(```|~~~)")
# A code span on one line, blanked out wherever the checks read prose.
CODE_SPAN = re.compile(r"`[^`]*`")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")

_STRIP = [
    CODE_SPAN,
    re.compile(r"<!--.*?-->"),  # comments
    re.compile(r"\]\([^)]*\)"),  # link and image targets
    re.compile(r"<https?://[^>]*>"),  # autolinks
    re.compile(r"https?://\S+"),  # bare addresses
    re.compile(r"</?[A-Za-z][^>]*>"),  # HTML tags and their attributes
    re.compile(r"\{[:\s]*[#.][^}]*\}"),  # attribute lists { #id .class }
    FOOTNOTE_REFERENCE,  # footnote labels
]


def prose_lines(page: Page, *, include_footnotes: bool = False):
    """(line number, text) for each line of prose below the front-matter.

    Skips fenced code; blanks out code spans, link targets, addresses, HTML
    tags, attribute lists and footnote labels; skips footnote definitions
    unless asked for them.
    """
    for number, line in source_lines(page):
        if not include_footnotes and FOOTNOTE_DEFINITION.match(line):
            continue
        for pattern in _STRIP:
            line = pattern.sub(" ", line)
        yield number, line


def source_lines(page: Page):
    """(line number, raw text) below the front-matter, outside fenced code.

    Lines that include another file (--8<-- "name") are skipped: the included
    file is checked on its own (Project.included).
    """
    in_fence = False
    for number, line in page.body_lines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and not SNIPPET.match(line):
            yield number, line
