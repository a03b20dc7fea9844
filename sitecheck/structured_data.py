"""Structured data and sharing: JSON-LD, Open Graph and Twitter tags, sitemap dates."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

from .built_site import BuiltSite
from .project import Problem

CITED_KEY = re.compile(r"references\.md#([a-z0-9-]+)")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def check(site: BuiltSite) -> list[Problem]:
    problems = []
    for page, soup in site.pages():
        def problem(message):
            problems.append(Problem(page.source, None, message))

        description = page.meta.get("description")
        for attribute, name in [("property", "og:description"), ("name", "twitter:description")]:
            tag = soup.find("meta", attrs={attribute: name})
            if tag is None or tag.get("content") != description:
                problem(f"the {name} tag is missing or is not the front-matter description")
        for attribute, name in [("property", "og:title"), ("name", "twitter:title"), ("property", "og:url")]:
            if soup.find("meta", attrs={attribute: name}) is None:
                problem(f"the {name} tag is missing")
        scripts = soup.find_all("script", attrs={"type": "application/ld+json"})
        if len(scripts) != 1:
            problem(f"expected one JSON-LD block, found {len(scripts)}")
            continue
        try:
            data = json.loads(scripts[0].string)
        except (TypeError, json.JSONDecodeError) as error:
            problem(f"the JSON-LD block is not valid JSON ({error})")
            continue
        if data.get("@type") != "MedicalWebPage" or data.get("@context") != "https://schema.org":
            problem("the JSON-LD block is not a schema.org MedicalWebPage")
        if data.get("lastReviewed") != str(page.meta.get("last_reviewed")):
            problem(f"JSON-LD lastReviewed is {data.get('lastReviewed')!r}, not the front-matter's {page.meta.get('last_reviewed')}")
        if data.get("dateModified") != str(page.meta.get("last_changed")):
            problem(f"JSON-LD dateModified is {data.get('dateModified')!r}, not the front-matter's last_changed {page.meta.get('last_changed')}")
        # The sources the page's footnotes link to, as built (hooks may add footnotes).
        links = [a["href"] for a in soup.select(".footnote a[href]")]
        cited = list(dict.fromkeys(href.split("#", 1)[1] for href in links if "references/#" in href))
        citations = data.get("citation") or []
        if len(citations) != len(cited) or not all(c.get("url", "").startswith("https://") and c.get("name") for c in citations):
            problem(f"JSON-LD lists {len(citations)} citations with names and https addresses; the page cites {len(cited)} sources")
    sitemap = site.root / "sitemap.xml"
    dates = {}
    for url in ElementTree.parse(sitemap).getroot().iter(f"{SITEMAP}url"):
        dates[url.findtext(f"{SITEMAP}loc")] = url.findtext(f"{SITEMAP}lastmod")
    site_url = site.project.config["site_url"]
    from .built_site import html_path

    for page in site.project.pages:
        location = site_url + html_path(page.path).removesuffix("index.html")
        if dates.get(location) != str(page.meta.get("last_changed")):
            problems.append(Problem(page.source, None, f"sitemap.xml gives {location} lastmod {dates.get(location)!r}, not its last_changed {page.meta.get('last_changed')}"))
    return problems
