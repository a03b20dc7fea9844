"""The print page is one document: each id on it is unique and each link inside it lands.

The print-site plugin joins every page into print_page/, the page readers print
or save as a PDF, and prefixes each page's ids and in-page links with the
page's name. Where an id keeps its bare form, a footnote's back-link or a
"See [source]" link on the print page leads nowhere, and an id repeated from
page to page sends a link to the first page that has it.
hooks/print_page_anchors.py repairs what the plugin misses.
"""

from __future__ import annotations

import collections

from .built_site import BuiltSite, PRINT_PAGE
from .project import Problem

HOOK = "hooks/print_page_anchors.py"
SHOWN = 5


def _some(names) -> str:
    names = sorted(names)
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def check_site(site: BuiltSite) -> list[Problem]:
    if not (site.root / PRINT_PAGE).is_file():
        return [Problem("mkdocs.yml", None, f"the build wrote no print page ({PRINT_PAGE}); is the print-site plugin listed under plugins:?")]
    soup = site.soup(PRINT_PAGE)
    counts = collections.Counter(tag["id"] for tag in soup.find_all(id=True))
    problems = []
    repeated = [name for name, count in counts.items() if count > 1]
    if repeated:
        problems.append(Problem("mkdocs.yml", None,
            f"the print page repeats {_count(len(repeated), 'id')} ({_some(repeated)}), so a link to one of them lands on "
            f"the first page that has it; {HOOK} gives each page's ids its prefix (is it listed under hooks:?)"))
    nowhere = {link["href"][1:] for link in soup.select('a[href^="#"]')} - site.ids(PRINT_PAGE) - {""}
    if nowhere:
        problems.append(Problem("mkdocs.yml", None,
            f"{_count(len(nowhere), 'link')} on the print page lead{'s' if len(nowhere) == 1 else ''} to no id on it "
            f"({_some('#' + name for name in nowhere)}); "
            f"{HOOK} gives the ids print-site leaves bare their page's prefix (is it listed under hooks:?)"))
    return problems
