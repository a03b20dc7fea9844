"""Claims and evidence: data/claims.yml keeps to its schema, and every source it cites is listed.

The rules are in schemas/claims.schema.json and sitecheck/data/claims.py (the
file's one reader, shared with hooks/claims.py, which fails the strict build
on the same problems); a `see` link that leads nowhere fails MkDocs' own link
validation (sitecheck/build.py reports it).
"""

from __future__ import annotations

from .data import claims, references
from .project import Problem, Project


def check(project: Project) -> list[Problem]:
    found = claims.read(project.root)
    return list(found.problems) + found.unlisted_sources(set(references.read(project.root).by_key))
