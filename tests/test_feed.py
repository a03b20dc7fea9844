"""What's new: the dated change log is linked from the home page, with an RSS feed of updated pages."""

import datetime
import email.utils
import json
import xml.etree.ElementTree as ElementTree

from sitecheck.built_site import url_path
from sitecheck.structured_data import SITEMAP

FEED = "feed_rss_updated.xml"


def feed_dates(site_root) -> dict[str, str]:
    """Page address -> the date (YYYY-MM-DD) of its item in the feed."""
    channel = ElementTree.parse(site_root / FEED).getroot().find("channel")
    return {
        item.findtext("link"): email.utils.parsedate_to_datetime(item.findtext("pubDate")).date().isoformat()
        for item in channel.iter("item")
    }


def wrong_feed_dates(site_root, project) -> list[str]:
    """Each page whose item in the feed is missing or not dated by its last_changed."""
    dates = feed_dates(site_root)
    wrong = []
    for page in project.pages:
        address = project.config["site_url"] + url_path(page.path)
        if dates.get(address) != str(page.meta.get("last_changed")):
            wrong.append(f"{page.source}: feed date {dates.get(address)}, last_changed {page.meta.get('last_changed')}")
    return wrong


def test_feed_has_every_page_dated_by_its_last_change(site, project):
    wrong = wrong_feed_dates(site.root, project)
    assert not wrong, "\n".join(wrong)


def test_fault_feed_date_that_is_not_the_last_change(project, broken_site):
    last_changed = project.page("glossary.md").meta["last_changed"]
    published = email.utils.format_datetime(datetime.datetime.fromisoformat(f"{last_changed}T00:00:00+00:00"))
    glossary = f"<link>{project.config['site_url']}glossary/</link> <pubDate>"
    broken_site.replace(FEED, f"{glossary}{published}</pubDate>", f"{glossary}Thu, 01 Oct 2026 00:00:00 +0000</pubDate>")
    assert wrong_feed_dates(broken_site.root, project) == [f"docs/glossary.md: feed date 2026-10-01, last_changed {last_changed}"]


def test_home_links_to_whats_new_and_pages_announce_the_feed(site):
    home = site.soup("index.html")
    assert home.select_one("article a[href='whats-new/']"), "the home page does not link to What's new"
    assert home.find("link", attrs={"rel": "alternate", "href": FEED, "type": "application/rss+xml"})
    whats_new = site.soup("whats-new/index.html").select_one("article")
    assert whats_new.find("a", href=f"../{FEED}")
    assert whats_new.find("h2"), "the change log has no dated entry"


def test_a_page_changed_on_another_day_is_dated_by_that_day_everywhere(broken):
    """The one build of this file: a last_changed unlike the build date must reach the feed
    (mkdocs-rss-plugin's date_from_meta), the sitemap (overrides/sitemap.xml), the JSON-LD and the page itself."""
    broken.set_front_matter("docs/glossary.md", "last_changed", "2026-10-01")
    site = broken.built_site()
    address = broken.project.config["site_url"] + "glossary/"
    sitemap = ElementTree.parse(site.root / "sitemap.xml").getroot()
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in sitemap.iter(f"{SITEMAP}url")}
    page = site.soup("glossary/index.html")
    json_ld = json.loads(page.find("script", attrs={"type": "application/ld+json"}).string)
    assert {
        "feed": feed_dates(site.root)[address],
        "sitemap": lastmod[address],
        "JSON-LD": json_ld["dateModified"],
        "page": page.select_one(".page-review time.page-review__changed")["datetime"],
    } == dict.fromkeys(["feed", "sitemap", "JSON-LD", "page"], "2026-10-01")
