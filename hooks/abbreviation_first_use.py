"""Keeps an abbreviation's definition on its first use in each section only.

includes/abbreviations.md is appended to every page, so the abbr extension
wraps every use of every abbreviation in <abbr title>, and Material's
tooltips (content.tooltips) set one tooltip up for each when the page loads:
224 on the claims page, the main-thread work that kept phones waiting
(benchmarks/README.md). Medical style guides define a term at its first use
in a section; this hook does the same:

- a section starts at each h2; the footnotes are a section of their own;
- a tab's content, or a collapsed block's, may be hidden: what it defines
  counts inside it only;
- the first use keeps <abbr title> and gets tabindex="0", so a keyboard user
  can Tab to it and Material shows the definition on focus (an <abbr> is not
  focusable by itself); hover and a tap show it as before;
- later uses in the same section become plain text, and so does a use in
  a link's text, Markdown or raw HTML (a tap there follows the link): the
  next use outside a link is then the first.

Every abbreviation is also explained on the glossary page. It runs inside
Markdown, after the abbr extension and before the page's HTML is kept by the
search and print-site plugins, so the print page follows the same rule.
sitecheck/tooltips.py (tests/test_tooltips.py) checks the built pages against it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

# A link a page writes as raw HTML reaches this step as a placeholder for its tags.
RAW_LINK_START = re.compile(r"<a[\s>]")


def _opens_hidden_scope(element: etree.Element) -> bool:
    """A tab's content or a collapsible block: a reader may not see it while reading what follows."""
    return element.tag == "details" or "tabbed-block" in (element.get("class") or "").split()


def _is_footnotes(element: etree.Element) -> bool:
    return element.tag == "div" and "footnote" in (element.get("class") or "").split()


def _unwrap(parent: etree.Element, child: etree.Element, previous: etree.Element | None) -> None:
    """Replace child (an <abbr>) by its text."""
    text = (child.text or "") + (child.tail or "")
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


def _plain_inside(link: etree.Element) -> None:
    """A link's text keeps no definition: a tap follows the link, and a focusable <abbr> inside it would be a second tab stop."""
    previous = None
    for child in list(link):
        if child.tag == "abbr":
            _unwrap(link, child, previous)
            continue
        _plain_inside(child)
        previous = child


def _in_raw_link_after(text: str | None, in_link: bool, raw_html: list) -> bool:
    """Whether text leaves the reader inside a link written as raw HTML (<a href=...>...</a> in a page)."""
    for match in HTML_PLACEHOLDER_RE.finditer(text or ""):
        html = raw_html[int(match.group(1))]
        if isinstance(html, str):
            tag = html.strip().lower()
            if RAW_LINK_START.match(tag):
                in_link = True
            elif tag.startswith("</a"):
                in_link = False
    return in_link


def keep_first_use(parent: etree.Element, seen: set[str], raw_html: list) -> None:
    """Walk parent in document order, unwrapping every <abbr title> already seen in its section or in a link."""
    previous = None  # the last child still in parent, whose tail takes an unwrapped abbr's text
    in_link = _in_raw_link_after(parent.text, False, raw_html)
    for child in list(parent):
        if child.tag == "h2":
            seen.clear()
        if child.tag == "abbr" and child.get("title"):
            if in_link or child.text in seen:
                tail = child.tail
                _unwrap(parent, child, previous)
                in_link = _in_raw_link_after(tail, in_link, raw_html)
                continue
            seen.add(child.text)
            child.set("tabindex", "0")
        elif child.tag == "a":
            _plain_inside(child)
        elif _is_footnotes(child):
            keep_first_use(child, set(), raw_html)
        elif _opens_hidden_scope(child):
            keep_first_use(child, set(seen), raw_html)
        else:
            keep_first_use(child, seen, raw_html)
        in_link = _in_raw_link_after(child.tail, in_link, raw_html)
        previous = child


class FirstUseTreeprocessor(Treeprocessor):
    def run(self, root):
        keep_first_use(root, set(), self.md.htmlStash.rawHtmlBlocks)


class FirstUseExtension(Extension):
    def extendMarkdown(self, md):
        # After the abbr extension (priority 7) has made the <abbr> elements,
        # before the table of contents (5) reads the headings.
        md.treeprocessors.register(FirstUseTreeprocessor(md), "abbreviation_first_use", 6)


def on_config(config, **kwargs):
    config.markdown_extensions.append(FirstUseExtension())
    return config
