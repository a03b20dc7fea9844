"""Print: one page holds the whole site, and printing shows link targets and review dates."""

import pytest

from conftest import page_urls

pytestmark = pytest.mark.browser


def test_print_page_holds_every_page_title(browser_page, served_site, project):
    browser_page.goto(served_site + "print_page/")
    headings = browser_page.locator("article h1").all_inner_texts()
    text = " ".join(headings)
    missing = [page.source for page in project.pages if page.meta.get("title") and page.meta["title"] not in text]
    assert not missing, "the printable page lacks: " + ", ".join(missing)
    assert len(page_urls(served_site, project)) == len(project.nav_entries)


def test_print_stylesheet_hides_navigation_and_shows_link_targets(browser_page, served_site):
    browser_page.goto(served_site + "clinical-trials/optim/")
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".md-sidebar--primary").is_visible()
    assert browser_page.locator(".page-review").is_visible()
    after = browser_page.evaluate(
        "getComputedStyle(document.querySelector('article a[href^=\"https://\"]'), '::after').content"
    )
    assert after.startswith('" (') and "https://" in after, after
