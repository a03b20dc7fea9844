"""Loads the print-site plugin's stylesheets and script on the print page only.

The plugin adds print-site.css, print-site-material.css and print-site.js to
every page, but all three only style or script the single printable page at
print_page/ (their rules are scoped to #print-site-page). Removing them from
the other pages saves each first visit three requests and ~2 kB. The print
page is written by the plugin after the build, past this hook, so it keeps
them.
"""

from __future__ import annotations

import re

PRINT_SITE_ASSET = re.compile(
    r'<link rel="stylesheet" href="[^"]*css/print-site[^"]*\.css">\s*'
    r'|<script src="[^"]*js/print-site\.js"></script>\s*'
)


def on_post_page(output, page, config, **kwargs):
    return PRINT_SITE_ASSET.sub("", output)
