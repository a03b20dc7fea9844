"""Natural frequencies: data/frequencies.yml is sound, and the pages show it as "About N out of 100 people" with a pictogram."""

import decimal
import re
import shutil
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

import frequencies as frequencies_hook  # hooks/frequencies.py
from conftest import line_of, messages, report
from sitecheck import build as build_check
from sitecheck import frequencies
from sitecheck.built_site import BuiltSite, html_path
from sitecheck.data import frequencies as _frequencies

DATA = frequencies.DATA
OPTIM = "docs/clinical-trials/optim.md"
SAFETY = "docs/clinical-use/safety.md"
VISIT = "docs/patients/treatment-visit.md"
# Where each figure is placed: the issue "Help readers decide and act" asks for these.
PLACED = {
    OPTIM: ["optim-drr-imlygic", "optim-drr-gmcsf", "optim-orr-imlygic", "optim-orr-gmcsf", "optim-cr-final-imlygic", "optim-cr-final-gmcsf"],
    SAFETY: ["label-fatigue", "label-chills", "label-fever", "label-nausea", "label-flu-like-illness", "label-injection-site-pain"],
    VISIT: ["optim-drr-imlygic", "optim-drr-gmcsf"],
}


def html_of(source: str) -> str:
    return html_path(source.removeprefix("docs/"))


def test_the_data_and_the_markers_are_sound(project):
    report(frequencies.check(project))


def test_the_built_figures_match_the_data(project, site):
    report(frequencies.check_site(site))


@pytest.mark.parametrize("source", sorted(PLACED))
def test_each_placed_figure_has_its_sentence_and_described_pictogram(site, project, source):
    entries = {entry.id: entry for entry in _frequencies.parse(project.text(DATA)).entries}
    article = site.soup(html_of(source)).select_one("article")
    for identifier in PLACED[source]:
        figure = article.find(id=f"frequency-{identifier}")
        assert figure is not None, f"{source}: no figure for '{identifier}'"
        filled = frequencies.nearest_whole(entries[identifier].fields["percentage"])
        caption = " ".join(figure.find("figcaption").get_text(" ").split())
        assert caption.startswith(f"About {filled} out of 100 people "), caption
        assert figure.find("figcaption").find("a", class_="footnote-ref"), f"'{identifier}' cites no source"
        image = figure.find("img")
        assert image["alt"] == f"{filled} of 100 people filled in, {100 - filled} outlined", image
        assert image["src"].endswith(f"assets/images/frequencies/{filled}-of-100.svg")


def test_the_durable_response_figures_read_as_before(site):
    """The figures the site states (16.3% with T-VEC, 2.1% with GM-CSF) come out as 16 and 2 in 100."""
    for source in (OPTIM, VISIT):
        text = site.soup(html_of(source)).select_one("article").get_text(" ")
        text = " ".join(text.split())
        assert "About 16 out of 100 people in the IMLYGIC group had a durable response" in text
        assert "About 2 out of 100 people in the GM-CSF group had a durable response" in text
        assert "48 of 295 people (16.3%)" in text and "3 of 141 people (2.1%)" in text


def test_the_patient_page_no_longer_types_the_numbers(project):
    """The patients' page shows the figure from the data, never typed a second time."""
    text = project.text(VISIT)
    for typed in ("16 in 100", "2 in 100", "16.3%", "2.1%"):
        assert typed not in text, f"{VISIT} types '{typed}'; show it with <!-- frequencies: ... --> instead"


def test_footnotes_link_to_the_references_page(site):
    article = site.soup(html_of(OPTIM)).select_one("article")
    notes = [note for note in article.select(".footnote li") if note["id"].startswith("fn:frequencies-")]
    assert len(notes) == 3, [note["id"] for note in notes]  # label section 14, primary paper, final analysis
    keys = {link["href"].split("#")[1] for note in notes for link in note.find_all("a") if "references/#" in link["href"]}
    assert keys == {"us-label", "andtbacka-2015", "lalu-2019", "andtbacka-2019"}, keys


def test_every_pictogram_is_valid_svg_with_a_title(site):
    files = sorted((site.root / frequencies_hook.IMAGES).glob("*.svg"))
    assert files, "no pictograms were written into the site"
    for path in files:
        root = ElementTree.fromstring(path.read_bytes())
        filled = int(path.name.split("-")[0])
        assert root.tag == f"{frequencies.SVG}svg"
        assert root.find(f"{frequencies.SVG}title").text == f"{filled} of 100 people"
        uses = [use.get("href") for use in root.iter(f"{frequencies.SVG}use")]
        assert len(uses) == 100 and uses.count("#filled") == filled
        # No script, no style: the Content Security Policy and the raw-HTML rule hold for the files too.
        assert not list(root.iter(f"{frequencies.SVG}script")) and not list(root.iter(f"{frequencies.SVG}style"))
        assert b"style=" not in path.read_bytes()


@pytest.mark.parametrize("printed, expected", [("16.3%", 16), ("2.1%", 2), ("0.7%", 1), ("42.5%", 43), ("50%", 50), ("99.5%", 100)])
def test_rounding_is_to_the_nearest_whole_number_halves_up(printed, expected):
    assert frequencies.nearest_whole(printed) == expected
    assert _frequencies.out_of_100(decimal.Decimal(printed.rstrip("%"))) == expected


# --- Fault tests: the data file and the markers ------------------------------

# (file, text to break, broken text, text on the line the message must name, message after "file:line: ")
FAULTS = {
    "percentage-drifted-from-its-counts": (
        DATA, "percentage: 16.3%", "percentage: 16.8%", "percentage: 16.8%",
        "entry 'optim-drr-imlygic': percentage 16.8% does not match 48 of 295 (16.3% to the printed precision)"),
    "numerator-that-disagrees": (
        DATA, "numerator: 50\n", "numerator: 52\n", "percentage: 16.9%",
        "entry 'optim-cr-final-imlygic': percentage 16.9% does not match 52 of 295 (17.6% to the printed precision)"),
    "numerator-larger-than-denominator": (
        DATA, "numerator: 3\n", "numerator: 300\n", "numerator: 300",
        "entry 'optim-drr-gmcsf': numerator 300 is larger than denominator 141"),
    "no-count-of-the-denominator-gives-the-percentage": (
        DATA, "percentage: 50.3%", "percentage: 50.1%", "percentage: 50.1%",
        "entry 'label-fatigue': no whole number of the 292 people gives 50.1%"),
    "percentage-printed-as-a-bound": (
        DATA, "percentage: 0.7%", "percentage: <1%", "percentage: <1%",
        "entry 'optim-cr-final-gmcsf': percentage '<1%' must be a number"),
    "citation-missing-from-the-references": (
        DATA, "source: andtbacka-2019", "source: andtbacka-2091", "source: andtbacka-2091",
        "entry 'optim-cr-final-imlygic' cites 'andtbacka-2091', which is not a key of data/references.yml"),
    "citation-left-out": (
        DATA, "    source: us-label\n    section: section 14 (Clinical Studies)\n  - id: optim-drr-gmcsf", "  - id: optim-drr-gmcsf",
        "id: optim-drr-imlygic", "entry 'optim-drr-imlygic' has no 'section'; add 'section: ...' (Where in the source the figure is, as a footnote names it"),
    "unknown-key": (
        DATA, "    numerator: 3\n", "    numerator: 3\n    confidence: 0-4.5\n", "confidence:",
        "entry 'optim-drr-gmcsf' has an unknown field 'confidence'; allowed: id, group, what, numerator"),
    "percentage-without-its-sign": (
        DATA, "percentage: 16.3%", "percentage: 16.3", "percentage: 16.3",
        "entry 'optim-drr-imlygic': percentage must be written with a % sign as the source prints it, e.g. 16.3%"),
    "count-that-is-not-whole": (
        DATA, "numerator: 3\n", "numerator: 2.5\n", "numerator: 2.5",
        "entry 'optim-drr-gmcsf': numerator must be a whole number of people, 0 or more"),
    "denominator-of-nobody": (
        DATA, "denominator: 141\n", "denominator: 0\n", "denominator: 0",
        "entry 'optim-drr-gmcsf': denominator must be a whole number of people, 1 or more"),
    "id-in-capitals": (
        DATA, "id: optim-drr-gmcsf", "id: OPTiM-drr-gmcsf", "id: OPTiM-drr-gmcsf",
        "entry 'OPTiM-drr-gmcsf': id 'OPTiM-drr-gmcsf' must be lower-case words joined by hyphens"),
    "marker-names-an-unknown-entry": (
        OPTIM, "<!-- frequencies: optim-drr-imlygic optim-drr-gmcsf -->", "<!-- frequencies: optim-drr-imlygic optim-dr-gmcsf -->",
        "optim-dr-gmcsf", f"the marker names 'optim-dr-gmcsf', which is not an entry of {DATA}"),
    "malformed-marker": (
        SAFETY, "<!-- frequencies: label-fatigue", "<!-- frequency: label-fatigue", "<!-- frequency: ",
        "'<!-- frequency: label-fatigue label-chills"),
}


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_fault_is_named_with_file_and_line(broken, fault):
    relative, old, new, on_line, message = fault
    broken.replace(relative, old, new)
    found = messages(frequencies.check(broken.project))
    assert f"{relative}:{line_of(broken.project, relative, on_line)}: {message}" in found, found


def test_fault_duplicate_id(broken):
    broken.replace(DATA, "id: optim-orr-gmcsf", "id: optim-orr-imlygic")
    found = messages(frequencies.check(broken.project))
    second = [n for n, text in enumerate(broken.project.text(DATA).splitlines(), 1) if "id: optim-orr-imlygic" in text][1]
    assert f"{DATA}:{second}: id 'optim-orr-imlygic' is already used by the entry at line" in found, found


def test_fault_entry_shown_nowhere(broken):
    broken.replace(SAFETY, "label-fatigue label-chills", "label-fatigue")  # the marker, not the table's placeholder
    found = messages(frequencies.check(broken.project))
    assert f"{DATA}:{line_of(broken.project, DATA, 'id: label-chills')}: entry 'label-chills' is shown on no page" in found, found


def test_fault_malformed_yaml_names_its_line(broken):
    broken.replace(DATA, "    numerator: 48\n", "    numerator: [48\n")
    found = messages(frequencies.check(broken.project))
    assert re.search(rf"^{DATA}:\d+: not valid YAML", found, flags=re.M), found


def test_a_marker_in_a_code_example_is_left_alone():
    lines = ["```markdown", "<!-- frequencies: no-such-entry -->", "```", "<!-- frequencies: a b -->"]
    assert list(_frequencies.markers(lines)) == [(4, ["a", "b"], "<!-- frequencies: a b -->")]


def test_fault_bad_entry_or_marker_fails_the_build(broken):
    """hooks/frequencies.py logs each fault as a warning, so the strict build fails: a broken entry
    (left out, so the markers naming it name nothing) and a marker naming no entry."""
    marker = "<!-- frequencies: optim-drr-imlygic optim-drr-gmcsf -->"
    broken.replace(DATA, "percentage: 2.1%", "percentage: 2.4%")
    broken.replace(VISIT, marker, "<!-- frequencies: optim-drr-imlygic optim-drr-gm-csf -->")
    result = broken.build(strict=True)
    assert result.returncode != 0, result.output
    not_an_entry = f"which is not a valid entry of {DATA}"
    found = messages(build_check.check(broken.project, result)).splitlines()
    # The pages' placeholders for the broken entry name nothing either (their own fault test is below).
    placeholders = [line for line in found if "the placeholder" in line]
    assert placeholders and all("names 'optim-drr-gmcsf'" in line for line in placeholders), placeholders
    assert [line for line in found if line not in placeholders] == [
        f"{DATA}: MkDocs warns: {DATA}: line {line_of(broken.project, DATA, 'percentage: 2.4%')}: entry 'optim-drr-gmcsf': "
        "percentage 2.4% does not match 3 of 141 (2.1% to the printed precision); correct whichever differs from the source",
        f"{OPTIM}: MkDocs warns: {OPTIM}: line {line_of(broken.project, OPTIM, marker)}: the marker names 'optim-drr-gmcsf', {not_an_entry}",
        f"{VISIT}: MkDocs warns: {VISIT}: line {line_of(broken.project, VISIT, 'optim-drr-gm-csf')}: the marker names 'optim-drr-gm-csf', {not_an_entry}",
    ]


# --- Fault tests: the built pages ----------------------------------------------

@pytest.fixture
def built_copy(site, tmp_path):
    """A copy of the built site, to break one thing in."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    return copy


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"expected {old!r} in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fault_rendered_count_differs_from_the_percentage(project, built_copy):
    edit(built_copy / html_of(OPTIM), "About 16 out of 100 people", "About 17 out of 100 people")
    found = messages(frequencies.check_site(BuiltSite(project, built_copy)))
    line = line_of(project, OPTIM, "<!-- frequencies: optim-drr-imlygic")
    assert f"{OPTIM}:{line}: the figure for 'optim-drr-imlygic' says 'About 17 out of 100 people'; 16.3% is about 16 out of 100 people" in found, found


def test_fault_pictogram_without_text_alternative(project, built_copy):
    edit(built_copy / html_of(SAFETY), 'alt="50 of 100 people filled in, 50 outlined"', 'alt=""')
    found = messages(frequencies.check_site(BuiltSite(project, built_copy)))
    line = line_of(project, SAFETY, "<!-- frequencies: label-fatigue")
    assert f"{SAFETY}:{line}: the pictogram for 'label-fatigue' needs an <img> with a text alternative (alt)" in found, found


def test_fault_pictogram_file_broken_or_miscounted(project, built_copy):
    folder = built_copy / frequencies_hook.IMAGES
    edit(folder / "2-of-100.svg", "<title", "<titel")
    edit(folder / "26-of-100.svg", '<use href="#empty"', '<use href="#filled"')
    found = messages(frequencies.check_site(BuiltSite(project, built_copy)))
    assert f"{VISIT}:{line_of(project, VISIT, '<!-- frequencies:')}: the pictogram 2-of-100.svg is not well-formed XML" in found, found
    assert "the pictogram 26-of-100.svg draws 27 of 100 people filled in; it must draw 26 of 100" in found, found


def test_fault_figure_missing_from_the_built_page(project, built_copy):
    edit(built_copy / html_of(VISIT), 'id="frequency-optim-drr-gmcsf"', 'id="something-else"')
    found = messages(frequencies.check_site(BuiltSite(project, built_copy)))
    assert f"{VISIT}:{line_of(project, VISIT, '<!-- frequencies:')}: the figure for 'optim-drr-gmcsf' is not on the built page" in found, found


# --- Inline placeholders: %%frequency entry-id%% ----------------------------------

def test_placeholders_are_replaced_by_the_printed_numbers():
    """The value comes from the entry: its percentage as printed, or the count a placeholder names."""
    entries = {entry.id: entry for entry in _frequencies.parse(
        "frequencies:\n  - id: a\n    group: g\n    what: w\n    numerator: 48\n    denominator: 295\n"
        "    percentage: 16.3%\n    source: s\n    section: x\n"
    ).entries}
    assert frequencies_hook.placeholder_value("%%frequency a%%", entries) == ("16.3%", None)
    assert frequencies_hook.placeholder_value("%%frequency a numerator%%", entries) == ("48", None)
    assert frequencies_hook.placeholder_value("%%frequency a denominator%%", entries) == ("295", None)
    value, problem = frequencies_hook.placeholder_value("%%frequency a count%%", entries)
    assert value is None and "is not a frequency placeholder" in problem


def test_a_placeholder_in_code_is_left_alone():
    lines = ["Write `%%frequency no-such-entry%%` in a cell.", "```", "%%frequency no-such-entry%%", "```", "| %%frequency a%% |"]
    assert [(number, text) for number, _, _, text in frequencies_hook.placeholders(lines)] == [(5, "%%frequency a%%")]


def test_tables_show_the_numbers_from_the_data(project, site):
    """The OPTiM and safety tables print the entries' figures; no page types them or leaves a placeholder."""
    entries = {entry.id: entry for entry in _frequencies.parse(project.text(DATA)).entries}
    optim = " ".join(site.soup(html_of(OPTIM)).select_one("article table").get_text(" ").split())
    drr, gmcsf = entries["optim-drr-imlygic"].fields, entries["optim-drr-gmcsf"].fields
    assert f"{drr['percentage']} ( {drr['numerator']} patients;" in optim.replace("(", "( "), optim
    assert f"{gmcsf['percentage']} ( {gmcsf['numerator']} patients;" in optim.replace("(", "( "), optim
    rows = site.soup(html_of(SAFETY)).select("article table tr")
    fatigue = [row.find_all("td")[-1].get_text(strip=True) for row in rows if row.find("td") and row.td.get_text().startswith("Fatigue")]
    assert fatigue == [entries["label-fatigue"].fields["percentage"]], fatigue
    for source in (OPTIM, SAFETY):
        assert "%%frequency" in project.text(source), f"{source} no longer uses placeholders"
    for page in sorted(site.root.rglob("*.html")):
        if "%%frequenc" not in page.read_text(encoding="utf-8"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for example in soup.find_all("code"):  # the contributors' guide shows the syntax in code
            example.decompose()
        assert "%%frequenc" not in soup.get_text(), f"{page} shows a placeholder the build did not replace"


def test_no_page_retypes_an_optim_table_figure(project):
    """The tables' figures are typed once, in the data file."""
    for source, typed in ((OPTIM, ["16.3% (48", "2.1% (3", "26.4%", "5.7% (95%", "16.9% (50", "0.7% (1"]), (SAFETY, ["| 50.3% |", "| 27.7% |"])):
        text = project.text(source)
        for figure in typed:
            assert figure not in text, f"{source} types '{figure}'; write %%frequency entry-id%% instead"


# (placeholder on the OPTiM page, what the fault makes of it, the message after "file: line N: ");
# each breaks a different placeholder, so one build shows all three.
PLACEHOLDER_FAULTS = {
    "unknown-id": (
        "%%frequency optim-orr-gmcsf%%", "%%frequency optim-orr-gm-csf%%",
        "the placeholder '%%frequency optim-orr-gm-csf%%' names 'optim-orr-gm-csf', which is not a valid entry of data/frequencies.yml"),
    "count-the-entry-does-not-give": (
        "%%frequency optim-orr-imlygic%%", "%%frequency optim-orr-imlygic numerator%%",
        "the placeholder '%%frequency optim-orr-imlygic numerator%%' asks for the numerator of 'optim-orr-imlygic', which data/frequencies.yml does not give"),
    "misspelt-placeholder": (
        "%%frequency optim-cr-final-gmcsf%%", "%%frequencies optim-cr-final-gmcsf%%",
        "'%%frequencies optim-cr-final-gmcsf%%' is not a frequency placeholder; write %%frequency entry-id%%"),
}


def test_fault_bad_placeholders_fail_the_build_each_named_at_its_line(broken):
    for old, new, _ in PLACEHOLDER_FAULTS.values():
        broken.replace(OPTIM, old, new)
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0, result.output
    for name, (_, new, message) in PLACEHOLDER_FAULTS.items():
        line = line_of(broken.project, OPTIM, new)
        assert f"{OPTIM}: MkDocs warns: {OPTIM}: line {line}: {message}" in found, (name, found)
