"""Reading a data file (data/*.yml) as a list of mappings, each with the line it starts on.

Shared by the readers of data/search-terms.yml and data/frequencies.yml: line
numbers come from the YAML parser (yaml.compose), so a check can point a
contributor at the exact line, and a malformed file says where it breaks.
"""

from __future__ import annotations

import yaml


class Malformed(ValueError):
    """The file cannot be read as a list of mappings: args are (line, message)."""


def mapping_items(text: str, key: str, item: str) -> list[yaml.MappingNode]:
    """The mappings listed under the top-level ``key`` of ``text`` (``item`` names one, for messages)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise Malformed(mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(root, yaml.MappingNode):
        raise Malformed(1, f"the file must be a mapping with one key, '{key}'")
    node = next((value for name, value in root.value if name.value == key), None)
    if not isinstance(node, yaml.SequenceNode):
        raise Malformed(root.start_mark.line + 1, f"'{key}:' must be a list of {item}s")
    for child in node.value:
        if not isinstance(child, yaml.MappingNode):
            raise Malformed(child.start_mark.line + 1, f"each {item} must be a mapping")
    return node.value
