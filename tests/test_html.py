"""Every built page has one h1, a description, the disclaimer, its review date, alt text.

The fault tests feed the check a page of the real build with one thing broken
(conftest.BrokenSite), as a template or a page that lost it would build it.
"""

import re

import pytest

from conftest import line_of, report
from sitecheck import html

PAGE = "docs/about/index.md"
BUILT = "about/index.html"


def test_every_built_page_is_complete(site):
    report(html.check_site(site))


def test_fault_image_without_alt_text(project, broken_site):
    broken_site.edit("mechanism-of-action/index.html", lambda soup: soup.select_one("article img").attrs.update(alt=""))
    line = line_of(project, "docs/mechanism-of-action.md", "how-t-vec-works.svg")
    assert broken_site.found_by(html.check_site, project) == [
        f"docs/mechanism-of-action.md:{line}: the image '../assets/images/mechanism/how-t-vec-works.svg' has no alt text; "
        "write ![what the image shows](path)"
    ]


def test_fault_second_h1(broken, broken_site):
    broken.append(PAGE, "# A second title")
    broken_site.edit(BUILT, lambda soup: soup.select_one("article h1").insert_after(soup.new_tag("h1", string="A second title")))
    assert broken_site.found_by(html.check_site, broken.project) == [
        f"{PAGE}:{line_of(broken.project, PAGE, '# A second title')}: the page should have one h1, its front-matter title "
        "'About this site', but has 'About this site', 'A second title'; do not write a '# ' heading "
        "(the title comes from the front-matter), use '##' for sections"
    ]


# What the template (overrides/main.html) writes on every page, taken out one part at a time.
TEMPLATE_FAULTS = {
    "no-disclaimer": (".site-disclaimer", ["the medical disclaimer is missing; it comes from overrides/main.html (block announce)"]),
    "no-review-dates": (".page-review", [
        "the built page does not show its last_changed date",
        "the built page does not show its last_reviewed date",
        "the built page does not show its next_review date",
    ]),
    "no-citation": (".cite-page", ["the page has no 'Cite this page' citation with its title and review date (overrides/main.html)"]),
    "no-feedback-link": (".page-feedback__mail", [
        "the page has no 'Report a problem with this page' e-mail link with its title and address; "
        "set extra.editors_email in mkdocs.yml (overrides/main.html writes the link)"
    ]),
    "no-description": ("meta[name=description]", ["the built page's meta description is not the front-matter description"]),
}


@pytest.mark.parametrize("selector, expected", TEMPLATE_FAULTS.values(), ids=TEMPLATE_FAULTS.keys())
def test_fault_part_of_the_template_missing(project, broken_site, selector, expected):
    broken_site.remove(BUILT, selector)
    assert broken_site.found_by(html.check_site, project) == [f"{PAGE}: {message}" for message in expected]


def test_fault_citation_of_a_page_without_a_title(broken, broken_site):
    broken.replace(PAGE, "title: About this site\n", "")
    broken_site.copy(BUILT)
    found = broken_site.found_by(html.check_site, broken.project)
    # No title is in no citation: an empty one must not pass for "in every text".
    assert f"{PAGE}: the page has no 'Cite this page' citation with its title and review date (overrides/main.html)" in found, found


def test_fault_feedback_link_for_another_page(project, broken_site):
    broken_site.replace(BUILT, "imlygic-site/about/%0A", "imlygic-site/glossary/%0A")
    assert broken_site.found_by(html.check_site, project) == [
        f"{PAGE}: the page has no 'Report a problem with this page' e-mail link with its title and address; "
        "set extra.editors_email in mkdocs.yml (overrides/main.html writes the link)"
    ]


def test_fault_empty_page(project, broken_site):
    def empty(soup):
        article = soup.select_one("article")
        for element in article.find_all(["p", "ul", "ol", "table", "div", "h2", "h3"], recursive=False):
            if not element.find_parent(class_=("cite-page", "page-review", "page-feedback")):
                element.decompose()
        article.select_one("h1").insert_after(soup.new_tag("p", string="Soon."))

    broken_site.edit(BUILT, empty)
    assert broken_site.found_by(html.check_site, project) == [f"{PAGE}: the page is nearly empty (5 words); write its content or remove it"]


def test_feedback_link_opens_an_email_with_the_page_filled_in(site):
    link = site.soup("clinical-use/safety/index.html").select_one(".page-feedback a.page-feedback__mail")
    assert link["href"].startswith("mailto:editors@example.org?subject=Problem%20with%20the%20page%3A%20Safety")
    assert "clinical-use/safety/" in link["href"] and "body=" in link["href"]


def test_contributor_guide_is_shown_on_the_site(site, project):
    """CONTRIBUTING.md is written once and shown whole on the About section's contributing page: every section, under its anchor."""
    written = re.findall(r"^## (.+?) \{ #([\w-]+) \}$", project.text("CONTRIBUTING.md"), flags=re.M)
    article = site.soup("about/contributing/index.html").select_one("article")
    shown = [(h.get_text().rstrip("¶").strip(), h.get("id")) for h in article.find_all("h2") if not h.find_parent(class_="cite-page")]
    assert shown == written
