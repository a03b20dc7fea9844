"""Structured data and sharing: JSON-LD, Open Graph and Twitter tags, sitemap dates."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

from .built_site import BuiltSite, url_path
from .data import references
from .project import Problem

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def check_site(site: BuiltSite) -> list[Problem]:
    problems = []
    # key -> the schema.org CreativeWork that hooks/structured_data.py lists for that source.
    works = {key: source.creative_work for key, source in references.read(site.project.root).by_key.items()}
    key_of = {work["url"]: key for key, work in works.items()}
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
        if citations != [works[key] for key in cited if key in works]:
            listed = [key_of.get(work.get("url"), work.get("url")) if isinstance(work, dict) else work for work in citations]
            problem(f"JSON-LD cites {listed} but the page's footnotes cite {cited}; "
                    "hooks/structured_data.py should list each source the footnotes link to, once, in order, as in data/references.yml")
    sitemap = site.root / "sitemap.xml"
    dates = {}
    for url in ElementTree.parse(sitemap).getroot().iter(f"{SITEMAP}url"):
        dates[url.findtext(f"{SITEMAP}loc")] = url.findtext(f"{SITEMAP}lastmod")
    site_url = site.project.config["site_url"]
    for page in site.project.pages:
        location = site_url + url_path(page.path)
        if dates.get(location) != str(page.meta.get("last_changed")):
            problems.append(Problem(page.source, None, f"sitemap.xml gives {location} lastmod {dates.get(location)!r}, not its last_changed {page.meta.get('last_changed')}"))
    return problems
