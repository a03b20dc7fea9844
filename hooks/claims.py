"""Renders the "Claims and evidence" page from data/claims.yml.

docs/claims-and-evidence.md holds the page's front-matter, its summary and
introduction, and one marker line where the entries go:

    <!-- claims: rendered from data/claims.yml by hooks/claims.py -->

Each entry becomes a section with the claim, a verdict, what the evidence
shows (with a footnote per source, linking to the references page), the kind
of evidence and a link to where the site discusses it. An entry that breaks
the rules (unknown kind or verdict, no source, missing key) is logged as a
warning naming data/claims.yml and the entry, so `mkdocs build --strict` and
the tests fail on it; a `see` link that leads nowhere is caught by MkDocs' own
link validation, as for any page.
"""

from __future__ import annotations

import logging
import pathlib
import re

import yaml

import _generated
import _references

log = logging.getLogger("mkdocs.hooks.claims")

PAGE = "claims-and-evidence.md"
MARKER = "<!-- claims: rendered from data/claims.yml by hooks/claims.py -->"
DATA = "data/claims.yml"
KINDS = (
    "randomised phase 3",
    "randomised phase 2",
    "single-arm study",
    "subgroup or exploratory analysis",
    "laboratory study",
    "regulatory label",
    # Who developed what, and when: dates and facts of record rather than trial results.
    "regulator, company or news record",
)
# The verdict scale, strongest agreement first; the page's "How to read this page"
# explains each one (tests/test_claims.py checks that it lists exactly these).
# "not shown" (the evidence fails to show the claim, e.g. a hazard ratio whose
# confidence interval reaches 1.00) is kept apart from "contradicted" (the evidence
# shows the opposite): a trial that missed its target is not proof of no effect.
VERDICTS = ("supported", "partly supported", "not shown", "contradicted")
# Verdicts of the earlier scale, with what to use instead, so an old entry gets a useful message.
RETIRED = {
    "not supported": "use 'not shown' if the evidence fails to show the claim, or 'contradicted' if it shows the opposite",
    "unproven": "use 'not shown'",
}
REQUIRED = ("id", "claim", "verdict", "evidence", "kind", "sources", "see")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def problems(claims: list[dict], source_keys: set[str]) -> list[str]:
    """What is wrong with the entries, one message each, naming the entry."""
    found, seen = [], set()
    for number, claim in enumerate(claims, start=1):
        name = f"{DATA}: entry {number} ({claim.get('id', 'no id')})"
        missing = [key for key in REQUIRED if not claim.get(key)]
        if missing:
            found.append(f"{name}: missing {', '.join(missing)}")
            continue
        unknown = set(claim) - set(REQUIRED)
        if unknown:
            found.append(f"{name}: unknown keys {sorted(unknown)}")
        if not ID.match(claim["id"]) or claim["id"] in seen:
            found.append(f"{name}: id must be unique kebab-case")
        seen.add(claim["id"])
        if claim["kind"] not in KINDS:
            found.append(f"{name}: kind '{claim['kind']}' is not one of: {', '.join(KINDS)}")
        if claim["verdict"] not in VERDICTS:
            hint = RETIRED.get(claim["verdict"])
            found.append(
                f"{name}: verdict '{claim['verdict']}' is not one of: {', '.join(VERDICTS)}"
                + (f"; that verdict was retired: {hint}" if hint else "")
            )
        for key in claim["sources"]:
            if key not in source_keys:
                found.append(f"{name}: source '{key}' is not in data/references.yml")
    return found


def render(claims: list[dict], sources: dict[str, dict]) -> str:
    """The entries as Markdown: a section each, footnotes at the end."""
    sections, footnotes = [], []
    for claim in claims:
        labels = []
        for index, key in enumerate(claim["sources"], start=1):
            label = f"{claim['id']}-{index}"
            labels.append(f"[^{label}]")
            name = sources.get(key, {}).get("name", key).rstrip(".")
            footnotes.append(f"[^{label}]: {name}. See [{key}](references.md#{key}).")
        evidence = " ".join(str(claim["evidence"]).split())
        sections.append(
            "\n".join(
                [
                    f"### Claim: {claim['claim'].rstrip('.')} {{ #{claim['id']} }}",
                    "",
                    f"**Verdict: {claim['verdict']}.** {evidence}{''.join(labels)}",
                    "",
                    f"*Kind of evidence:* {claim['kind']}. [Read more on this site]({claim['see']}).",
                ]
            )
        )
    return "\n\n".join(sections) + "\n\n" + "\n".join(footnotes) + "\n"


def load(config) -> list[dict]:
    path = pathlib.Path(config["config_file_path"]).parent / DATA
    return (yaml.load(path.read_text(encoding="utf-8"), Loader=_references.SafeLoader) or {}).get("claims") or []


def on_page_markdown(markdown, page, config, **kwargs):
    def generate() -> str:
        sources = _references.read(pathlib.Path(config["config_file_path"]).parent)
        claims = load(config)
        for message in problems(claims, set(sources)):
            log.warning(message)
        valid = [claim for claim in claims if all(claim.get(key) for key in REQUIRED)]
        return render(valid, sources)

    return _generated.fill(markdown, page, PAGE, MARKER, generate)
