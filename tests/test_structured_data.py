"""Every page carries JSON-LD (MedicalWebPage), sharing tags, and a sitemap date from its last change.

The fault tests feed the check pages of the real build with one thing broken
(conftest.BrokenSite), as a template that lost it would build them.
"""

import json

from conftest import report
from sitecheck import structured_data
from sitecheck.data import references

SITE_URL = "https://example.github.io/imlygic-site/"
JSON_LD = 'script[type="application/ld+json"]'


def test_structured_data_on_every_page(site):
    report(structured_data.check_site(site))


def test_drug_pages_say_what_they_are_about(site):
    soup = site.soup("clinical-trials/optim/index.html")
    data = json.loads(soup.find("script", attrs={"type": "application/ld+json"}).string)
    assert data["about"]["nonProprietaryName"] == "talimogene laherparepvec"
    assert any(c["url"] == "https://doi.org/10.1186/s40425-019-0623-z" for c in data["citation"])


def found_on(broken_site, project) -> list[str]:
    broken_site.copy("sitemap.xml")
    return broken_site.found_by(structured_data.check_site, project)


def test_fault_sitemap_date_that_is_not_the_last_change(project, broken_site):
    last_changed = project.page("glossary.md").meta["last_changed"]
    broken_site.replace("sitemap.xml", f"<loc>{SITE_URL}glossary/</loc>\n         <lastmod>{last_changed}</lastmod>",
                        f"<loc>{SITE_URL}glossary/</loc>\n         <lastmod>2026-10-01</lastmod>")
    assert found_on(broken_site, project) == [
        f"docs/glossary.md: sitemap.xml gives {SITE_URL}glossary/ lastmod '2026-10-01', not its last_changed {last_changed}"
    ]


def test_fault_missing_json_ld(project, broken_site):
    broken_site.remove("index.html", JSON_LD)
    assert found_on(broken_site, project) == ["docs/index.md: expected one JSON-LD block, found 0"]


def test_fault_wrong_description_in_sharing_tags(project, broken_site):
    broken_site.edit("glossary/index.html", lambda soup: soup.find("meta", property="og:description").attrs.update(content=project.config["site_description"]))
    assert found_on(broken_site, project) == ["docs/glossary.md: the og:description tag is missing or is not the front-matter description"]


def test_fault_json_ld_cites_another_source_than_the_footnotes(project, broken_site):
    """As many citations as sources, but not the same ones: the keys are compared, not the counts."""

    def cite_another_source(soup):
        script = soup.select_one(JSON_LD)
        data = json.loads(script.string)
        data["citation"] = [references.read(project.root).by_key["andtbacka-2015"].creative_work]
        script.string = json.dumps(data)

    broken_site.edit("about/editorial-policy/index.html", cite_another_source)
    assert found_on(broken_site, project) == [
        "docs/about/editorial-policy.md: JSON-LD cites ['andtbacka-2015'] but the page's footnotes cite ['us-label']; "
        "hooks/structured_data.py should list each source the footnotes link to, once, in order, as in data/references.yml"
    ]
