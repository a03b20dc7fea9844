"""Definitions in place: each abbreviation is defined at its first use in a section, and only there.

hooks/abbreviation_first_use.py keeps <abbr title> (the tooltip) on the first
use of each abbreviation in a section and makes later uses plain text, so a
page sets up a few dozen tooltips instead of hundreds. This check reads the
built pages as a reader meets them: sections start at each h2, the footnotes
are a section of their own, and a tab's or a collapsible block's content counts
inside it only. In each section:

- the first use of an abbreviation carries its definition and can be reached
  by keyboard (<abbr title="..." tabindex="0">);
- no later use carries it again, nor does a link's text (a tap there follows
  the link; uses in links do not count).

Footnote back-links and heading permalinks name themselves with aria-label
(hooks/link_labels.py), not a title that would set up one more tooltip each.

The print page, the whole site to print, sets up no tooltips at all
(hooks/print_page_tooltips.py).

Text in code, and the template's own text around the article (the glossary note,
the citation, the review dates, the feedback link), are not Markdown and never had tooltips.
"""

from __future__ import annotations

import json
import re

from bs4 import NavigableString, Tag
from bs4.element import Comment

from .built_site import BuiltSite, PRINT_PAGE
from .glossary import definitions
from .project import Page, Problem

HOOK = "hooks/abbreviation_first_use.py"
LINK_LABELS = "hooks/link_labels.py"
PRINT_PAGE_HOOK = "hooks/print_page_tooltips.py"
TOOLTIP_FEATURES = {"content.tooltips", "content.footnote.tooltips"}
# Template text inside <article> (overrides/main.html, Material): not Markdown.
NOT_MARKDOWN = {"glossary-note", "cite-page", "page-feedback", "page-review", "md-source-file", "md-content__button", "headerlink"}
NOT_PROSE = {"code", "pre", "script", "style", "kbd"}


def _classes(tag: Tag) -> set[str]:
    return set(tag.get("class") or [])


def _opens_hidden_scope(tag: Tag) -> bool:
    return tag.name == "details" or "tabbed-block" in _classes(tag)


class _Section:
    """What one section has defined so far, and what is wrong in it."""

    def __init__(self, title: str, seen: set[str] | None = None):
        self.title = title
        self.seen = set(seen or ())


def _walk(node: Tag, section: _Section, terms: re.Pattern, found: list[tuple[str, str, str]]) -> _Section:
    """Visit node's children in document order; returns the section that is current after them."""
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            for match in terms.finditer(str(child)):
                term = match.group(0)
                if term not in section.seen:
                    section.seen.add(term)
                    found.append(("undefined", term, section.title))
            continue
        if not isinstance(child, Tag) or child.name in NOT_PROSE or _classes(child) & NOT_MARKDOWN:
            continue
        if child.name == "a":
            for abbr in child.find_all("abbr", title=True):
                found.append(("in a link", abbr.get_text(), section.title))
            continue
        if child.name == "h2":
            section = _Section(" ".join(child.get_text(" ").replace("¶", "").split()))
        if child.name == "abbr" and child.get("title") is not None:
            term = child.get_text()
            if term in section.seen:
                found.append(("repeated", term, section.title))
            else:
                section.seen.add(term)
                if child.get("tabindex") != "0":
                    found.append(("not focusable", term, section.title))
        elif child.name == "div" and "footnote" in _classes(child):
            _walk(child, _Section("Footnotes"), terms, found)
        elif _opens_hidden_scope(child):
            _walk(child, _Section(section.title, section.seen), terms, found)
        else:
            section = _walk(child, section, terms, found)
    return section


def _line(page: Page, section: str, term: str) -> int | None:
    """The first line naming term at or after the section's heading: where a contributor looks."""
    start = 0
    if section == "Footnotes":
        start = next((number for number, line in enumerate(page.lines) if line.startswith("[^")), 0)
    elif section:
        start = next((number for number, line in enumerate(page.lines)
                      if line.startswith("## ") and section in line), 0)
    word = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    return next((number + 1 for number, line in enumerate(page.lines[start:], start) if word.search(line)), None)


def check_site(site: BuiltSite) -> list[Problem]:
    terms = sorted(definitions(site.project), key=len, reverse=True)
    # As the abbr extension matches them: whole words, the longest term first.
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\b")
    problems = []
    for page, soup in site.pages():
        article = soup.select_one("article.md-content__inner")
        if article is None:
            continue
        labelled = article.select("a.footnote-backref[title], a.headerlink[title]")
        if labelled:
            problems.append(Problem(page.source, None,
                f"{len(labelled)} footnote back-links and permalinks carry a title, and each sets up a tooltip at load; "
                f"{LINK_LABELS} names them with aria-label instead: is it listed under hooks: in mkdocs.yml?"))
        found: list[tuple[str, str, str]] = []
        _walk(article, _Section(""), pattern, found)
        for kind, term, section in dict.fromkeys(found):
            where = f"section '{section}'" if section else "the page's opening section"
            if kind == "undefined":
                message = (f"'{term}' is first used in {where} without its definition (no <abbr title>); "
                           f"{HOOK} keeps the definition on the first use in each section: is it listed under hooks: in mkdocs.yml?")
            elif kind == "not focusable":
                message = (f"'{term}' is defined in {where}, but a keyboard cannot reach it (no tabindex=\"0\" on its <abbr>); "
                           f"{HOOK} adds it")
            elif kind == "in a link":
                message = (f"'{term}' carries its definition inside a link's text in {where}; a tap there follows the link, "
                           f"so {HOOK} leaves a link's text plain and defines the next use outside a link")
            else:
                message = (f"'{term}' carries its definition again after its first use in {where}; later uses are plain text, "
                           f"so that the page sets up one tooltip per term and section ({HOOK})")
            problems.append(Problem(page.source, _line(page, section, term), message))
    if (site.root / PRINT_PAGE).exists():
        settings = site.soup(PRINT_PAGE).find("script", id="__config")
        features = json.loads(settings.string).get("features", []) if settings and settings.string else []
        if TOOLTIP_FEATURES & set(features):
            problems.append(Problem("mkdocs.yml", None,
                "the print page (the whole site on one page) sets up Material's tooltips, over a thousand at load; "
                f"{PRINT_PAGE_HOOK} switches them off there: is it listed under hooks: in mkdocs.yml?"))
    return problems
