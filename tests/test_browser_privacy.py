"""Every page loads only from its own host, without console errors."""

import pytest

from conftest import page_urls, screenshot

pytestmark = pytest.mark.browser


def test_pages_request_nothing_from_other_hosts_and_log_no_errors(browser_page, served_site, project):
    requests, errors = [], []
    browser_page.on("request", lambda request: requests.append(request.url))
    browser_page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    origin = "/".join(served_site.split("/")[:3]) + "/"
    problems = []
    for source, url in page_urls(served_site, project):
        requests.clear()
        errors.clear()
        browser_page.goto(url, wait_until="networkidle")
        for requested in requests:
            if not requested.startswith((origin, "data:", "blob:")):
                problems.append(f"{source}: the page asked a third-party host for {requested}")
        problems += [f"{source}: console error: {error}" for error in errors]
    assert not problems, "\n".join(problems)


def test_pages_follow_the_readers_colour_scheme_saved_as_screenshots(new_context, served_site):
    """Leaves screenshots for people to look at (artifacts/screenshots/), each in the scheme the reader's system asks for."""
    for scheme, material_scheme in (("light", "default"), ("dark", "slate")):
        page = new_context(color_scheme=scheme).new_page()
        page.goto(served_site, wait_until="networkidle")
        assert page.locator("body").get_attribute("data-md-color-scheme") == material_scheme, scheme
        screenshot(page, f"home-{scheme}")
        page.goto(served_site + "clinical-trials/optim/", wait_until="networkidle")
        screenshot(page, f"optim-{scheme}")
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("GM-CSF", delay=20)
        page.locator(".md-search-result__item > a").first.wait_for(state="visible")
        screenshot(page, f"search-{scheme}")
