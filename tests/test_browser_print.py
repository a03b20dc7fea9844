"""Print: one page holds the whole site, and printing shows link targets and review dates."""

import pytest

pytestmark = pytest.mark.browser


def test_print_page_holds_every_page_in_nav_order(browser_page, served_site, project):
    browser_page.goto(served_site + "print_page/")
    # Each page starts with its title as an h1 with an id; the sections' and the contents' h1s have none.
    titles = [text.replace("¶", "").strip() for text in browser_page.locator("article h1[id]").all_inner_texts()]
    assert titles == [project.page(path).meta["title"] for _, path in project.nav_entries]


def test_print_stylesheet_hides_navigation_and_shows_link_targets(browser_page, served_site):
    browser_page.goto(served_site + "clinical-trials/optim/")
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".md-sidebar--primary").is_visible()
    assert browser_page.locator(".page-review").is_visible()
    after = browser_page.evaluate(
        "getComputedStyle(document.querySelector('article a[href^=\"https://\"]'), '::after').content"
    )
    assert after.startswith('" (') and "https://" in after, after
