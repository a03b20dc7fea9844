"""Leaves each page's footnotes (its list of sources) out of the search index.

Every page ends with its footnotes, which repeat titles, authors and DOIs
from the references page. Indexed, they made a fifth of the search index
that every reader downloads, and sent searches for a journal or an author
to every page that cites it. The references page itself stays indexed, so
searching for an author such as "Chesney" still finds the source
(tests/test_browser_search.py). Material's search skips any block marked
data-search-exclude.
"""

from __future__ import annotations

FOOTNOTES = '<div class="footnote">'


def on_page_content(html, page, **kwargs):
    return html.replace(FOOTNOTES, '<div class="footnote" data-search-exclude>')
