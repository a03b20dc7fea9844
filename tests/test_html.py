"""Rule 7: every built page has one h1, a description, the disclaimer, its review date, alt text."""

from conftest import messages, report
from sitecheck import html

PAGE = "docs/about/index.md"


def test_every_built_page_is_complete(site):
    report(html.check(site))


def test_fault_image_without_alt_text(broken):
    broken.append(PAGE, "![](../assets/images/mechanism/how-t-vec-works.svg)")
    found = messages(html.check(broken.built_site()))
    assert f"{PAGE}:" in found and "has no alt text" in found, found


def test_fault_second_h1(broken):
    broken.append(PAGE, "# A second title")
    found = messages(html.check(broken.built_site()))
    assert f"{PAGE}:" in found and "do not write a '# ' heading" in found and "'A second title'" in found, found


def test_fault_missing_review_date_and_disclaimer_in_template(broken):
    broken.replace("overrides/main.html", "{% block announce %}", "{% block unused_announce %}")
    broken.replace("overrides/main.html", '<aside class="page-review"', '<aside class="page-gone"')
    broken.replace("overrides/main.html", '<aside class="cite-page copy"', '<aside class="gone"')
    found = messages(html.check(broken.built_site()))
    assert "the medical disclaimer is missing" in found and "does not show its last_reviewed date" in found, found
    assert "has no 'Cite this page' citation" in found, found


def test_fault_no_editors_address_no_feedback_link(broken):
    broken.replace("mkdocs.yml", "  editors_email: editors@example.org\n", "  editors_email: \"\"\n")
    found = messages(html.check(broken.built_site()))
    assert f"{PAGE}: the page has no 'Report a problem with this page' e-mail link" in found, found


def test_feedback_link_opens_an_email_with_the_page_filled_in(site):
    link = site.soup("clinical-use/safety/index.html").select_one(".page-feedback a.page-feedback__mail")
    assert link["href"].startswith("mailto:editors@example.org?subject=Problem%20with%20the%20page%3A%20Safety")
    assert "clinical-use/safety/" in link["href"] and "body=" in link["href"]


def test_fault_empty_page(broken):
    broken.write("docs/about/index.md", "---\ntitle: About this site\ndescription: What this site is and what it is not, and the disclaimer.\nlast_reviewed: 2026-11-30\n---\n\nSoon.\n")
    found = messages(html.check(broken.built_site()))
    assert f"{PAGE}: the page is nearly empty" in found, found


def test_contributor_guide_is_shown_on_the_site(site, project):
    """CONTRIBUTING.md is written once and shown on the About section's contributing page."""
    page = site.soup("about/contributing/index.html").select_one("article")
    first_line = project.text("CONTRIBUTING.md").splitlines()[0]
    assert first_line.split(":")[0] in page.get_text(" ", strip=True)
