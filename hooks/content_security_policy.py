"""A Content Security Policy on every published page: code, styles, images and fonts from this site only.

Static hosts such as GitHub Pages cannot send headers, so the policy is a
<meta http-equiv="Content-Security-Policy"> placed first in each page's head,
before any script. Scripts and styles load only from the site itself; the few
inline scripts and styles that the theme and its plugins write (Material's
palette and scope set-up, the redirect pages, the print page) are allowed by
their SHA-256 hashes, computed here from the built pages. Only code outside the
page's <article> counts: the article holds what a page's Markdown produced, and
nothing there is ever allowed, so a <script> slipped into a page does not run
(and sitecheck/raw_html.py rejects it before that).

Every page carries the same policy, with the hashes of all pages: Material's
instant navigation keeps the first page's policy while it swaps in the next.

Not applied to `mkdocs serve` (its live-reload script is injected after the
build) nor to the offline copy, which is opened from file:// where 'self'
does not match the copy's own files in every browser (README, "Privacy").
"""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re

META_NAME = "Content-Security-Policy"
CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)
# <script> types that browsers run; JSON and JSON-LD blocks are data, not code.
CODE_TYPES = {"", "text/javascript", "application/javascript", "module"}

_command = None


def on_startup(command, **kwargs):
    global _command
    _command = command


def applies(config) -> bool:
    offline = config.plugins.get("material/offline")
    return _command == "build" and not (offline and offline.config.enabled)


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_ARTICLE = re.compile(r"<article\b.*?</article>", re.S | re.I)
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)


def theme_code(html: str) -> tuple[set[str], set[str]]:
    """Hashes of the inline scripts and styles outside the page's <article> (the theme's, never the page's).

    Regular expressions, not an HTML parser: the print page is a megabyte, and
    the markup here is the theme's own, with the article written once.
    """
    content = [match.span() for match in _ARTICLE.finditer(html)]
    scripts, styles = set(), set()
    for match in _INLINE.finditer(html):
        if any(start <= match.start() < end for start, end in content):
            continue
        name, attributes, body = match.group(1).lower(), match.group(2), match.group(3)
        if name == "script":
            kind = _TYPE.search(attributes)
            if "src=" in attributes.lower() or (kind and kind.group(1).lower() not in CODE_TYPES):
                continue
            scripts.add(digest(body))
        else:
            styles.add(digest(body))
    return scripts, styles


def policy(scripts: set[str], styles: set[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(scripts)),
        "style-src 'self' " + " ".join(sorted(styles)),
        # Material's icons are data: URIs in its stylesheet.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]).strip()


def on_post_build(config, **kwargs):
    if not applies(config):
        return
    pages = sorted(pathlib.Path(config["site_dir"]).rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    scripts, styles = set(), set()
    for text in texts.values():
        page_scripts, page_styles = theme_code(text)
        scripts |= page_scripts
        styles |= page_styles
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(scripts, styles)}">'
    for path, text in texts.items():
        marked, found = CHARSET.subn(lambda match: match.group(0) + meta, text, count=1)
        if not found:
            raise SystemExit(f"{path}: no <meta charset=\"utf-8\"> to put the Content Security Policy after")
        path.write_text(marked, encoding="utf-8")
