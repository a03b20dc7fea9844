"""data/search-terms.yml, the groups of words that mean the same to a reader, as search sees them.

One reader for the hook that expands the search index (hooks/search_terms.py)
and for the checks (sitecheck/search_terms.py): the groups come with the
line of each term, taken from the YAML parser, so a check can point at it.

Terms are compared as Material's search compares words: lower-cased, split by
the search plugin's `separator` (mkdocs.yml), without lunr's English stop
words, the last word matched as the start of a word (search adds a wildcard to
what the reader types, so "tumour" finds "tumours").
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import pathlib
import re

import yaml

from . import _yaml

DATA = "data/search-terms.yml"
KINDS = ("spelling", "abbreviation", "name", "register")
# The appended terms, in the index only: hidden wherever a result is shown.
MARK = '<span hidden data-search-terms="">'
_MARKED = re.compile(re.escape(MARK) + r"[^<]*</span>")
_TAG = re.compile(r"<[^>]+>")
# Search ranks a section higher the more often it holds a word (with diminishing
# returns); beyond a few repeats an added term changes the ranking no more.
MAX_REPEAT = 10

# lunr.js's English stop words (lunr.stopWordFilter), dropped from both the
# index and the query, so they are dropped here too.
STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but by
can cannot could dear did do does either else ever every for from get got had has have he her
hers him his how however i if in into is it its just least let like likely may me might most
must my neither no nor not of off often on only or other our own rather said say says she should
since so some than that the their them then there these they this tis to too twas us wants was we
were what when where which while who whom why will with would yet you your
""".split())


@dataclasses.dataclass(frozen=True)
class Term:
    text: str
    line: int  # 1-based, in data/search-terms.yml


@dataclasses.dataclass(frozen=True)
class Group:
    kind: str
    terms: tuple[Term, ...]
    line: int


class Terms:
    """The groups, and how search splits text into words."""

    def __init__(self, groups: list[Group], separator: str):
        self.groups = groups
        self.separator = re.compile(separator)

    def words(self, text: str) -> list[str]:
        """The words search indexes for ``text`` (HTML tags and entities read as a browser would)."""
        plain = html.unescape(_TAG.sub(" ", text)).lower()
        return [word for word in self.separator.split(plain) if word and word not in STOP_WORDS]

    def count(self, words: list[str], term: str, index: "Words | None" = None) -> int:
        """How often a reader typing ``term`` would match ``words`` (the last word as a prefix).

        ``index``: ``Words(words)``, built once by a caller that asks about many terms.
        """
        wanted = self.words(term)
        if not wanted:
            return 0
        index = index or Words(words)
        *head, last = wanted
        if not head:
            return index.starting_with(last)
        return sum(
            1
            for start in index.positions.get(head[0], ())
            if words[start:start + len(head)] == head
            and start + len(head) < len(words)
            and words[start + len(head)].startswith(last)
        )

    def holds(self, words: list[str], term: str, index: "Words | None" = None) -> bool:
        return self.count(words, term, index) > 0

    def missing(self, text: str) -> list[str]:
        """The terms to add to ``text``: the partners of every term it holds, that it does not hold yet.

        Each partner comes as often as the text holds its group's terms (at most
        MAX_REPEAT times), so a section ranks for it as it does for the word on the page.
        """
        words = self.words(text)
        index = Words(words)
        added = []
        for group in self.groups:
            counts = {term.text: self.count(words, term.text, index) for term in group.terms}
            times = min(max(counts.values()), MAX_REPEAT)
            if times:
                added += [text for text, found in counts.items() if not found for _ in range(times)]
        return added

    def expand(self, text: str) -> str:
        """``text`` with the missing partners appended in a hidden span (any earlier span replaced)."""
        text = unmarked(text)
        added = self.missing(text)
        return f"{text} {MARK}{html.escape(' '.join(added))}</span>" if added else text


class Words:
    """A text's words, looked up by first word and by prefix without scanning them all."""

    def __init__(self, words: list[str]):
        self.sorted = sorted(words)
        self.positions: dict[str, list[int]] = {}
        for position, word in enumerate(words):
            self.positions.setdefault(word, []).append(position)

    def starting_with(self, prefix: str) -> int:
        return bisect.bisect_left(self.sorted, prefix + "\uffff") - bisect.bisect_left(self.sorted, prefix)


def unmarked(text: str) -> str:
    """``text`` without the terms this module added."""
    return _MARKED.sub("", text).rstrip()


def parse(text: str) -> list[Group]:
    """The groups of the file's ``text``, with line numbers. Raises ValueError (_yaml.Malformed) on a malformed file."""
    groups = []
    for node in _yaml.mapping_items(_yaml.parse(text), "groups", "group"):
        line = node.start_mark.line + 1
        fields = {key.value: value for key, value in node.value}
        unknown = sorted(set(fields) - {"kind", "terms"})
        if unknown:
            raise ValueError(line, f"unknown key {unknown[0]!r}; a group has only 'kind' and 'terms'")
        kind = fields.get("kind")
        if not isinstance(kind, yaml.ScalarNode) or kind.value not in KINDS:
            raise ValueError(line, f"'kind' must be one of {', '.join(KINDS)}")
        terms = fields.get("terms")
        if not isinstance(terms, yaml.SequenceNode) or not all(isinstance(t, yaml.ScalarNode) for t in terms.value):
            raise ValueError(line, "'terms' must be a list of words or phrases, e.g. [tumour, tumor]")
        groups.append(Group(kind.value, tuple(Term(str(t.value), t.start_mark.line + 1) for t in terms.value), line))
    return groups


def load(root: pathlib.Path, separator: str) -> Terms:
    return Terms(parse((pathlib.Path(root) / DATA).read_text(encoding="utf-8")), separator)
