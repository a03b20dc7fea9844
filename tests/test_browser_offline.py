"""The offline copy (`make offline`) works opened from disk: pages, links and search, with no request out."""

import pytest

pytestmark = pytest.mark.browser


def test_offline_copy_searches_from_the_file_system(browser_page, offline_site):
    requests = []
    browser_page.on("request", lambda request: requests.append(request.url))
    browser_page.goto((offline_site / "index.html").as_uri())
    box = browser_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("GM-CSF", delay=20)
    first = browser_page.locator(".md-search-result__item > a").first
    first.wait_for(state="visible")
    assert first.get_attribute("href").startswith("file://")
    first.click()
    browser_page.locator("article h1").wait_for()
    outside = [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert not outside, "the offline copy asked the network for: " + ", ".join(outside)


def test_offline_copy_ships_its_search_shim(offline_site):
    page = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="javascripts/iframe-worker/shim.js"' in page and "unpkg.com" not in page
    assert (offline_site / "search" / "search_index.js").is_file()


def test_offline_copy_carries_no_content_security_policy(offline_site):
    """Opened from file://, 'self' does not reliably cover the copy's own files, so the policy is left out (README, Privacy)."""
    assert "Content-Security-Policy" not in (offline_site / "index.html").read_text(encoding="utf-8")
