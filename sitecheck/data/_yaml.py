"""Reading a data file (data/*.yml) with the line of every value, and judging it against its schema.

Shared by every reader in this package. Line numbers come from the YAML
parser's node marks (yaml.compose), never from searching the text, so a
message points a contributor at the exact line; a malformed file says where
it breaks. A key given twice in one mapping is refused: PyYAML would keep the
second silently.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import pathlib
import re

import jsonschema
import yaml

from ..project import Problem

# libyaml's parser when PyYAML has it (the pinned wheels do): the pure-Python
# one took ~0.1 s per read of data/references.yml, a twentieth of the whole build.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_SafeLoader):
    """Keeps 2026-12-04 as text, so the schema (not PyYAML) judges dates, and they print as written."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


class Malformed(ValueError):
    """The file cannot be read: args are (line, message)."""


@dataclasses.dataclass(frozen=True)
class Document:
    """A YAML file as plain values (``data``) and as the parser's nodes (``root``), for line numbers."""

    data: object
    root: yaml.Node

    def line(self, path) -> int:
        """The line (1-based) of what ``path`` leads to (keys and list indexes, as jsonschema's
        error.absolute_path gives them): a field's own line, or the first line of an entry."""
        node, line = self.root, self.root.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode):
                pair = next(((key, value) for key, value in node.value if key.value == part), None)
                if pair is None:
                    break
                line, node = pair[0].start_mark.line + 1, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line


def parse(text: str) -> Document:
    """The document in ``text``. Raises Malformed (line, message) on a YAML error or a repeated key."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise Malformed(mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', None) or error}") from None
    if root is None:
        raise Malformed(1, "the file is empty")
    _refuse_repeated_keys(root)
    loader = Loader("")
    try:
        return Document(loader.construct_document(root), root)
    finally:
        loader.dispose()


def _refuse_repeated_keys(node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                raise Malformed(line, (
                    f"'{key.value}' is given twice in one mapping, at lines {seen[key.value]} and {line}; "
                    "the second would silently replace the first: keep one"
                ))
            seen[key.value] = line
            _refuse_repeated_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _refuse_repeated_keys(child)


def mapping_items(document: Document, key: str, item: str) -> list[yaml.MappingNode]:
    """The mappings listed under the top-level ``key`` (``item`` names one, for messages). Raises Malformed."""
    root = document.root
    if not isinstance(root, yaml.MappingNode):
        raise Malformed(1, f"the file must be a mapping with one key, '{key}'")
    node = next((value for name, value in root.value if name.value == key), None)
    if not isinstance(node, yaml.SequenceNode):
        raise Malformed(root.start_mark.line + 1, f"'{key}:' must be a list of {item}s")
    for child in node.value:
        if not isinstance(child, yaml.MappingNode):
            raise Malformed(child.start_mark.line + 1, f"each {item} must be a mapping")
    return node.value


def listed(data, node: yaml.Node, key: str) -> list[tuple[dict, yaml.MappingNode]]:
    """(values, node) of each mapping in the list under ``key`` of a mapping (``data`` and its ``node``).

    Anything else is skipped: the schema reports it.
    """
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode) or not isinstance(data.get(key), list):
        return []
    sequence = next(value for name, value in node.value if name.value == key)
    return [
        (value, child)
        for value, child in zip(data[key], sequence.value)
        if isinstance(value, dict) and isinstance(child, yaml.MappingNode)
    ]


@dataclasses.dataclass(frozen=True)
class Item:
    """One entry of a data file: its fields, the line it starts on, and the line of each field."""

    fields: dict
    line: int
    field_lines: dict[str, int]

    @classmethod
    def of(cls, fields: dict, node: yaml.MappingNode) -> "Item":
        return cls(fields, node.start_mark.line + 1, {key.value: key.start_mark.line + 1 for key, _ in node.value})

    @property
    def id(self) -> str:
        """The entry's id field, as text ('' when missing): claims and frequencies are named by it."""
        return str(self.fields.get("id", ""))

    def line_of(self, field: str) -> int:
        return self.field_lines.get(field, self.line)

    @property
    def last_line(self) -> int:
        """The line of its last field: a problem between ``line`` and this one is the entry's."""
        return max(self.field_lines.values(), default=self.line)

    def get(self, field: str, default=None):
        return self.fields.get(field, default)

    def __getitem__(self, field: str):
        return self.fields[field]


# --- The schema ---------------------------------------------------------------

# The schemas live with the checks, in this repository's schemas/ (data files
# point editors at them as ../schemas/...): one set of rules, whichever copy
# of the data a build or a check reads (a fault test's copy, the benchmark's bare site).
REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
# What a wrong date is told, whether its form (pattern) or its day (format) is wrong.
DATE_FIX = "must be a real date written YYYY-MM-DD, such as 2026-12-04"


@functools.lru_cache(maxsize=8)
def _validator(schema_text: str) -> jsonschema.Validator:
    schema = json.loads(schema_text)
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


@dataclasses.dataclass(frozen=True)
class Rules:
    """A data file's schema, and how messages name its entries."""

    file: str  # the data file, e.g. data/claims.yml
    schema_path: str  # e.g. schemas/claims.schema.json
    # How an entry is named, by the field that identifies it: {"key": "source"} names "source 'us-label'".
    names: dict[str, str]
    # A sentence added to an enum message, by the wrong value (a retired verdict says what replaced it).
    hints: dict[str, str] = dataclasses.field(default_factory=dict)

    def schema_text(self) -> str:
        return (REPOSITORY / self.schema_path).read_text(encoding="utf-8")

    @property
    def schema(self) -> dict:
        return _validator(self.schema_text()).schema

    def judge(self, text: str, schema_text: str | None = None) -> tuple[Document | None, list[Problem]]:
        """The document in ``text`` and every place it breaks the schema (``schema_text``, or the
        schema file); (None, [the YAML error at its line]) when it cannot be read."""
        try:
            document = parse(text)
        except Malformed as error:
            line, message = error.args
            return None, [Problem(self.file, line, message)]
        return document, self.check(document, schema_text or self.schema_text())

    def check(self, document: Document, schema_text: str) -> list[Problem]:
        """Every place ``document`` breaks the schema (given as text), at its line, with the fix (each once)."""
        return sorted({
            Problem(self.file, line, message)
            for error in _validator(schema_text).iter_errors(document.data)
            for line, message in [_explain(error, document, self)]
        })


def repeated(items, field: str, file: str, message) -> list[Problem]:
    """Each item whose ``field`` (its id or key) an earlier item already has, at that field's line;
    ``message(value, first_line)`` says so."""
    first: dict[str, int] = {}
    problems = []
    for item in items:
        value = str(item.get(field, ""))
        if value in first:
            problems.append(Problem(file, item.line_of(field), message(value, first[value])))
        first.setdefault(value, item.line_of(field))
    return problems


def untouched(items, problems) -> tuple:
    """The items that no problem points into (from an item's first line to its last): the ones safe to show."""
    lines = {problem.line for problem in problems}
    return tuple(item for item in items if not any(item.line <= line <= item.last_line for line in lines))


def _owner(document: Document, path: list, names: dict[str, str]) -> str:
    """The entry an error is in, as a contributor knows it: "source 'us-label'", or "the file"."""
    value, name = document.data, "the file"
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(value, dict):
            name = next((f"{word} '{value[field]}'" for field, word in names.items() if isinstance(value.get(field), (str, int))), "the entry")
    return name


def _explain(error: jsonschema.ValidationError, document: Document, rules: Rules) -> tuple[int, str]:
    path = list(error.absolute_path)
    owner = _owner(document, path, rules.names)
    schema_path, hints = rules.schema_path, rules.hints
    field = next((str(part) for part in reversed(path) if isinstance(part, str)), None)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        # One error per missing field: its name is in the message ("'section' is a required property").
        named = re.match(r"^'(.+)' is a required property$", error.message)
        missing = named.group(1) if named else next(name for name in error.validator_value if name not in (value or {}))
        described = _property_description(error, missing)
        return document.line(path), f"{owner} has no '{missing}'; add '{missing}: ...'" + (f" ({described})" if described else "")
    if error.validator == "anyOf" and all(set(option) == {"required"} for option in error.validator_value):
        names = [name for option in error.validator_value for name in option["required"]]
        return document.line(path), f"{owner} " + schema.get("errorMessage", f"needs one of {', '.join(names)}; add one")
    if error.validator == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        unknown = sorted(set(value) - allowed)
        return document.line(path + unknown[:1]), (
            f"{owner} has an unknown field '{unknown[0]}'; allowed: {', '.join(schema.get('properties', {}))} "
            f"(meanings in {schema_path})"
        )
    if error.validator == "enum":
        hint = hints.get(value) if isinstance(value, str) else None
        return document.line(path), (
            f"{owner}: {field} '{value}' is not one of: {', '.join(map(str, error.validator_value))}"
            + (f"; that {field} was retired: {hint}" if hint else "")
        )
    if error.validator == "pattern" and schema.get("patternErrorMessage"):
        return document.line(path), f"{owner}: {field} '{value}' {schema['patternErrorMessage']}"
    if error.validator in ("minItems", "const", "type", "minimum") and schema.get("errorMessage"):
        return document.line(path), f"{owner}: {field} {schema['errorMessage']}"
    if error.validator == "format" and error.validator_value == "date":
        return document.line(path), f"{owner}: {field} '{value}' {DATE_FIX}"
    where = f"{owner}: {field}" if field else owner
    return document.line(path), f"{where} {error.message} (see {schema_path})"


def _property_description(error: jsonschema.ValidationError, name: str) -> str:
    described = (error.schema.get("properties", {}).get(name) or {}).get("description", "")
    return described.split(". ")[0].rstrip(".")
