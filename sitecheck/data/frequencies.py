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
from . import _yaml

DATA = "data/frequencies.yml"
REQUIRED = ("id", "group", "what", "percentage", "source", "section")
OPTIONAL = ("numerator", "denominator", "also")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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


Malformed = _yaml.Malformed


def parse(text: str) -> list[Entry]:
    """The entries of the file's ``text``, each with the line of its fields. Raises Malformed."""
    document = _yaml.parse(text)
    _yaml.mapping_items(document, "frequencies", "entry")  # a list of mappings, or Malformed
    return [Entry.of(fields, node) for fields, node in _yaml.listed(document.data, document.root, "frequencies")]


def problems(entries: list[Entry], source_keys: set[str]) -> list[tuple[int, str]]:
    """(line, message) for each broken rule of an entry; the line is the field's."""
    found: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for entry in entries:
        name = f"entry '{entry.fields.get('id', '?')}'"
        missing = [key for key in REQUIRED if entry.fields.get(key) in (None, "")]
        if missing:
            found.append((entry.line, f"{name} is missing {', '.join(missing)}; every entry needs {', '.join(REQUIRED)}"))
        for key in sorted(set(entry.fields) - set(REQUIRED) - set(OPTIONAL)):
            found.append((entry.line_of(key), f"{name} has an unknown key '{key}'; allowed: {', '.join(REQUIRED + OPTIONAL)}"))
        identifier = entry.fields.get("id")
        if identifier is not None:
            if not ID.match(str(identifier)):
                found.append((entry.line_of("id"), f"id '{identifier}' must be lower-case words joined by hyphens, e.g. optim-drr-imlygic"))
            elif identifier in seen:
                found.append((entry.line_of("id"), f"id '{identifier}' is already used by the entry at line {seen[identifier]}; ids are unique"))
            seen.setdefault(identifier, entry.line_of("id"))
        found += _number_problems(entry, name)
        keys = [entry.fields.get("source")] + list(entry.fields.get("also") or [])
        if entry.fields.get("also") is not None and not isinstance(entry.fields.get("also"), list):
            found.append((entry.line_of("also"), f"{name}: 'also' must be a list of keys of data/references.yml, e.g. [lalu-2019]"))
            keys = keys[:1]
        for field, key in zip(["source"] + ["also"] * (len(keys) - 1), keys):
            if key and key not in source_keys:
                found.append((entry.line_of(field), f"{name} cites '{key}', which is not a key of data/references.yml; add the source there or fix the key"))
    return found


def _number_problems(entry: Entry, name: str) -> list[tuple[int, str]]:
    found = []
    printed = entry.fields.get("percentage")
    if printed is None:
        return found
    if not isinstance(printed, str) or not PERCENTAGE.match(printed):
        return [(entry.line_of("percentage"), (
            f"{name}: percentage '{printed}' must be a number with a % sign as the source prints it, e.g. 16.3%; "
            "a figure printed as '<1%' cannot be drawn as N out of 100: use one the source gives as a number"
        ))]
    value = entry.decimal
    if value > 100:
        found.append((entry.line_of("percentage"), f"{name}: percentage {printed} is above 100%"))
    numerator, denominator = entry.fields.get("numerator"), entry.fields.get("denominator")
    for field, number in (("numerator", numerator), ("denominator", denominator)):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 0):
            found.append((entry.line_of(field), f"{name}: {field} must be a whole number of people, not '{number}'"))
            return found
    if numerator is not None and denominator is None:
        found.append((entry.line_of("numerator"), f"{name} gives a numerator without a denominator; add 'denominator:' (the people in the group)"))
        return found
    if denominator == 0:
        found.append((entry.line_of("denominator"), f"{name}: denominator must be more than 0"))
        return found
    if numerator is not None:
        if numerator > denominator:
            found.append((entry.line_of("numerator"), f"{name}: numerator {numerator} is larger than denominator {denominator}"))
            return found
        expected = percent_of(numerator, denominator, places(printed))
        if expected != value:
            found.append((entry.line_of("percentage"), (
                f"{name}: percentage {printed} does not match {numerator} of {denominator} "
                f"({expected}% to the printed precision); correct whichever differs from the source"
            )))
    elif denominator is not None:
        decimals = places(printed)
        if not any(percent_of(count, denominator, decimals) == value for count in range(denominator + 1)):
            found.append((entry.line_of("percentage"), (
                f"{name}: no whole number of the {denominator} people gives {printed}; "
                "correct the percentage or the denominator to what the source prints"
            )))
    return found


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
