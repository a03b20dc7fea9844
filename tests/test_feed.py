"""What's new: the dated change log is linked from the home page, with an RSS feed of updated pages."""

import email.utils
import xml.etree.ElementTree as ElementTree

from sitecheck.built_site import html_path

FEED = "feed_rss_updated.xml"


def feed_dates(site_root) -> dict[str, str]:
    """Page address -> the date (YYYY-MM-DD) of its item in the feed."""
    channel = ElementTree.parse(site_root / FEED).getroot().find("channel")
    return {
        item.findtext("link"): email.utils.parsedate_to_datetime(item.findtext("pubDate")).date().isoformat()
        for item in channel.iter("item")
    }


def test_feed_has_every_page_dated_by_its_last_change(site, project):
    dates = feed_dates(site.root)
    wrong = []
    for page in project.pages:
        address = project.config["site_url"] + html_path(page.path).removesuffix("index.html")
        if dates.get(address) != str(page.meta.get("last_changed")):
            wrong.append(f"{page.source}: feed date {dates.get(address)}, last_changed {page.meta.get('last_changed')}")
    assert not wrong, "\n".join(wrong)


def test_home_links_to_whats_new_and_pages_announce_the_feed(site):
    home = site.soup("index.html")
    assert home.select_one("article a[href='whats-new/']"), "the home page does not link to What's new"
    assert home.find("link", attrs={"rel": "alternate", "href": FEED, "type": "application/rss+xml"})
    whats_new = site.soup("whats-new/index.html").select_one("article")
    assert whats_new.find("a", href=f"../{FEED}")
    assert whats_new.find("h2"), "the change log has no dated entry"


def test_fault_feed_follows_the_last_change(broken):
    broken.set_front_matter("docs/glossary.md", "last_changed", "2026-10-01")
    site = broken.built_site()
    assert feed_dates(site.root)[broken.project.config["site_url"] + "glossary/"] == "2026-10-01"
