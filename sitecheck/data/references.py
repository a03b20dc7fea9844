"""The site's bibliography, data/references.yml: the one reader for the hooks, the checks and the tests.

One entry, for example

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

becomes the references page's list item, a BibTeX and a RIS record
(hooks/references.py), and a schema.org CreativeWork in the JSON-LD of each
page that cites it (hooks/structured_data.py). The fields and their meanings
are in schemas/references.schema.json; the file is validated against it on
every read, and ``problems`` lists what breaks it, each at its line.
"""

from __future__ import annotations

import dataclasses
import functools
import pathlib

from ..project import Problem
from . import _yaml

PATH = "data/references.yml"
SCHEMA = "schemas/references.schema.json"
RULES = _yaml.Rules(PATH, SCHEMA, names={"key": "source", "id": "group"})


@dataclasses.dataclass(frozen=True)
class Source(_yaml.Item):
    """One entry, with the line of each field. ``get`` reads a field as written."""

    @property
    def key(self) -> str:
        return str(self.fields.get("key", ""))

    @property
    def title(self) -> str:
        return str(self.fields.get("title", ""))

    @property
    def authors(self) -> list[str]:
        """The listed authors; none when the field is left out (a label, a web page)."""
        return list(self.fields.get("authors") or [])

    @property
    def et_al(self) -> bool:
        """More authors than those listed; false when the field is left out."""
        return self.fields.get("et_al") is True

    @property
    def address(self) -> str:
        """The DOI link when there is one, else the official address."""
        return f"https://doi.org/{self.fields['doi']}" if self.fields.get("doi") else str(self.fields.get("url", ""))

    @property
    def author_line(self) -> str:
        """'Andtbacka RHI, Kaufman HL, Collichio F, et al.', or '' when no person is named."""
        names = ", ".join(self.authors)
        return names + (", et al." if self.et_al else ".") if names else ""

    @property
    def creative_work(self) -> dict[str, str]:
        """The source as schema.org describes it, for a page's JSON-LD citations."""
        work = {"@type": "CreativeWork", "name": self.title, "url": self.address}
        if self.authors:
            work["author"] = self.author_line.rstrip(".")
        return work


@dataclasses.dataclass(frozen=True)
class Group:
    """One section of the references page."""

    id: str
    title: str
    intro: str
    sources: tuple[Source, ...]
    line: int


@dataclasses.dataclass(frozen=True)
class Bibliography:
    groups: tuple[Group, ...]
    # What breaks the schema or the unique-key rule, each at its line; empty when the file is sound.
    problems: tuple[Problem, ...]

    @property
    def sources(self) -> list[Source]:
        return [source for group in self.groups for source in group.sources]

    @functools.cached_property
    def by_key(self) -> dict[str, Source]:
        """key -> source (the first, if a key is used twice: ``problems`` says so)."""
        found: dict[str, Source] = {}
        for source in self.sources:
            found.setdefault(source.key, source)
        return found


def parse(text: str, schema_text: str | None = None) -> Bibliography:
    """The bibliography in ``text``, judged against the schema (``schema_text``, or the schema file).

    A file that cannot be read as YAML gives no groups and one problem, at the line where it breaks.
    """
    document, problems = RULES.judge(text, schema_text)
    if document is None:
        return Bibliography((), tuple(problems))
    groups = []
    for group, group_node in _yaml.listed(document.data, document.root, "groups"):
        sources = tuple(Source.of(entry, node) for entry, node in _yaml.listed(group, group_node, "entries"))
        groups.append(Group(
            str(group.get("id", "")), str(group.get("title", "")), str(group.get("intro") or ""), sources, group_node.start_mark.line + 1,
        ))
    return Bibliography(tuple(groups), tuple(problems + _repeated_keys(groups)))


def _repeated_keys(groups: list[Group]) -> list[Problem]:
    sources = [source for group in groups for source in group.sources]
    return _yaml.repeated(sources, "key", PATH, lambda key, first: (
        f"source key '{key}' is already used at line {first}; the second entry would "
        "silently replace the first: merge them or give this one another key"
    ))


def read(root: pathlib.Path) -> Bibliography:
    """data/references.yml of the project at ``root``, judged against its schema."""
    return _parse_cached((pathlib.Path(root) / PATH).read_text(encoding="utf-8"), RULES.schema_text())


# Keyed by the files' text, so the hooks of one build parse the file once and
# `mkdocs serve` still sees every edit. Nothing returned is changed by a caller.
_parse_cached = functools.lru_cache(maxsize=4)(parse)
