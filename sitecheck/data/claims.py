"""Claims and what the evidence shows, data/claims.yml: the one reader for the hook and the checks.

One entry, for example

    - id: acts-on-distant-tumours
      claim: Injecting one tumour sets off an immune response that attacks the cancer throughout the body ...
      verdict: not shown
      evidence: >-
        Shrinkage of tumours that were not injected has been seen, but only in an exploratory ...
      kind: subgroup or exploratory analysis
      sources: [andtbacka-2016, us-label]
      see: mechanism-of-action.md#uninjected-lesions

becomes a section of the page "Claims and evidence" (hooks/claims.py). The
fields, the verdict scale and the kinds of evidence are in
schemas/claims.schema.json; the file is validated against it on every read.
An id used twice and a source missing from data/references.yml are refused
here, since a schema cannot say either; a `see` link that leads nowhere is
caught by MkDocs' own link validation, as for any page.
"""

from __future__ import annotations

import dataclasses
import functools
import pathlib

from ..project import Problem
from . import _yaml

PATH = "data/claims.yml"
SCHEMA = "schemas/claims.schema.json"
# Verdicts of an earlier scale, with what to use instead, so an old entry gets a useful message.
RETIRED = {
    "not supported": "use 'not shown' if the evidence fails to show the claim, or 'contradicted' if it shows the opposite",
    "unproven": "use 'not shown'",
}
RULES = _yaml.Rules(PATH, SCHEMA, names={"id": "claim"}, hints=RETIRED)


@dataclasses.dataclass(frozen=True)
class Claim(_yaml.Item):
    @property
    def sources(self) -> list[str]:
        sources = self.fields.get("sources")
        return [str(key) for key in sources] if isinstance(sources, list) else []


@dataclasses.dataclass(frozen=True)
class Claims:
    claims: tuple[Claim, ...]
    # What breaks the schema or the unique-id rule, each at its line; empty when the file is sound.
    problems: tuple[Problem, ...]
    # The claims that break no rule: the ones the page can show.
    sound: tuple[Claim, ...]

    def unlisted_sources(self, source_keys: set[str]) -> list[Problem]:
        """A source of a claim that is not a key of data/references.yml, at the line of its list."""
        return [
            Problem(PATH, claim.line_of("sources"), (
                f"claim '{claim.id}': source '{key}' is not in data/references.yml; "
                "add the source there, or use the key of one that is"
            ))
            for claim in self.claims
            for key in claim.sources
            if key not in source_keys
        ]


def parse(text: str, schema_text: str | None = None) -> Claims:
    """The claims in ``text``, judged against the schema (``schema_text``, or the schema file)."""
    document, problems = RULES.judge(text, schema_text)
    if document is None:
        return Claims((), tuple(problems), ())
    claims = tuple(Claim.of(fields, node) for fields, node in _yaml.listed(document.data, document.root, "claims"))
    problems += _yaml.repeated(claims, "id", PATH, lambda identifier, first: (
        f"claim id '{identifier}' is already used at line {first}; ids are unique: give this claim another"
    ))
    return Claims(claims, tuple(problems), _yaml.untouched(claims, problems))


def read(root: pathlib.Path) -> Claims:
    """data/claims.yml of the project at ``root``, judged against its schema."""
    return _parse_cached((pathlib.Path(root) / PATH).read_text(encoding="utf-8"), RULES.schema_text())


_parse_cached = functools.lru_cache(maxsize=4)(parse)


def verdicts() -> tuple[str, ...]:
    """The verdict scale, strongest agreement first, as the schema lists it."""
    return tuple(RULES.schema["definitions"]["claim"]["properties"]["verdict"]["enum"])
