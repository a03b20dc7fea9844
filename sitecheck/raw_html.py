"""Raw HTML in the Markdown sources: only what the site uses, nothing that runs code or loads from elsewhere.

Markdown passes raw HTML through to the page untouched, so a pull request could
slip a script, a tracking pixel or a form into a page that reads as prose in
review. Every element and attribute written in a page (outside code) must be
on the list below; Markdown's own links and images, and its { attribute lists },
may not use javascript: or data: addresses, nor show images from another host.
"""

from __future__ import annotations

import html
import html.parser
import re
import urllib.parse

from .markdown_text import source_lines
from .project import Page, Problem, Project

# The HTML a page may hold: element -> the attributes it may carry. Whatever is
# not here is refused. Addresses are judged apart (see ADDRESS_ATTRIBUTES).
ALLOWED_HTML: dict[str, frozenset[str]] = {
    # On any element below: class picks a style the theme or docs/stylesheets/extra.css
    # defines (Material's "grid cards", the patients' "checklist"); id is a link target.
    "*": frozenset({"class", "id"}),
    # Powers of ten in doses and virus counts: 10<sup>6</sup> PFU per mL.
    "sup": frozenset(),
    # Subscripts, the counterpart of sup (log<sub>10</sub>, CO<sub>2</sub>).
    "sub": frozenset(),
    # A line break inside a table cell, where Markdown has no other way to write one.
    "br": frozenset(),
    # An abbreviation spelled out in place; title is the text of its tooltip.
    "abbr": frozenset({"title"}),
    # Boxes whose inside is still Markdown (md_in_html): the home page's grid of
    # cards, the checklists of questions for patients.
    "div": frozenset({"markdown"}),
    "span": frozenset({"markdown"}),
    # Links Markdown cannot write: the RSS feed (type names the feed's format),
    # the BibTeX and RIS downloads (download), the print page (built, not a page).
    "a": frozenset({"href", "type", "download"}),
    # An image from docs/assets/ (never another host), with its description for
    # screen readers and its size, so the page does not jump as it loads.
    "img": frozenset({"src", "alt", "width", "height"}),
    # An image with its caption.
    "figure": frozenset({"markdown"}),
    "figcaption": frozenset({"markdown"}),
    # A fold-out section, as pymdownx.details writes it (open shows it unfolded).
    "details": frozenset({"open", "markdown"}),
    "summary": frozenset({"markdown"}),
    # Tables that Markdown's pipe tables cannot express (cells spanning rows or columns).
    "table": frozenset(),
    "caption": frozenset(),
    "thead": frozenset(),
    "tbody": frozenset(),
    "tfoot": frozenset(),
    "tr": frozenset(),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "td": frozenset({"colspan", "rowspan"}),
    # Markdown's { attribute lists } (attr_list) after an image, link or heading:
    # #id and .class, and an image's size.
    "{ }": frozenset({"width", "height"}),
}

# Attributes whose value is an address.
ADDRESS_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "xlink:href"})
# Elements refused with a reason and a fix of their own (any other element is refused as off the list).
_CODE = "pages may not run code; remove it"
_EMBED = "pages may not embed another site or a plugin; link to it instead"
_FORM = "pages may not collect anything from readers; remove it"
_MEDIA = "pages may not play media, which would load from elsewhere; link to it instead"
REFUSED = {
    "script": _CODE,
    "noscript": _CODE,
    "svg": "inline SVG can run code; save the image in docs/assets/images/ and show it with ![description](path)",
    "math": "inline MathML is not needed on this site; write the formula in words, with <sup> or <sub>",
    "style": "pages may not carry their own styles; remove it and use a class from docs/stylesheets/extra.css",
    "iframe": _EMBED,
    "frame": _EMBED,
    "object": _EMBED,
    "embed": _EMBED,
    "applet": _EMBED,
    "form": _FORM,
    "input": _FORM,
    "button": _FORM,
    "select": _FORM,
    "textarea": _FORM,
    "link": "pages may not load anything the theme does not; remove it",
    "meta": "pages may not change how they are loaded or indexed (that is the front-matter's job); remove it",
    "base": "pages may not change where their links lead; remove it",
    "audio": _MEDIA,
    "video": _MEDIA,
    "source": _MEDIA,
    "track": _MEDIA,
    "picture": "an image comes from docs/assets/images/, shown with ![description](path); remove it",
}
LISTED = "the allowed HTML is listed in CONTRIBUTING.md"

# Markdown's autolinks, <https://...> and <name@host>, are links, not HTML (the external-link rule reads them).
AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://[^<>]*|(?:mailto:)?[^<>\s@]+@[^<>\s]+)>", re.I)
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
# Markdown link and image targets: [text](target), ![alt](target), with <target> and balanced (parentheses) allowed.
_TARGET = r"\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)"
LINK_TARGET = re.compile(r"\]" + _TARGET)
IMAGE = re.compile(r"!\[[^\]]*\]" + _TARGET)
# Reference definitions [label]: target (not footnotes [^label]:), and images that use them.
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?([^\s>]+)")
REFERENCE_IMAGE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?![(\[])")
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
ATTRIBUTE = re.compile(r"""([^\s=#.'"]+)=(?:"[^"]*"|'[^']*'|\S+)""")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
INVISIBLE = re.compile(r"[\x00-\x1f\x7f]")


def scheme(address: str) -> str:
    """The scheme as a browser reads it (java&#9;script: and ' javascript:' included), lower case; '' if none."""
    cleaned = CONTROL.sub("", html.unescape(address))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def _code_address(address: str) -> str | None:
    """Why an address must not be followed at all, or None."""
    kind = scheme(address)
    if kind in {"javascript", "vbscript"}:
        return f"a {kind}: address runs code; link to a page of the site or an https:// address instead"
    if kind == "data":
        return "a data: address hides its content from review; save the file in docs/assets/ and link it by its path"
    return None


def _shown(value: str) -> str:
    """A value as written for a message, with tabs and other invisible characters made visible."""
    return INVISIBLE.sub(lambda match: f"\\x{ord(match.group(0)):02x}", value)


def _remote_image(address: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(CONTROL.sub("", html.unescape(address)))
    except ValueError:  # such as an unclosed [ in the host: not a path of this site either
        return True
    return bool(parts.scheme or parts.netloc)


REMOTE_IMAGE = "is loaded from another host, which would learn who reads the page (and the Content Security Policy blocks it); save the image in docs/assets/images/ and give its path"


class _Tags(html.parser.HTMLParser):
    """Collects (line, element, attributes) for every start tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((self.getpos()[0], tag, attrs))


def _html_problems(source: str, line: int, tag: str, attributes) -> list[Problem]:
    if tag in REFUSED:
        return [Problem(source, line, f"<{tag}> is not allowed in a page: {REFUSED[tag]} ({LISTED})")]
    if tag not in ALLOWED_HTML or tag in {"*", "{ }"}:
        return [Problem(source, line, f"<{tag}> is not on the list of HTML allowed in a page; write it in Markdown or remove it ({LISTED})")]
    problems = []
    allowed = ALLOWED_HTML[tag] | ALLOWED_HTML["*"]
    for name, value in attributes:
        value = value or ""
        where = f"<{tag} {name}>"
        if name.startswith("on"):
            problems.append(Problem(source, line, f"{where} is not allowed: event handlers run code; remove the attribute ({LISTED})"))
        elif name == "style":
            problems.append(Problem(source, line, f"{where} is not allowed: pages may not carry their own styles; give the element a class from docs/stylesheets/extra.css instead ({LISTED})"))
        elif name in ADDRESS_ATTRIBUTES and _code_address(value):
            problems.append(Problem(source, line, f"<{tag} {name}='{_shown(value)}'> is not allowed: {_code_address(value)}"))
        elif name not in allowed:
            problems.append(Problem(source, line, f"{where} is not allowed; remove the attribute ({LISTED})"))
        elif name == "src" and _remote_image(value):
            problems.append(Problem(source, line, f"<{tag} src='{value}'> {REMOTE_IMAGE}"))
        elif name == "href" and scheme(value) not in {"", "https", "http"}:
            # http:// is reported by the external-link rule (external_links.py), with its fix.
            problems.append(Problem(source, line, f"<{tag} {name}='{_shown(value)}'> is not allowed: a link leads to a page of the site (a relative path) or an https:// address"))
        elif name == "href" and value.startswith("//"):
            problems.append(Problem(source, line, f"<{tag} {name}='{_shown(value)}'> is not allowed: write the full https:// address"))
    return problems


def _attribute_list_problems(source: str, line: int, text: str) -> list[Problem]:
    problems = []
    for attribute_list in ATTRIBUTE_LIST.findall(text):
        for name in ATTRIBUTE.findall(attribute_list):
            name = name.lower()
            where = f"{{ {name}=... }}"
            if name.startswith("on"):
                problems.append(Problem(source, line, f"{where} is not allowed: event handlers run code; remove it ({LISTED})"))
            elif name == "style":
                problems.append(Problem(source, line, f"{where} is not allowed: pages may not carry their own styles; use a .class from docs/stylesheets/extra.css instead ({LISTED})"))
            elif name not in ALLOWED_HTML["{ }"]:
                problems.append(Problem(source, line, f"{where} is not allowed in an attribute list (only #id, .class, {', '.join(sorted(ALLOWED_HTML['{ }']))}); remove it ({LISTED})"))
    return problems


def _markdown_problems(source: str, line: int, text: str, references: dict[str, tuple[int, str]]) -> list[Problem]:
    problems = []
    for target in LINK_TARGET.findall(text):
        why = _code_address(target)
        if why:
            problems.append(Problem(source, line, f"the Markdown link or image to '{target}' is not allowed: {why}"))
    for target in IMAGE.findall(text):
        if not _code_address(target) and _remote_image(target):
            problems.append(Problem(source, line, f"the image '{target}' {REMOTE_IMAGE}"))
    for alt, label in REFERENCE_IMAGE.findall(text):
        _, target = references.get((label or alt).lower(), (None, ""))
        if target and not _code_address(target) and _remote_image(target):
            problems.append(Problem(source, line, f"the image '{target}' {REMOTE_IMAGE}"))
    return problems


# Data files whose text the hooks render into pages (hooks/claims.py, hooks/references.py,
# hooks/frequencies.py):
# read as they stand, each line at its own number, like a page.
RENDERED_DATA = ("data/claims.yml", "data/references.yml", "data/frequencies.yml")


def sources(project: Project) -> list[Page]:
    """Every page, every file included into one, the files appended to every page (abbreviations),
    and the data files rendered into pages."""
    found = list(project.prose_sources)
    for origin in RENDERED_DATA:
        path = project.root / origin
        if path.is_file():
            found.append(Page(origin, path.read_text(encoding="utf-8"), origin=origin))
    known = {page.source for page in found}
    for extension in project.config.get("markdown_extensions") or []:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            options = extension["pymdownx.snippets"] or {}
            for name in options.get("auto_append") or []:
                for base in options.get("base_path") or []:
                    path = project.root / base / name
                    origin = path.relative_to(project.root).as_posix()
                    if path.is_file() and origin not in known:
                        found.append(Page(origin, path.read_text(encoding="utf-8"), origin=origin))
                        known.add(origin)
                        break
    return found


def _check_page(page: Page) -> list[Problem]:
    problems = []
    # The page's text outside fenced code and code spans, each line at its own number.
    kept = [""] * len(page.lines)
    for number, line in source_lines(page):
        kept[number - 1] = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    references = {}
    for number, line in enumerate(kept, start=1):
        definition = REFERENCE_DEFINITION.match(line)
        if definition:
            references[definition.group(1).lower()] = (number, definition.group(2))
    for label, (number, target) in references.items():
        why = _code_address(target)
        if why:
            problems.append(Problem(page.source, number, f"the link reference [{label}]: {target} is not allowed: {why}"))
    for number, line in enumerate(kept, start=1):
        problems += _markdown_problems(page.source, number, line, references)
        problems += _attribute_list_problems(page.source, number, line)
    parser = _Tags()
    parser.feed("\n".join(AUTOLINK.sub(lambda m: " " * len(m.group(0)), line) for line in kept))
    parser.close()
    for number, tag, attributes in parser.tags:
        problems += _html_problems(page.source, number, tag, attributes)
    return problems


def check(project: Project) -> list[Problem]:
    return [problem for page in sources(project) for problem in _check_page(page)]
