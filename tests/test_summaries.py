"""Every content page opens with a short, plain "In short" summary a patient can read."""

import re

from conftest import messages, report
from sitecheck import summaries
from sitecheck.project import Page

PAGE = "docs/clinical-trials/optim.md"
# The summary box as written on a page: the opening line, then its indented or blank lines.
BOX = re.compile(r'^!!! abstract "In short"\n\n(?:(?: {4}.*)?\n)*', re.M)
HEADER = "---\ntitle: A page\ndescription: A page for the test.\nlast_reviewed: 2026-11-30\nnext_review: 2027-11-30\n---\n\n"


def with_summary(broken, relative: str, points: list[str]) -> None:
    """Replace the page's summary with one holding ``points``."""
    text = (broken.root / relative).read_text(encoding="utf-8")
    box = '!!! abstract "In short"\n\n' + "".join(f"    - {point}\n" for point in points) + "\n"
    new, replaced = BOX.subn(lambda _: box, text, count=1)
    assert replaced, f"the fault test expected a summary in {relative}"
    broken.write(relative, new)


def test_every_content_page_opens_with_a_plain_summary(project):
    report(summaries.check(project))


def test_fault_content_page_without_summary(broken):
    text = (broken.root / PAGE).read_text(encoding="utf-8")
    broken.write(PAGE, BOX.sub("", text, count=1))
    found = messages(summaries.check(broken.project))
    assert f"{PAGE}:" in found and "has no plain-language summary" in found, found


def test_fault_new_page_without_summary(broken):
    broken.write("docs/clinical-trials/new-trial.md", HEADER + "A new trial is described here.\n")
    found = messages(summaries.check(broken.project))
    assert "docs/clinical-trials/new-trial.md:8:" in found and "has no plain-language summary" in found, found


def test_fault_summary_below_the_lead_paragraph(broken):
    text = (broken.root / PAGE).read_text(encoding="utf-8")
    box = BOX.search(text).group(0)
    lead_end = text.index("\n\n", text.index(box) + len(box)) + 2
    broken.write(PAGE, text[:lead_end].replace(box, "", 1) + box + text[lead_end:])
    found = messages(summaries.check(broken.project))
    assert f"{PAGE}:" in found and "must be the first thing after the front-matter" in found, found


def test_fault_six_points(broken):
    with_summary(broken, PAGE, [f"Point number {word} is short." for word in ["one", "two", "three", "four", "five", "six"]])
    found = messages(summaries.check(broken.project))
    assert f"{PAGE}:" in found and "the summary has 6 points; keep at most 5" in found, found


def test_fault_empty_point(broken):
    with_summary(broken, PAGE, ["The trial was large.", ""])
    found = messages(summaries.check(broken.project))
    assert f"{PAGE}:" in found and "empty point" in found, found


def test_fault_hard_summary(broken):
    with_summary(broken, PAGE, [
        "Intralesional administration of attenuated oncolytic herpesviral immunotherapeutics "
        "necessitates comprehensive multidisciplinary pharmacovigilance considerations."
    ])
    found = messages(summaries.check(broken.project))
    assert f"{PAGE}:" in found and "Flesch-Kincaid grade" in found and "above the limit of 9" in found, found


def test_fault_abbreviation_not_spelled_out(broken):
    with_summary(broken, PAGE, ["The trial gave GM-CSF to the other group."])
    found = messages(summaries.check(broken.project))
    assert f"{PAGE}:" in found and "uses 'GM-CSF' without spelling it out" in found, found


def test_spelled_out_abbreviation_and_brand_names_are_accepted(broken):
    with_summary(broken, PAGE, [
        "The other group got granulocyte-macrophage colony-stimulating factor (GM-CSF).",
        "GM-CSF is not a usual melanoma drug.",
        "IMLYGIC and TUDRIQEV are brand names.",
        "It was a shot.",
    ])
    assert summaries.check(broken.project) == []


def test_glossary_references_and_about_pages_need_no_summary(broken):
    broken.write("docs/about/team.md", HEADER + "Who writes this site.\n")
    without = [page.path for page in broken.project.pages if not summaries.is_content_page(page)]
    assert without == ["about/contributing.md", "about/editorial-policy.md", "about/index.md", "about/team.md", "glossary.md", "references.md", "whats-new.md"]
    assert summaries.check(broken.project) == []


def test_summary_reads_points_as_plain_text():
    page = Page("example.md", HEADER + (
        '!!! abstract "In short"\n'
        "\n"
        "    - It is **not** a *cure*; see [the trial](clinical-trials/optim.md).[^label-s1]\n"
        "    - A point that runs\n"
        "      over two lines, with `code`.\n"
        "\n"
        "The lead paragraph.\n"
    ))
    assert summaries.summary(page) == (8, ["It is not a cure; see the trial.", "A point that runs over two lines, with code."])


def test_summary_must_open_the_page():
    page = Page("example.md", HEADER + 'The lead paragraph.\n\n!!! abstract "In short"\n\n    - A point.\n')
    assert summaries.summary(page) is None
