"""Every link inside the print page lands: ids repaired where print-site missed them.

The print-site plugin joins every page into print_page/ and, so that ids stay
unique, prefixes each page's ids and in-page links with the page's name
(#index-fn:label-s1). Its links are all prefixed, but its id rewriting reads
only a tag that starts a line of HTML or follows a space: a footnote
reference (<sup id="fnref:...">) after a word, a title after the tag list,
and the bibliography's entries (<strong id="us-label">) keep their bare ids.
On the print page, and in every PDF made from it, 925 footnote back-links and
every "See [source]" link then led nowhere, and the bare ids repeated from
page to page (132 ids, up to 9 times each).

Here, inside each page's <section class="print-page" id="P">, an id X is
renamed P-X when a link on the print page asks for #P-X, or when X is used on
more than one page (a figure shown on two pages), and nothing else has P-X.
Two links the plugin writes for pages rather than anchors are pointed at the
page: #. (the home page) and #print_page (this page).

The plugin writes the print page after the build, so this runs in
on_post_build, after it; sitecheck/print_page.py checks the result.
"""

from __future__ import annotations

import collections
import re

import _print_page

SECTION = re.compile(r'<section class=["\']print-page[^"\']*["\'] id=["\']([^"\']+)["\']')
ID = re.compile(r'\sid="([^"]+)"')
IN_PAGE_LINK = re.compile(r'href="#([^"]*)"')
# Links print-site writes for whole pages, not anchors: where they should go.
PAGE_LINKS = {"#.": "#index", "#print_page": "#print-site-cover-page"}


def repaired(html: str) -> str:
    for wrong, right in PAGE_LINKS.items():
        html = html.replace(f'href="{wrong}"', f'href="{right}"')
    wanted = set(IN_PAGE_LINK.findall(html))
    counts = collections.Counter(ID.findall(html))
    taken = set(counts)
    starts = [(m.start(), m.group(1)) for m in SECTION.finditer(html)]
    pieces, done = [], 0
    for (start, prefix), (end, _) in zip(starts, starts[1:] + [(len(html), "")]):
        pieces.append(html[done:start])

        def rename(match: re.Match, prefix=prefix) -> str:
            new = f"{prefix}-{match.group(1)}"
            if match.group(1) == prefix or new in taken or (new not in wanted and counts[match.group(1)] < 2):
                return match.group(0)
            taken.add(new)
            return f' id="{new}"'

        pieces.append(ID.sub(rename, html[start:end]))
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


def on_post_build(config, **kwargs):
    _print_page.rewrite(config, repaired)
