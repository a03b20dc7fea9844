"""Keeps the theme's compiled templates between builds, in .cache/templates/.

Compiling Material's ~40 templates is a fifth of a build, and the print-site
plugin compiles them a second time for the print page (it asks the theme for
a fresh Jinja environment). Jinja's own bytecode cache stores each compiled
template next to a checksum of its source, so an edit to overrides/ or a new
Material release is recompiled, and nothing stale is ever used. The folder is
ignored by git; deleting it only makes the next build slower.
"""

from __future__ import annotations

import pathlib

import jinja2

FOLDER = ".cache/templates"


def on_config(config, **kwargs):
    folder = pathlib.Path(config["config_file_path"]).parent / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    cache = jinja2.FileSystemBytecodeCache(str(folder))
    make_env = config.theme.get_env

    def get_env_with_cache() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = cache
        return env

    # Every environment the theme makes, MkDocs' own and the print-site plugin's.
    config.theme.get_env = get_env_with_cache
    return config
