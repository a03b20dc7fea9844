"""Every page carries JSON-LD (MedicalWebPage), sharing tags, and a sitemap date from its review."""

from conftest import messages, report
from sitecheck import structured_data


def test_structured_data_on_every_page(site):
    report(structured_data.check(site))


def test_drug_pages_say_what_they_are_about(site):
    import json

    soup = site.soup("clinical-trials/optim/index.html")
    data = json.loads(soup.find("script", attrs={"type": "application/ld+json"}).string)
    assert data["about"]["nonProprietaryName"] == "talimogene laherparepvec"
    assert any(c["url"] == "https://doi.org/10.1186/s40425-019-0623-z" for c in data["citation"])


def test_fault_sitemap_date_follows_the_review_date(broken):
    broken.set_front_matter("docs/glossary.md", "last_changed", "2026-10-01")
    broken.replace("overrides/sitemap.xml", "file.page.meta.last_changed }}", "file.page.update_date }}")
    found = messages(structured_data.check(broken.built_site()))
    assert "docs/glossary.md: sitemap.xml gives" in found and "not its last_changed 2026-10-01" in found, found


def test_fault_missing_json_ld_is_caught(broken):
    broken.replace("overrides/main.html", '<script type="application/ld+json">', '<script type="text/plain">')
    found = messages(structured_data.check(broken.built_site()))
    assert "docs/index.md: expected one JSON-LD block, found 0" in found, found


def test_fault_wrong_description_in_sharing_tags(broken):
    broken.replace("overrides/main.html", '<meta property="og:description" content="{{ description }}">', '<meta property="og:description" content="{{ config.site_description }}">')
    found = messages(structured_data.check(broken.built_site()))
    assert "docs/glossary.md: the og:description tag is missing or is not the front-matter description" in found, found
