"""Search finds a section whichever form of a word the reader types (data/search-terms.yml)."""

import json

import pytest

import search_terms as search_terms_hook  # hooks/search_terms.py
from conftest import messages, report
from sitecheck import search_terms
from sitecheck.built_site import BuiltSite
from sitecheck.data import search_terms as _search_terms

DATA = "data/search-terms.yml"


def with_groups(broken, yaml_groups: str) -> None:
    """Replace the file's groups with ``yaml_groups`` (lines 1-2 are 'groups:' and a comment)."""
    broken.write(DATA, "groups:\n  # test\n" + yaml_groups)


def test_the_list_of_terms_is_sound(project, site):
    report(search_terms.check_site(site))


def test_the_index_holds_every_group_in_full(project, site):
    report(search_terms.unexpanded(project, site.root))


def test_added_terms_are_hidden_and_the_page_is_unchanged(site):
    docs = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    marked = [doc for doc in docs if _search_terms.MARK in doc["text"]]
    assert len(marked) > len(docs) / 4, "few sections gained terms: is hooks/search_terms.py in mkdocs.yml?"
    page = (site.root / "index.html").read_text(encoding="utf-8")
    assert "data-search-terms" not in page


@pytest.mark.parametrize("query, section", [
    ("tumor", "tumour"), ("TVEC", "T-VEC"), ("Keytruda", "pembrolizumab"), ("acyclovir", "aciclovir"),
    ("aciclovir", "acyclovir"), ("adverse events", "side effects"),
])
def test_a_section_with_one_form_is_found_by_another(project, query, section):
    terms = _search_terms.load(project.root, search_terms.separator(project))
    expanded = terms.expand(f"<p>A section about {section} and more.</p>")
    assert terms.holds(terms.words(expanded), query), expanded
    assert expanded.startswith(f"<p>A section about {section} and more.</p>")


def test_words_are_split_as_search_splits_them(project):
    terms = _search_terms.load(project.root, search_terms.separator(project))
    assert terms.words("The <b>T-VEC</b> dose, ICP34.5 &amp;c GM-CSF") == ["t", "vec", "dose", "icp34.5", "&c", "gm", "csf"]
    assert terms.holds(terms.words("two tumours"), "tumour") and not terms.holds(terms.words("a tumult"), "tumour")


@pytest.mark.parametrize("groups, expected", [
    ("  - kind: spelling\n    terms: [tumour, tumor]\n  - kind: spelling\n    terms: [tumor, tumour-like]\n",
     ["6: 'tumor' is already in the group at line 4"]),
    ("  - kind: abbreviation\n    terms: [T-VEC, T VEC]\n  - kind: spelling\n    terms: []\n",
     ["3: the group has fewer than two terms that search tells apart", "5: the group has no terms"]),
    ("  - kind: spelling\n    terms: [haemoglobinopathy, hemoglobinopathy]\n",
     ["3: no term of this group (haemoglobinopathy, hemoglobinopathy) is on the site"]),
    ("  - kind: register\n    terms: [tumour, who is it]\n",
     ["4: 'who is it' is made only of words that search ignores"]),
], ids=["term-in-two-groups", "fewer-than-two-terms", "group-found-nowhere", "stop-words-only"])
def test_fault_group_is_caught(site, broken, groups, expected):
    with_groups(broken, groups)
    found = messages(search_terms.check_site(BuiltSite(broken.project, site.root)))
    for message in expected:
        assert f"{DATA}:{message}" in found, found


@pytest.mark.parametrize("text, line, message", [
    ("groups:\n  - kind: spelling\n    terms: tumour\n", 2, "'terms' must be a list"),
    ("groups:\n  - kind: colour\n    terms: [a, b]\n", 2, "'kind' must be one of spelling, abbreviation, name, register"),
    ("groups:\n  - kind: spelling\n    terms: [a, b]\n    note: x\n", 2, "unknown key 'note'"),
    ("groups:\n  - kind: spelling\n    terms: [a, b\n", 4, "not valid YAML"),
])
def test_fault_malformed_file(site, broken, text, line, message):
    broken.write(DATA, text)
    found = messages(search_terms.check_site(BuiltSite(broken.project, site.root)))
    assert f"{DATA}:{line}: {message}" in found, found


def test_fault_hook_left_out(project, tmp_path):
    """A section as the index holds it without hooks/search_terms.py: one form of a word, not the others."""
    index = tmp_path / search_terms.SEARCH_INDEX
    index.parent.mkdir(parents=True)
    section = {"location": "clinical-trials/other-settings/", "title": "Trials", "text": "<p>One tumour was injected.</p>"}
    index.write_text(json.dumps({"docs": [section]}), encoding="utf-8")
    line = next(group.line for group in _search_terms.load(project.root, search_terms.separator(project)).groups if "tumour" in [t.text for t in group.terms])
    assert messages(search_terms.unexpanded(project, tmp_path)).splitlines() == [
        f"{search_terms.SEARCH_INDEX}: clinical-trials/other-settings/ (text) holds a term of the group at {DATA}:{line} "
        "but a search for tumor would miss it; is hooks/search_terms.py listed under hooks: in mkdocs.yml?"
    ]
    terms = _search_terms.load(project.root, search_terms.separator(project))
    index.write_text(json.dumps({"docs": [{**section, "text": terms.expand(section["text"])}]}), encoding="utf-8")
    assert search_terms.unexpanded(project, tmp_path) == []


def test_fault_malformed_file_stops_the_build(tmp_path):
    """hooks/search_terms.py, run after Material's search plugin wrote the index, stops the build naming file and line."""
    (tmp_path / "data").mkdir()
    (tmp_path / DATA).write_text("groups:\n  - kind: colour\n    terms: [a, b]\n", encoding="utf-8")
    index = tmp_path / "site" / search_terms.SEARCH_INDEX
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": {"separator": "[\\s\\-]+"}, "docs": []}), encoding="utf-8")
    config = {"site_dir": str(tmp_path / "site"), "config_file_path": str(tmp_path / "mkdocs.yml")}
    with pytest.raises(SystemExit) as stopped:
        search_terms_hook.on_post_build(config)
    assert str(stopped.value) == f"{DATA}:2: 'kind' must be one of spelling, abbreviation, name, register"
