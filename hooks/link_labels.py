"""Footnote back-links and heading permalinks name themselves with aria-label, not title.

Python-Markdown gives each footnote's back-link (↩) the title "Jump back to
footnote N in the text" and each heading's permalink (¶) the title "Permanent
link". Material's tooltips (content.tooltips) set one tooltip up, when the page
loads, for every element with a title: on the claims page 102 of the 153 left
after hooks/abbreviation_first_use.py, for labels a reader rarely points at.
As aria-label the same words name the link for screen readers (better than
"↩" or "¶", which is what they read before), and no tooltip is set up.
"""

from __future__ import annotations

import re

LABELLED_LINK = re.compile(r'(<a class="(?:footnote-backref|headerlink)" href="[^"]*") title=')


def on_page_content(html, page, **kwargs):
    return LABELLED_LINK.sub(r"\1 aria-label=", html)
