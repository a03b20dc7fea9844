"""The claims page: every entry of data/claims.yml is well-formed, sourced and linked."""

import re

import yaml

import claims  # hooks/claims.py
from conftest import ROOT, messages
from sitecheck import build as build_check
from sitecheck.citations import reference_entries

PAGE = "docs/claims-and-evidence.md"


def entries(root=ROOT):
    return yaml.safe_load((root / claims.DATA).read_text(encoding="utf-8"))["claims"]


def test_every_claim_has_a_kind_a_verdict_and_listed_sources(project):
    found = claims.problems(entries(), set(reference_entries(project)))
    assert not found, "\n".join(found)


def test_a_verdict_outside_the_scale_is_named_with_the_allowed_values(project):
    entry = {**entries()[0], "verdict": "probably true"}
    found = claims.problems([entry], set(reference_entries(project)))
    assert found == [
        f"{claims.DATA}: entry 1 ({entry['id']}): verdict 'probably true' is not one of: "
        "supported, partly supported, not shown, contradicted"
    ], found


def test_a_retired_verdict_says_what_to_use_instead(project):
    entry = {**entries()[0], "verdict": "not supported"}
    found = "\n".join(claims.problems([entry], set(reference_entries(project))))
    assert f"entry 1 ({entry['id']}): verdict 'not supported' is not one of: " in found, found
    assert "'not shown' if the evidence fails to show the claim, or 'contradicted' if it shows the opposite" in found, found


def test_the_page_explains_every_verdict_of_the_scale_and_no_other():
    text = (ROOT / PAGE).read_text(encoding="utf-8")
    section = text.split("## How to read this page", 1)[1].split("\n## ", 1)[0]
    explained = re.findall(r"^- \*\*([^*]+)\*\*: \S", section, flags=re.M)
    assert tuple(explained) == claims.VERDICTS, (
        f"{PAGE}: 'How to read this page' explains the verdicts {explained}; "
        f"hooks/claims.py allows {list(claims.VERDICTS)}: explain each allowed verdict once, in that order"
    )


def test_every_claim_is_rendered_with_its_verdict_and_link(site):
    article = site.soup("claims-and-evidence/index.html").select_one("article")
    for entry in entries():
        section = article.find(id=entry["id"])
        assert section is not None, f"{claims.DATA}: '{entry['id']}' is not on the page"
        paragraph = section.find_next("p")
        assert paragraph.get_text().startswith(f"Verdict: {entry['verdict']}.")
        assert paragraph.find_all("sup", id=lambda value: value and value.startswith("fnref")), f"'{entry['id']}' cites nothing"


def test_fault_unknown_kind_of_evidence_fails_the_build(broken):
    broken.replace("data/claims.yml", "kind: laboratory study", "kind: anecdote")
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0 and "data/claims.yml: entry" in found and "kind 'anecdote' is not one of" in found, found


def test_fault_verdict_outside_the_scale_fails_the_build(broken):
    broken.replace("data/claims.yml", "verdict: supported", "verdict: likely")
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0 and "data/claims.yml: entry" in found, found
    assert "verdict 'likely' is not one of: supported, partly supported, not shown, contradicted" in found, found


def test_fault_source_missing_from_references_fails_the_build(broken):
    broken.replace("data/claims.yml", "us-label", "no-such-source")
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0 and "source 'no-such-source' is not in data/references.yml" in found, found


def test_fault_link_that_leads_nowhere_fails_the_build(broken):
    first = entries(broken.root)[0]["see"]
    broken.replace("data/claims.yml", f"see: {first}", "see: no-such-page.md", count=1)
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0 and "docs/claims-and-evidence.md" in found and "no-such-page.md" in found, found
