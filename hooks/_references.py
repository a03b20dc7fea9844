"""The site's bibliography, data/references.yml, as the hooks use it.

Shared by the hooks (imported by name: MkDocs puts hooks/ on the path while it
loads them). One entry, for example

    - key: andtbacka-2015
      type: article
      title: Talimogene laherparepvec improves durable response rate ...
      authors: [Andtbacka RHI, Kaufman HL, Collichio F]
      et_al: true
      container: Journal of Clinical Oncology
      year: 2015
      volume: "33"
      issue: "25"
      pages: 2780–2788
      doi: 10.1200/JCO.2014.58.3377

becomes the references page's list item, a BibTeX and a RIS record, and a
schema.org CreativeWork for the JSON-LD of each page that cites it.
"""

from __future__ import annotations

import copy
import functools
import pathlib

import yaml

DATA = "data/references.yml"

# libyaml's parser when PyYAML has it (the pinned wheels do): the pure-Python
# one took ~0.1 s per read of this file, a twentieth of the whole build.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(root: pathlib.Path) -> list[dict]:
    """The groups of data/references.yml, in order (a fresh copy each call)."""
    return copy.deepcopy(_parse((pathlib.Path(root) / DATA).read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=4)
def _parse(text: str) -> list[dict]:
    # Keyed by the file's text, so several hooks in one build parse it once and
    # `mkdocs serve` still sees every edit.
    return yaml.load(text, Loader=SafeLoader)["groups"]


def entries(groups: list[dict]) -> list[dict]:
    return [entry for group in groups for entry in group["entries"]]


def address(entry: dict) -> str:
    """The DOI link when there is one, else the official address."""
    return f"https://doi.org/{entry['doi']}" if entry.get("doi") else entry.get("url", "")


def author_line(entry: dict) -> str:
    names = ", ".join(entry.get("authors") or [])
    return names + (", et al." if entry.get("et_al") else ".") if names else ""


def creative_work(entry: dict) -> dict:
    work = {"@type": "CreativeWork", "name": entry["title"], "url": address(entry)}
    if entry.get("authors"):
        work["author"] = author_line(entry).rstrip(".")
    return work


def read(root: pathlib.Path) -> dict[str, dict]:
    """key -> schema.org CreativeWork, for every entry."""
    return {entry["key"]: creative_work(entry) for entry in entries(load(root))}
