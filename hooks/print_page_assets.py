"""Loads the print-site plugin's stylesheets and script on the print page only.

The plugin adds print-site.css, print-site-material.css and print-site.js to
every page, but all three only style or script the single printable page at
print_page/ (their rules are scoped to #print-site-page). Removing them from
the other pages saves each first visit three requests and ~2 kB. The print
page is written by the plugin after the build, past this hook, so it keeps
them.

The plugin also writes, inside the print page's content, a <style> that numbers
the headings. The site turns numbering off (enumerate_headings: false), so the
block styles nothing; it is dropped, so that the Content Security Policy
(hooks/content_security_policy.py) never has to allow a style from page content.
"""

from __future__ import annotations

import pathlib
import re

PRINT_SITE_ASSET = re.compile(
    r'<link rel="stylesheet" href="[^"]*css/print-site[^"]*\.css">\s*'
    r'|<script src="[^"]*js/print-site\.js"></script>\s*'
)


def on_post_page(output, page, config, **kwargs):
    return PRINT_SITE_ASSET.sub("", output)


HEADING_NUMBERS = re.compile(r"<style>\s*\.print-site-enumerate-headings[^<]*</style>")


def on_post_build(config, **kwargs):
    plugin = config.plugins.get("print-site")
    if not plugin or plugin.config.get("enumerate_headings"):
        return
    path = pathlib.Path(config["site_dir"]) / plugin.config.get("print_page_basename") / "index.html"
    if path.is_file():
        path.write_text(HEADING_NUMBERS.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
