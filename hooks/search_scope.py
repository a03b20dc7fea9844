"""Leaves each page's footnotes (its list of sources) out of the search index.

Every page ends with its footnotes, which repeat titles, authors and DOIs
from the references page. Indexed, they made a fifth of the search index
that every reader downloads, and sent searches for a journal or an author
to every page that cites it. The references page itself stays indexed, so
searching for "Andtbacka" or "JCO" still finds the source. Material's search
skips any block marked data-search-exclude.
"""

from __future__ import annotations

FOOTNOTES = '<div class="footnote">'


def on_page_content(html, page, **kwargs):
    return html.replace(FOOTNOTES, '<div class="footnote" data-search-exclude>')
