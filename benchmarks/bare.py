"""The bare build the site is compared with: Material's defaults, the site's docs/ and nav.

benchmarks/README.md ("The bare build") says what it holds and why.
"""

from __future__ import annotations

import pathlib
import shutil

import yaml

from . import ROOT

# The markdown extensions the pages need to render, and nothing else.
BARE_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    # Material styles only the alternate tab markup; without it tabs do not render.
    {"pymdownx.tabbed": {"alternate_style": True}},
    # pymdownx.snippets is added from the site's own settings (same auto_append).
]

# The hooks that write page content (the references and claims pages from data/):
# without them those pages render as a bare marker line. Paths relative to the repo.
BARE_CONTENT_HOOKS = ["hooks/references.py", "hooks/claims.py"]
# What those hooks read, relative to the mkdocs.yml that names them.
BARE_CONTENT_DATA = "data"


def extension_options(config: dict, name: str) -> dict | None:
    for item in config.get("markdown_extensions") or []:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return dict(item[name] or {})
    return None


def snippets_options(config: dict) -> dict:
    """The site's pymdownx.snippets settings, its base paths made absolute."""
    snippets = extension_options(config, "pymdownx.snippets") or {}
    base_paths = snippets.get("base_path", ["."])
    if isinstance(base_paths, str):
        base_paths = [base_paths]
    snippets["base_path"] = [str((ROOT / path).resolve()) for path in base_paths]
    return snippets


def write_bare_config(config: dict, folder: pathlib.Path) -> pathlib.Path:
    """Write the bare mkdocs.yml (and the data/ its content hooks read) into folder; its path."""
    bare = {
        "site_name": config["site_name"],
        # Same site_url, so the bare site is served under the same path as the real one.
        "site_url": config.get("site_url"),
        "docs_dir": str((ROOT / config.get("docs_dir", "docs")).resolve()),
        # font: false is the one change to Material's defaults: the default font
        # setting loads Roboto from Google Fonts, a third-party request that cannot
        # even be made on a machine without internet, and one the site does not pay.
        "theme": {"name": "material", "font": False},
        "markdown_extensions": [*BARE_EXTENSIONS, {"pymdownx.snippets": snippets_options(config)}],
        "hooks": [str((ROOT / hook).resolve()) for hook in BARE_CONTENT_HOOKS],
        "nav": config["nav"],
    }
    folder.mkdir(parents=True, exist_ok=True)
    # The content hooks read data/ next to the mkdocs.yml that names them.
    shutil.copytree(ROOT / BARE_CONTENT_DATA, folder / BARE_CONTENT_DATA, dirs_exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(
        "# Written by the benchmark (benchmarks/bare.py): Material's defaults, the site's docs/ and nav.\n"
        + yaml.safe_dump(bare, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path
