"""A reader moves through the site: nav, previous/next, instant navigation, deep links, edit pencil."""

import urllib.parse

import pytest

from conftest import page_urls

pytestmark = pytest.mark.browser


def path_of(url: str) -> str:
    return urllib.parse.urlsplit(url).path


def test_every_page_is_reachable_from_the_home_page_nav(browser_page, served_site, project):
    browser_page.goto(served_site)
    links = browser_page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all("links => links.map(a => a.href)")
    reachable = {path_of(link) for link in links}
    missing = [source for source, url in page_urls(served_site, project) if path_of(url) not in reachable]
    assert not missing, "pages not linked from the home page's navigation: " + ", ".join(missing)


def test_next_and_previous_links_walk_the_nav_in_order(browser_page, served_site, project):
    urls = [url for _, url in page_urls(served_site, project)]
    browser_page.goto(urls[0])

    def wait_for_page(index):
        # Instant navigation changes the address before it swaps the page in, so
        # wait until the footer is the new page's too (its "previous" link points
        # back one step); clicking earlier would follow the old page's link.
        # Paths only: scroll tracking may add a #section to the address.
        browser_page.wait_for_function(
            """([path, previous]) => {
                const link = document.querySelector("a.md-footer__link--prev");
                return location.pathname === path && link !== null
                    && new URL(link.href).pathname === previous;
            }""",
            arg=[path_of(urls[index]), path_of(urls[index - 1])],
        )

    for index in range(1, 4):
        browser_page.locator("a.md-footer__link--next").click()
        wait_for_page(index)
    browser_page.locator("a.md-footer__link--prev").click()
    wait_for_page(2)


def test_instant_navigation_keeps_url_and_back_button(browser_page, served_site):
    browser_page.goto(served_site)
    # A full page load would clear this marker; instant navigation keeps it.
    browser_page.evaluate("window.__stayedOnPage = true")
    browser_page.locator("nav.md-nav--primary a.md-nav__link", has_text="OPTiM phase 3 trial").first.click()
    browser_page.wait_for_url("**/clinical-trials/optim/")
    browser_page.locator("article h1", has_text="OPTiM phase 3 trial").wait_for()
    assert browser_page.evaluate("window.__stayedOnPage === true"), "the click reloaded the page: instant navigation is off"
    browser_page.go_back()
    browser_page.wait_for_url(served_site)
    browser_page.locator("article h1", has_text="IMLYGIC and oncolytic virus therapy").wait_for()


def test_deep_link_scrolls_to_its_heading(browser_page, served_site):
    browser_page.goto(served_site + "clinical-trials/optim/#overall-survival")
    heading = browser_page.locator("#overall-survival")
    browser_page.wait_for_function("document.querySelector('#overall-survival').getBoundingClientRect().top < 200")
    top = heading.evaluate("element => element.getBoundingClientRect().top")
    assert 0 <= top < 200, f"the heading is at {top}px, not at the top of the window"


def test_edit_pencil_opens_the_page_source(browser_page, served_site, project):
    wrong = []
    for source, url in page_urls(served_site, project):
        browser_page.goto(url)
        href = browser_page.locator("a.md-content__button[href*='/edit/']").first.get_attribute("href")
        if not href.endswith("/edit/main/" + source):
            wrong.append(f"{source}: the pencil opens {href}")
    assert not wrong, "\n".join(wrong)
