"""The list of equivalent search terms (data/search-terms.yml) is sound, and the built index holds it.

Rules, each reported with the file and line of the term or group:
- the file is well-formed (a list of groups, each with a known kind and a list of terms);
- every group has at least two terms that search tells apart ("T-VEC" and "T VEC" are one);
- no term is in two groups;
- no term is made only of words search ignores ("the", "who");
- at least one term of every group is on the site, or the group matches nothing.
And in the built search index: every section that holds a term of a group holds all of them.
"""

from __future__ import annotations

import json
import pathlib

from .built_site import BuiltSite
from .data import search_terms as _search_terms
from .project import Problem, Project

SEARCH_INDEX = "search/search_index.json"


def separator(project: Project) -> str:
    """The search plugin's separator from mkdocs.yml (the one the built index uses)."""
    for plugin in project.config.get("plugins") or []:
        if isinstance(plugin, dict) and "search" in plugin:
            return (plugin["search"] or {}).get("separator", r"[\s\-]+")
    return r"[\s\-]+"


def _index_docs(site_dir: pathlib.Path) -> list[dict]:
    return json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]


def check_site(site: BuiltSite) -> list[Problem]:
    """Problems with data/search-terms.yml, judged against the built site's search index."""
    project, site_dir = site.project, site.root
    source = _search_terms.DATA

    def problem(line, message):
        return Problem(source, line, message)

    try:
        terms = _search_terms.Terms(_search_terms.parse(project.text(source)), separator(project))
    except ValueError as error:  # _yaml.Malformed, YAML syntax errors included: (line, message)
        line, message = error.args
        return [problem(line, message)]

    site_words = [
        (words, _search_terms.Words(words))
        for doc in _index_docs(site_dir)
        for words in [terms.words(_search_terms.unmarked(doc["title"]) + " " + _search_terms.unmarked(doc["text"]))]
    ]
    problems = []
    seen: dict[tuple[str, ...], _search_terms.Term] = {}
    for group in terms.groups:
        distinct: dict[tuple[str, ...], _search_terms.Term] = {}
        for term in group.terms:
            words = tuple(terms.words(term.text))
            if not words:
                problems.append(problem(term.line, f"'{term.text}' is made only of words that search ignores; use a word that carries the meaning"))
                continue
            if words in seen and seen[words] not in group.terms:
                problems.append(problem(
                    term.line,
                    f"'{term.text}' is already in the group at line {seen[words].line} (as '{seen[words].text}'); "
                    "a term belongs to one group: merge the two groups or drop one",
                ))
            seen.setdefault(words, term)
            distinct.setdefault(words, term)
        if not group.terms:
            problems.append(problem(group.line, "the group has no terms; give at least two, e.g. terms: [tumour, tumor]"))
        elif len(distinct) < 2:
            problems.append(problem(
                group.line,
                "the group has fewer than two terms that search tells apart (hyphens and spaces split words alike); "
                "add another form or remove the group",
            ))
        if distinct and not any(terms.holds(words, term.text, index) for words, index in site_words for term in group.terms):
            problems.append(problem(
                group.line,
                f"no term of this group ({', '.join(t.text for t in group.terms)}) is on the site, so it finds nothing; "
                "check the spelling or remove the group",
            ))
    return problems


def unexpanded(project: Project, site_dir: pathlib.Path) -> list[Problem]:
    """Sections of the built index that hold one term of a group but not all of them."""
    terms = _search_terms.load(project.root, separator(project))
    problems = []
    for doc in _index_docs(site_dir):
        for field in ("title", "text"):
            words = terms.words(doc[field])
            original = terms.words(_search_terms.unmarked(doc[field]))
            words_index, original_index = _search_terms.Words(words), _search_terms.Words(original)
            for group in terms.groups:
                if any(terms.holds(original, term.text, original_index) for term in group.terms):
                    lacking = [term.text for term in group.terms if not terms.holds(words, term.text, words_index)]
                    if lacking:
                        problems.append(Problem(
                            SEARCH_INDEX, None,
                            f"{doc['location']} ({field}) holds a term of the group at {_search_terms.DATA}:{group.line} "
                            f"but a search for {', '.join(lacking)} would miss it; is hooks/search_terms.py listed under hooks: in mkdocs.yml?",
                        ))
    return problems
