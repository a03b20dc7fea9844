"""Every link, anchor, image and asset in the built site resolves to a page in the nav."""

from __future__ import annotations

import posixpath
import urllib.parse

from .built_site import BuiltSite, html_path
from .project import Problem

# (tag, attribute) pairs that point at another file of the site.
LINKING_ATTRIBUTES = [("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"), ("source", "src")]
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data"}


def _resolve(site: BuiltSite, page_html: str, target_path: str) -> str | None:
    """The built file a relative URL path points at, or None."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_html), urllib.parse.unquote(target_path)))
    if joined.startswith(".."):
        return None
    candidates = [joined] if not target_path.endswith("/") else []
    candidates += [posixpath.join(joined, "index.html")]
    if joined == ".":
        candidates = ["index.html"]
    return next((c for c in candidates if (site.root / c).is_file()), None)


def _source_line(page, target: str) -> int | None:
    """Best guess at the Markdown line that wrote this link: its fragment or file name."""
    path, _, fragment = target.partition("#")
    if fragment:
        line = page.line_of(f"#{fragment}")
        if line:
            return line
    name = posixpath.basename(path.rstrip("/"))
    return page.line_of(name) if name else None


def check_site(site: BuiltSite) -> list[Problem]:
    problems = []
    in_nav = {html_path(path) for _, path in site.project.nav_entries}
    seen: set[tuple[str, str]] = set()
    for page, soup in site.pages():
        here = html_path(page.path)
        for tag_name, attribute in LINKING_ATTRIBUTES:
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                target = tag[attribute]
                parts = urllib.parse.urlsplit(target)
                if parts.scheme in EXTERNAL_SCHEMES or parts.netloc or (page.path, target) in seen:
                    continue
                seen.add((page.path, target))
                resolved = _resolve(site, here, parts.path) if parts.path else here
                if resolved is None:
                    problems.append(Problem(page.source, _source_line(page, target), f"the link or image '{target}' leads nowhere in the built site; check the path (relative to this page, to a .md file)"))
                    continue
                if resolved.endswith(".html") and site.source_of(resolved) and resolved not in in_nav:
                    problems.append(Problem(page.source, _source_line(page, target), f"'{target}' links to a page that is not in the navigation; add that page to 'nav:' in mkdocs.yml"))
                if parts.fragment and resolved.endswith(".html") and urllib.parse.unquote(parts.fragment) not in site.ids(resolved):
                    problems.append(Problem(page.source, _source_line(page, target), f"'{target}': there is no heading or anchor '#{parts.fragment}' on that page; use an id that exists (headings get ids like '#final-analysis')"))
    return problems
