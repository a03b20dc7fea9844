"""Pages whose body is partly generated from data: the marker line they keep.

Shared by hooks/references.py and hooks/claims.py (imported by name: MkDocs
puts hooks/ on the path while it loads them). A page holds one marker line,

    <!-- claims: rendered from data/claims.yml by hooks/claims.py -->

and ``fill`` swaps it for the generated Markdown, or logs a warning (which
fails `mkdocs build --strict`) when an edit has removed it.
"""

from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger("mkdocs.hooks")


def fill(markdown: str, page, path: str, marker: str, generate: Callable[[], str]) -> str:
    """The page's Markdown with ``marker`` replaced, for the page at ``path`` only."""
    if page.file.src_uri != path:
        return markdown
    if marker not in markdown:
        log.warning(f"docs/{path} has lost its marker line; put back: {marker}")
        return markdown
    return markdown.replace(marker, generate())
