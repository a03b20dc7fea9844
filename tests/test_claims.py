"""The claims page: every entry of data/claims.yml keeps to its schema, is sourced and linked."""

import re
import textwrap

import pytest

from conftest import ROOT, messages, report
from sitecheck import build as build_check
from sitecheck import claims as claims_check
from sitecheck.data import claims

PAGE = "docs/claims-and-evidence.md"
CLAIMS = claims.read(ROOT).claims


def test_every_claim_keeps_to_the_schema_and_cites_listed_sources(project):
    report(claims_check.check(project))


def test_the_page_explains_every_verdict_of_the_scale_and_no_other():
    text = (ROOT / PAGE).read_text(encoding="utf-8")
    section = text.split("## How to read this page", 1)[1].split("\n## ", 1)[0]
    explained = re.findall(r"^- \*\*([^*]+)\*\*: \S", section, flags=re.M)
    assert tuple(explained) == claims.verdicts(), (
        f"{PAGE}: 'How to read this page' explains the verdicts {explained}; "
        f"{claims.SCHEMA} allows {list(claims.verdicts())}: explain each allowed verdict once, in that order"
    )


def test_every_claim_is_rendered_with_its_verdict_and_link(site):
    article = site.soup("claims-and-evidence/index.html").select_one("article")
    for claim in CLAIMS:
        section = article.find(id=claim.id)
        assert section is not None, f"{claims.PATH}:{claim.line}: '{claim.id}' is not on the page"
        paragraph = section.find_next("p")
        assert paragraph.get_text().startswith(f"Verdict: {claim['verdict']}.")
        assert paragraph.find_all("sup", id=lambda value: value and value.startswith("fnref")), f"'{claim.id}' cites nothing"


SOUND = {
    "id": "works-everywhere", "claim": "It works everywhere.", "verdict": "not shown", "evidence": "No trial shows it.",
    "kind": "randomised phase 3", "sources": "[us-label]", "see": "clinical-trials/optim.md#primary-results",
}


def one_claim(**changes) -> str:
    """data/claims.yml with one claim, whose fields start at line 2 in the order of SOUND (None leaves a field out)."""
    fields = {**SOUND, **changes}
    return "claims:\n" + textwrap.indent("- " + "\n  ".join(f"{name}: {value}" for name, value in fields.items() if value is not None) + "\n", "  ")


def test_a_sound_claim_has_no_problem():
    found = claims.parse(one_claim())
    assert found.problems == () and [claim.id for claim in found.sound] == ["works-everywhere"]


# One claim broken one way each: (its changes, "line: message" the check must print).
SCHEMA_FAULTS = {
    "missing-required-field": ({"see": None}, "2: claim 'works-everywhere' has no 'see'; add 'see: ...'"),
    "verdict-off-the-scale": (
        {"verdict": "probably true"},
        "4: claim 'works-everywhere': verdict 'probably true' is not one of: supported, partly supported, not shown, contradicted"),
    "retired-verdict": (
        {"verdict": "not supported"},
        "4: claim 'works-everywhere': verdict 'not supported' is not one of: supported, partly supported, not shown, contradicted; "
        "that verdict was retired: use 'not shown' if the evidence fails to show the claim, or 'contradicted' if it shows the opposite"),
    "kind-off-the-list": ({"kind": "anecdote"}, "6: claim 'works-everywhere': kind 'anecdote' is not one of: randomised phase 3"),
    "id-not-lower-case-with-hyphens": (
        {"id": "Works_Everywhere"}, "2: claim 'Works_Everywhere': id 'Works_Everywhere' must be lower-case words joined by hyphens"),
    "unknown-field": ({"note": "x"}, "9: claim 'works-everywhere' has an unknown field 'note'; allowed: id, claim, verdict"),
    "field-given-twice": ({"see": "a.md\n  verdict: supported"}, "9: 'verdict' is given twice in one mapping, at lines 4 and 9"),
}


@pytest.mark.parametrize("changes, expected", SCHEMA_FAULTS.values(), ids=SCHEMA_FAULTS.keys())
def test_fault_claim_breaking_the_schema_is_named_with_file_line_and_fix(changes, expected):
    found = claims.parse(one_claim(**changes))
    assert f"{claims.PATH}:{expected}" in messages(found.problems), messages(found.problems)
    assert found.sound == (), "a broken claim is left off the page"


def test_fault_two_claims_with_one_id_names_both_lines():
    text = one_claim() + one_claim().removeprefix("claims:\n")
    found = messages(claims.parse(text).problems)
    assert f"{claims.PATH}:9: claim id 'works-everywhere' is already used at line 2; ids are unique" in found, found


def test_fault_source_missing_from_the_references_is_named_at_its_line():
    found = messages(claims.parse(one_claim(sources="[us-label, no-such-source]")).unlisted_sources({"us-label"}))
    assert f"{claims.PATH}:7: claim 'works-everywhere': source 'no-such-source' is not in data/references.yml" in found, found


def test_fault_link_that_leads_nowhere_fails_the_build(broken):
    first = CLAIMS[0]["see"]
    broken.replace(claims.PATH, f"see: {first}", "see: no-such-page.md", count=1)
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0 and "docs/claims-and-evidence.md" in found and "no-such-page.md" in found, found
