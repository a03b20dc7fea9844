"""The print page, rewritten after the build: shared by the hooks that mend it.

Shared by hooks/print_page_tooltips.py and hooks/print_page_anchors.py
(imported by name: MkDocs puts hooks/ on the path while it loads them). The
print-site plugin writes print_page/ in its on_post_build, so these hooks
change the written file, each with its own ``transform`` of the HTML.
"""

from __future__ import annotations

import pathlib
from typing import Callable


def rewrite(config, transform: Callable[[str], str]) -> None:
    """Apply ``transform`` to the built print page, if the print-site plugin wrote one."""
    plugin = config.plugins.get("print-site")
    if not plugin:
        return
    path = pathlib.Path(config["site_dir"]) / plugin.config.get("print_page_basename") / "index.html"
    if path.is_file():
        path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")
