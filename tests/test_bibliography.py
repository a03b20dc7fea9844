"""One bibliography, many uses: data/references.yml renders the references page and the downloads."""

import re

import yaml

from conftest import ROOT

ENTRIES = [entry for group in yaml.safe_load((ROOT / "data/references.yml").read_text())["groups"] for entry in group["entries"]]


def test_references_page_lists_every_entry_with_its_address(site):
    article = site.soup("references/index.html").select_one("article")
    for entry in ENTRIES:
        item = article.find(id=entry["key"])
        assert item is not None, f"data/references.yml: '{entry['key']}' is not on the references page"
        assert item.find_parent("li").find("a", href=re.compile(r"^https://")), f"'{entry['key']}' shows no address"


def test_bibtex_download_has_every_entry(site):
    bibtex = (site.root / "references.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([a-z0-9-]+),$", bibtex, flags=re.M)
    assert keys == [entry["key"] for entry in ENTRIES]
    assert bibtex.count("{") == bibtex.count("}"), "unbalanced braces in references.bib"


def test_ris_download_has_every_entry(site):
    ris = (site.root / "references.ris").read_text(encoding="utf-8")
    assert re.findall(r"^ID  - (.+)$", ris, flags=re.M) == [entry["key"] for entry in ENTRIES]
    assert ris.count("\nER  - ") + ris.startswith("ER  - ") == len(ENTRIES)
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in ris.splitlines() if line)


def test_references_page_offers_both_downloads(site):
    article = site.soup("references/index.html").select_one("article")
    assert article.find("a", href="../references.bib") and article.find("a", href="../references.ris")


def test_fault_references_page_without_its_marker_fails_the_build(broken):
    from conftest import messages
    from sitecheck import build as build_check

    broken.replace("docs/references.md", "<!-- references: rendered from data/references.yml by hooks/references.py -->", "")
    result = broken.build(strict=True)
    assert result.returncode != 0
    assert "docs/references.md has lost its marker line" in messages(build_check.check(broken.project, result))


def test_date_a_web_page_was_read_is_shown_and_exported():
    """A web page or registry record carries the day it was read (accessed:), on the page and in both downloads."""
    import references

    entry = {"key": "nice-ta410", "type": "webpage", "title": "Talimogene laherparepvec", "authors": [], "et_al": False,
             "organisation": "NICE", "url": "https://www.nice.org.uk/guidance/ta410", "accessed": "2026-12-04"}
    groups = [{"id": "guidance", "title": "Guidance", "entries": [entry]}]
    assert "Read on 4 December 2026." in references.render_markdown(groups)
    assert "urldate = {2026-12-04}" in references.render_bibtex([entry])
    assert "Y2  - 2026-12-04" in references.render_ris([entry])


def test_a_date_known_only_to_the_month_is_written_as_month_and_year():
    import references

    assert references._long_date("2023-12") == "December 2023"
    assert references._long_date("2015-10-27") == "27 October 2015"
