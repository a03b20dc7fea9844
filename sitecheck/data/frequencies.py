"""data/frequencies.yml, the site's natural frequencies, as the hook and the checks read it.

One reader for the hook that draws them into pages (hooks/frequencies.py) and
for the checks (sitecheck/frequencies.py), with the rules of the file. Each
figure is typed once, in the data file, with the line of every field taken
from the YAML parser (yaml.compose), so a message can point at it:

    - id: optim-drr-imlygic
      group: in the IMLYGIC group
      what: had a durable response, with tumours that shrank and stayed smaller for at least 6 months
      numerator: 48
      denominator: 295
      percentage: 16.3%
      source: us-label
      section: section 14 (Clinical Studies)

A page shows figures with one marker line, naming one or more entries:

    <!-- frequencies: optim-drr-imlygic optim-drr-gmcsf -->

which hooks/frequencies.py turns, for each entry, into "About 16 out of 100
people in the IMLYGIC group had ... That is 48 of 295 people (16.3%)." with a
footnote to the source, and a pictogram of 100 people with 16 filled in.
"""

from __future__ import annotations

import dataclasses
import decimal
import re
from collections.abc import Iterator

from ..markdown_text import FENCE
from ..project import Problem
from . import _yaml

DATA = "data/frequencies.yml"
SCHEMA = "schemas/frequencies.schema.json"
RULES = _yaml.Rules(DATA, SCHEMA, names={"id": "entry"})
PERCENTAGE = re.compile(r"^(\d{1,3}(?:\.\d+)?)%$")
# A marker line, alone on its line outside code: <!-- frequencies: id id ... -->
MARKER = re.compile(r"^<!--\s*frequencies:\s*(.*?)\s*-->\s*$")
# Anything that looks like a marker but is not one (a typo must not vanish silently).
MARKER_LIKE = re.compile(r"^\s*<!--\s*frequenc", re.I)


@dataclasses.dataclass(frozen=True)
class Entry(_yaml.Item):
    @property
    def decimal(self) -> decimal.Decimal | None:
        match = PERCENTAGE.match(str(self.fields.get("percentage", "")))
        return decimal.Decimal(match.group(1)) if match else None

    @property
    def out_of_100(self) -> int | None:
        return out_of_100(self.decimal) if self.decimal is not None else None

    @property
    def sources(self) -> list[str]:
        """The key of its source, then those of 'also'."""
        source, also = self.fields.get("source"), self.fields.get("also")
        return ([str(source)] if source is not None else []) + ([str(key) for key in also] if isinstance(also, list) else [])


@dataclasses.dataclass(frozen=True)
class Frequencies:
    entries: tuple[Entry, ...]
    # What breaks the schema or a rule of the numbers, each at its line; empty when the file is sound.
    problems: tuple[Problem, ...]

    def unlisted_sources(self, source_keys: set[str]) -> list[Problem]:
        """A source (or 'also') of an entry that is not a key of data/references.yml, at its line."""
        return [
            Problem(DATA, entry.line_of("source" if key == entry.fields.get("source") else "also"), (
                f"entry '{entry.id}' cites '{key}', which is not a key of data/references.yml; add the source there or fix the key"
            ))
            for entry in self.entries
            for key in entry.sources
            if key not in source_keys
        ]

    def judged(self, source_keys: set[str]) -> tuple[dict[str, Entry], list[Problem]]:
        """The entries a page can show (those no problem points into), by id, and every problem, the
        sources missing from data/references.yml (``source_keys``) included."""
        problems = [*self.problems, *self.unlisted_sources(source_keys)]
        return {entry.id: entry for entry in _yaml.untouched(self.entries, problems)}, problems


def out_of_100(percentage: decimal.Decimal) -> int:
    """The percentage rounded to the nearest whole number, halves up (42.5% -> 43, not Python's 42)."""
    return int(percentage.quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def places(printed: str) -> int:
    """How many decimals a printed percentage shows: '16.3%' -> 1, '50%' -> 0."""
    number = printed.rstrip("%")
    return len(number.split(".")[1]) if "." in number else 0


def percent_of(numerator: int, denominator: int, decimals: int) -> decimal.Decimal:
    """numerator/denominator as a percentage rounded (halves up) to ``decimals`` places."""
    exact = decimal.Decimal(numerator) * 100 / decimal.Decimal(denominator)
    return exact.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)


def parse(text: str, schema_text: str | None = None) -> Frequencies:
    """The entries in ``text``, judged against the schema (``schema_text``, or the schema file) and the rules of the numbers."""
    document, problems = RULES.judge(text, schema_text)
    if document is None:
        return Frequencies((), tuple(problems))
    entries = tuple(Entry.of(fields, node) for fields, node in _yaml.listed(document.data, document.root, "frequencies"))
    problems += _yaml.repeated(entries, "id", DATA, lambda identifier, first: (
        f"id '{identifier}' is already used by the entry at line {first}; ids are unique"
    ))
    for entry in entries:
        problems += _number_problems(entry)
    return Frequencies(entries, tuple(sorted(set(problems))))


def _number_problems(entry: Entry) -> list[Problem]:
    """What the schema cannot say about the numbers; a number of the wrong form is the schema's to report."""
    name = f"entry '{entry.id}'"
    value = entry.decimal
    numerator, denominator = entry.fields.get("numerator"), entry.fields.get("denominator")
    if value is None or not (_is_count(numerator, 0) and _is_count(denominator, 1)):
        return []
    printed = entry.fields["percentage"]
    if value > 100:
        return [Problem(DATA, entry.line_of("percentage"), f"{name}: percentage {printed} is above 100%")]
    if numerator is not None and denominator is None:
        return [Problem(DATA, entry.line_of("numerator"), f"{name} gives a numerator without a denominator; add 'denominator:' (the people in the group)")]
    if numerator is not None:
        if numerator > denominator:
            return [Problem(DATA, entry.line_of("numerator"), f"{name}: numerator {numerator} is larger than denominator {denominator}")]
        expected = percent_of(numerator, denominator, places(printed))
        if expected != value:
            return [Problem(DATA, entry.line_of("percentage"), (
                f"{name}: percentage {printed} does not match {numerator} of {denominator} "
                f"({expected}% to the printed precision); correct whichever differs from the source"
            ))]
    elif denominator is not None:
        decimals = places(printed)
        if not any(percent_of(count, denominator, decimals) == value for count in range(denominator + 1)):
            return [Problem(DATA, entry.line_of("percentage"), (
                f"{name}: no whole number of the {denominator} people gives {printed}; "
                "correct the percentage or the denominator to what the source prints"
            ))]
    return []


def _is_count(number, least: int) -> bool:
    """Absent, or a whole number the schema accepts (True and False are not counts)."""
    return number is None or (type(number) is int and number >= least)


def prose_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line outside fenced code: markers and placeholders there are examples."""
    fence = None
    for number, line in enumerate(lines, start=1):
        opening = FENCE.match(line)
        if opening:
            if fence is None:
                fence = opening.group(1)
            elif opening.group(1) == fence:
                fence = None
            continue
        if fence is None:
            yield number, line


def markers(lines: list[str]) -> Iterator[tuple[int, list[str] | None, str]]:
    """(line number, ids or None if malformed, text) of each marker line outside fenced code."""
    for number, line in prose_lines(lines):
        match = MARKER.match(line)
        if match:
            ids = match.group(1).split()
            yield number, ids or None, line
        elif MARKER_LIKE.match(line):
            yield number, None, line
