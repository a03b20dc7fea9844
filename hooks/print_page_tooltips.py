"""The print page sets up no tooltips: it is the whole site, on one page, to print.

Material's tooltips (content.tooltips, content.footnote.tooltips) set up one
tooltip per abbreviation and footnote reference when a page loads. The print
page (print_page/, the print-site plugin) holds every page: over a thousand
of each, several seconds of a phone's main thread, for tooltips that paper
cannot show. Its copy of Material's settings (the __config block) leaves both
features out; the browser's own title tooltip still shows an abbreviation's
definition on hover, and every other page keeps Material's tooltips.

The plugin writes the print page after the build, so this runs in
on_post_build, after it and before hooks/content_security_policy.py.
"""

from __future__ import annotations

import json
import re

import _print_page

TOOLTIP_FEATURES = {"content.tooltips", "content.footnote.tooltips"}
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def without_tooltips(html: str) -> str:
    def rewrite(match: re.Match) -> str:
        settings = json.loads(match.group(2))
        settings["features"] = [name for name in settings.get("features", []) if name not in TOOLTIP_FEATURES]
        return match.group(1) + json.dumps(settings, ensure_ascii=False) + match.group(3)

    return MATERIAL_CONFIG.sub(rewrite, html, count=1)


def on_post_build(config, **kwargs):
    _print_page.rewrite(config, without_tooltips)
