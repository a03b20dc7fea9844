"""One bibliography, many uses: data/references.yml keeps to its schema and renders the references page and the downloads."""

import json
import re
import textwrap

import jsonschema
import pytest

import references as references_hook  # hooks/references.py
from conftest import ROOT, messages, report
from sitecheck import build as build_check
from sitecheck import citations
from sitecheck.data import claims, frequencies, references

SOURCES = references.read(ROOT).sources


def test_the_bibliography_keeps_to_its_schema():
    report(references.read(ROOT).problems)


def test_references_page_lists_every_entry_with_its_address(site):
    article = site.soup("references/index.html").select_one("article")
    for source in SOURCES:
        item = article.find(id=source.key)
        assert item is not None, f"{references.PATH}:{source.line}: '{source.key}' is not on the references page"
        assert item.find_parent("li").find("a", href=re.compile(r"^https://")), f"'{source.key}' shows no address"


def test_bibtex_download_has_every_entry(site):
    bibtex = (site.root / "references.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([a-z0-9-]+),$", bibtex, flags=re.M)
    assert keys == [source.key for source in SOURCES]
    assert bibtex.count("{") == bibtex.count("}"), "unbalanced braces in references.bib"


def test_ris_download_has_every_entry(site):
    ris = (site.root / "references.ris").read_text(encoding="utf-8")
    assert re.findall(r"^ID  - (.+)$", ris, flags=re.M) == [source.key for source in SOURCES]
    assert ris.count("\nER  - ") + ris.startswith("ER  - ") == len(SOURCES)
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in ris.splitlines() if line)


def test_references_page_offers_both_downloads(site):
    article = site.soup("references/index.html").select_one("article")
    assert article.find("a", href="../references.bib") and article.find("a", href="../references.ris")


def test_the_downloads_give_every_type_the_schema_allows_its_own_record_type():
    """A type the schema allows but the downloads do not know would be exported as a generic record."""
    allowed = references.RULES.schema["definitions"]["source"]["properties"]["type"]["enum"]
    assert sorted(references_hook.BIBTEX_TYPES) == sorted(allowed) == sorted(references_hook.RIS_TYPES)


@pytest.mark.parametrize("path", [references.SCHEMA, claims.SCHEMA, frequencies.SCHEMA])
def test_the_data_schemas_are_valid_and_describe_every_field_for_editors(path):
    schema = json.loads((ROOT / path).read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    for definition in schema["definitions"].values():
        for name, field in definition["properties"].items():
            assert field.get("description"), f"{path}: '{name}' has no description"


@pytest.mark.parametrize("path, schema", [(references.PATH, references.SCHEMA), (claims.PATH, claims.SCHEMA), (frequencies.DATA, frequencies.SCHEMA)])
def test_each_data_file_points_editors_at_its_schema(path, schema):
    first = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../{schema}", f"{path}:1: start the file with '# yaml-language-server: $schema=../{schema}'"


def one_source(*fields: str) -> str:
    """data/references.yml with one group and one source, whose fields start at line 5."""
    return "groups:\n  - id: trials\n    title: Trials\n    entries:\n" + textwrap.indent("- " + "\n  ".join(fields) + "\n", "      ")


ARTICLE = ("key: smith-2020", "type: article", "title: A trial", "doi: 10.1200/JCO.2014.58.3377")


def test_a_sound_source_has_no_problem_and_no_boilerplate():
    """authors and et_al may be left out: the reader gives none and false."""
    bibliography = references.parse(one_source(*ARTICLE))
    assert bibliography.problems == ()
    source = bibliography.by_key["smith-2020"]
    assert (source.authors, source.et_al, source.author_line, source.line, source.line_of("doi")) == ([], False, "", 5, 8)


# One source broken one way each: (its fields, "line: message" the check must print).
SCHEMA_FAULTS = {
    "missing-required-field": (
        ARTICLE[:2] + ARTICLE[3:], "5: source 'smith-2020' has no 'title'; add 'title: ...'"),
    "type-off-the-list": (
        ("key: smith-2020", "type: jounral", *ARTICLE[2:]),
        "6: source 'smith-2020': type 'jounral' is not one of: article, abstract, report, webpage, registry, news, press-release"),
    "key-not-lower-case-with-hyphens": (
        ("key: Smith_2020", *ARTICLE[1:]),
        "5: source 'Smith_2020': key 'Smith_2020' must be lower-case words and numbers joined by hyphens, e.g. andtbacka-2015"),
    "doi-written-as-an-address": (
        (*ARTICLE[:3], "doi: https://doi.org/10.1200/JCO.2014.58.3377"),
        "8: source 'smith-2020': doi 'https://doi.org/10.1200/JCO.2014.58.3377' is not a well-formed DOI: "
        "a DOI looks like 10.1200/JCO.2014.58.3377, without https://doi.org/"),
    "address-not-https": (
        (*ARTICLE[:3], "url: http://example.org/trial"),
        "8: source 'smith-2020': url 'http://example.org/trial' is not https://; use the https:// address of the same page"),
    "neither-doi-nor-address": (
        ARTICLE[:3], "5: source 'smith-2020' has no DOI or official https:// address; add a 'doi' (10.xxxx/...) or an official 'url'"),
    "date-read-not-a-date": (
        (*ARTICLE, "accessed: 2026-02-30"), "9: source 'smith-2020': accessed '2026-02-30' must be a real date written YYYY-MM-DD"),
    "unknown-field": (
        (*ARTICLE, "journal: J Clin Oncol"), "9: source 'smith-2020' has an unknown field 'journal'; allowed: key, type, title"),
    "web-page-without-the-day-it-was-read": (
        ("key: smith-2020", "type: webpage", "title: A trial's page", "url: https://example.org/trial"),
        "5: source 'smith-2020' has no 'accessed'; add 'accessed: ...' (A web page or registry record can change after you read it: give the day you read it (YYYY-MM-DD))"),
    "empty-author-list": (
        (*ARTICLE, "authors: []"),
        "9: source 'smith-2020': authors is an empty list; leave 'authors' out when the source names no person"),
    "et-al-false": (
        (*ARTICLE, "et_al: false"),
        "9: source 'smith-2020': et_al is false; leave 'et_al' out unless the source has more authors than those listed"),
    "field-given-twice": (
        (*ARTICLE, "title: Another title"),
        "9: 'title' is given twice in one mapping, at lines 7 and 9; the second would silently replace the first: keep one"),
}


@pytest.mark.parametrize("fields, expected", SCHEMA_FAULTS.values(), ids=SCHEMA_FAULTS.keys())
def test_fault_source_breaking_the_schema_is_named_with_file_line_and_fix(fields, expected):
    found = messages(references.parse(one_source(*fields)).problems)
    assert f"{references.PATH}:{expected}" in found, found


def test_fault_two_sources_with_one_key_names_both_lines():
    text = one_source(*ARTICLE) + textwrap.indent("- " + "\n  ".join(("key: smith-2020", "type: webpage", "title: T", "url: https://example.org/")) + "\n", "      ")
    found = messages(references.parse(text).problems)
    assert f"{references.PATH}:9: source key 'smith-2020' is already used at line 5; the second entry would silently replace the first" in found, found


def test_fault_malformed_yaml_names_its_line():
    found = messages(references.parse(one_source(*ARTICLE[:3], "doi: [10.1200/JCO")).problems)
    assert re.search(rf"^{references.PATH}:\d+: not valid YAML", found, flags=re.M), found


def test_fault_the_citation_rule_reports_what_the_reader_finds(broken):
    broken.replace(references.PATH, "type: article", "type: artikel")
    line = next(n for n, text in enumerate(broken.project.text(references.PATH).splitlines(), 1) if "type: artikel" in text)
    found = messages(citations.check(broken.project))
    assert f"{references.PATH}:{line}: source " in found and "type 'artikel' is not one of" in found, found


def test_fault_broken_data_files_fail_the_strict_build_naming_file_and_line(broken):
    """End to end: the hooks log what the readers find, and the strict build fails on it."""
    broken.replace(references.PATH, "type: article", "type: artikel")
    broken.replace(claims.PATH, "verdict: supported", "verdict: likely")
    # and the references page without the marker line the hook fills in
    broken.replace("docs/references.md", "<!-- references: rendered from data/references.yml by hooks/references.py -->", "")
    result = broken.build(strict=True)
    found = messages(build_check.check(broken.project, result))
    assert result.returncode != 0, result.output
    assert "docs/references.md has lost its marker line" in found, found
    for path, typed, message in [
        (references.PATH, "type: artikel", "type 'artikel' is not one of: article, abstract"),
        (claims.PATH, "verdict: likely", "verdict 'likely' is not one of: supported, partly supported, not shown, contradicted"),
    ]:
        line = next(n for n, text in enumerate(broken.project.text(path).splitlines(), 1) if typed in text)
        assert re.search(rf"^{path}:{line}: MkDocs warns: .*{re.escape(message)}", found, flags=re.M), found


def test_date_a_web_page_was_read_is_shown_and_exported():
    """A web page or registry record carries the day it was read (accessed:), on the page and in both downloads."""
    bibliography = references.parse(one_source(
        "key: nice-ta410", "type: webpage", "title: Talimogene laherparepvec", "organisation: NICE",
        "url: https://www.nice.org.uk/guidance/ta410", "accessed: 2026-12-04",
    ))
    assert "Read on 4 December 2026." in references_hook.render_markdown(bibliography.groups)
    assert "urldate = {2026-12-04}" in references_hook.render_bibtex(bibliography.sources)
    assert "Y2  - 2026-12-04" in references_hook.render_ris(bibliography.sources)


def test_a_date_known_only_to_the_month_is_written_as_month_and_year():
    assert references_hook._long_date("2023-12") == "December 2023"
    assert references_hook._long_date("2015-10-27") == "27 October 2015"
