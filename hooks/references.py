"""Renders the references page from data/references.yml, and offers it as BibTeX and RIS.

docs/references.md holds the page's front-matter and introduction and one
marker line where the list goes:

    <!-- references: rendered from data/references.yml by hooks/references.py -->

The file is read, and judged against schemas/references.schema.json, by
sitecheck/data/references.py; what breaks a rule is logged as a warning
naming the file and line, so `mkdocs build --strict` fails on it. After the
build, references.bib and references.ris are written next to the site's
pages, for reference managers (Zotero, EndNote, Mendeley):

    @article{andtbacka-2015,
      author = {Andtbacka, RHI and Kaufman, HL and Collichio, F and others},
      title = {{Talimogene laherparepvec improves durable response rate ...}},
      ...
"""

from __future__ import annotations

import datetime
import logging
import pathlib

import _generated

from sitecheck.data import references
from sitecheck.data.references import Group, Source

log = logging.getLogger("mkdocs.hooks.references")

PAGE = "references.md"
MARKER = "<!-- references: rendered from data/references.yml by hooks/references.py -->"
# The record type of each `type` of schemas/references.schema.json (tests/test_bibliography.py
# checks that both lists name every type the schema allows, and no other).
BIBTEX_TYPES = {
    "article": "article", "abstract": "inproceedings", "report": "techreport",
    "webpage": "misc", "registry": "misc", "news": "misc", "press-release": "misc",
}
RIS_TYPES = {"article": "JOUR", "abstract": "ABST", "report": "RPRT", "webpage": "ELEC", "registry": "DBASE", "news": "NEWS", "press-release": "PRESS"}


def _sentence(text: str) -> str:
    """The text ending with exactly one full stop."""
    text = str(text).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _long_date(value) -> str:
    """2015-10-27 -> 27 October 2015, as the site writes dates in text; 2023-12 -> December 2023."""
    if not hasattr(value, "strftime") and len(str(value)) == len("2023-12"):
        return f"{datetime.date.fromisoformat(f'{value}-01'):%B %Y}"
    date = value if hasattr(value, "strftime") else datetime.date.fromisoformat(str(value))
    return f"{date.day} {date:%B %Y}"


def _source_line(entry: Source) -> str:
    """*Journal* 2015;33(25):2780–2788, or the organisation, site and date."""
    parts = []
    if entry.get("organisation"):
        parts.append(_sentence(entry["organisation"]))
    if entry.get("container"):
        numbers = str(entry.get("year", ""))
        if entry.get("volume"):
            numbers += f";{entry['volume']}"
            if entry.get("issue"):
                numbers += f"({entry['issue']})"
            if entry.get("pages"):
                numbers += f":{entry['pages']}"
        parts.append(f"*{entry['container']}*" + (f" {numbers}." if numbers else "."))
    elif entry.get("year") and not entry.get("date"):
        parts.append(f"{entry['year']}.")
    if entry.get("date"):
        parts.append(f"{_long_date(entry['date'])}.")
    return " ".join(parts)


def render_markdown(groups: tuple[Group, ...]) -> str:
    lines = []
    for group in groups:
        lines += [f"## {group.title} {{ #{group.id} }}", ""]
        if group.intro:
            lines += [" ".join(group.intro.split()), ""]
        for entry in group.sources:
            authors = entry.author_line
            head = authors if authors else f"{entry.title}."
            item = [f"- **{head}**{{ #{entry.key} }}"]
            if authors:
                item.append(f"  {entry.title}.")
            if _source_line(entry):
                item.append(f"  {_source_line(entry)}")
            if entry.get("doi"):
                item.append(f"  [doi:{entry['doi']}](https://doi.org/{entry['doi']})")
            if entry.get("url"):
                item.append(f"  <{entry['url']}>")
            if entry.get("accessed"):
                item.append(f"  Read on {_long_date(entry['accessed'])}.")
            if entry.get("note"):
                item.append(f"  {' '.join(str(entry['note']).split())}")
            item.append(f"  `{entry.key}`")
            lines += item
        lines.append("")
    return "\n".join(lines)


def _bibtex_name(name: str) -> str:
    """'Andtbacka RHI' -> 'Andtbacka, RHI'; 'Slingluff CL Jr' -> 'Slingluff, Jr, CL' (BibTeX's order)."""
    words = name.split()
    suffix = words.pop() if len(words) > 2 and words[-1].rstrip(".") in {"Jr", "Sr", "II", "III"} else None
    if len(words) < 2:
        return name
    surname, initials = " ".join(words[:-1]), words[-1]
    return f"{surname}, {suffix}, {initials}" if suffix else f"{surname}, {initials}"


def render_bibtex(entries: list[Source]) -> str:
    records = []
    for entry in entries:
        fields = {
            "author": " and ".join([_bibtex_name(n) for n in entry.authors] + (["others"] if entry.et_al else [])),
            "title": "{" + entry.title + "}",
            "journal" if entry.get("type") == "article" else "howpublished": entry.get("container", ""),
            "organization": entry.get("organisation", ""),
            "year": str(entry.get("year", "")),
            "volume": str(entry.get("volume", "")),
            "number": str(entry.get("issue", "")),
            "pages": str(entry.get("pages", "")).replace("–", "--"),
            "doi": entry.get("doi", ""),
            "url": entry.get("url") or entry.address,
            "urldate": str(entry.get("accessed", "")),
            "note": " ".join(str(entry.get("note", "")).split()),
        }
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
        records.append(f"@{BIBTEX_TYPES.get(entry.get('type'), 'misc')}{{{entry.key},\n{body}\n}}")
    return "\n\n".join(records) + "\n"


def render_ris(entries: list[Source]) -> str:
    records = []
    for entry in entries:
        lines = [f"TY  - {RIS_TYPES.get(entry.get('type'), 'GEN')}", f"ID  - {entry.key}"]
        lines += [f"AU  - {name}" for name in entry.authors]
        lines.append(f"TI  - {entry.title}")
        for tag, field in [("T2", "container"), ("PB", "organisation"), ("PY", "year"), ("VL", "volume"), ("IS", "issue"), ("DO", "doi")]:
            if entry.get(field):
                lines.append(f"{tag}  - {entry[field]}")
        if entry.get("pages"):
            start, _, end = str(entry["pages"]).partition("–")
            lines.append(f"SP  - {start}")
            if end:
                lines.append(f"EP  - {end}")
        lines.append(f"UR  - {entry.get('url') or entry.address}")
        if entry.get("accessed"):
            lines.append(f"Y2  - {entry['accessed']}")
        if entry.get("note"):
            lines.append(f"N1  - {' '.join(str(entry['note']).split())}")
        lines.append("ER  - ")
        records.append("\n".join(lines))
    return "\n\n".join(records) + "\n"


def _read(config) -> references.Bibliography:
    return references.read(pathlib.Path(config["config_file_path"]).parent)


def on_pre_build(config, **kwargs):
    for problem in _read(config).problems:
        log.warning(str(problem))


def on_page_markdown(markdown, page, config, **kwargs):
    return _generated.fill(markdown, page, PAGE, MARKER, lambda: render_markdown(_read(config).groups))


def on_post_build(config, **kwargs):
    entries = _read(config).sources
    site = pathlib.Path(config["site_dir"])
    (site / "references.bib").write_text(render_bibtex(entries), encoding="utf-8")
    (site / "references.ris").write_text(render_ris(entries), encoding="utf-8")
