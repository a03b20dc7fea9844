"""Search finds a section whichever form of a word the reader types (data/search-terms.yml).

After Material's search plugin has written search/search_index.json, each
section that holds one term of a group gets the group's other terms, in its
title if the title holds it and in its text if the text does, so it ranks as
if the reader's word were on the page. The added words sit in a hidden span:
the index is searched, the page and the result preview do not show them.
Material's code is untouched; this runs before the offline plugin (priority
-100) turns the index into search_index.js, so the offline copy has it too.
"""

from __future__ import annotations

import json
import pathlib

from sitecheck.data import search_terms as _search_terms


def on_post_build(config, **kwargs):
    path = pathlib.Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    root = pathlib.Path(config["config_file_path"]).parent
    try:
        terms = _search_terms.load(root, index["config"]["separator"])
    except ValueError as error:
        line, message = error.args
        raise SystemExit(f"{_search_terms.DATA}:{line}: {message}") from None
    for doc in index["docs"]:
        doc["title"] = terms.expand(doc["title"])
        doc["text"] = terms.expand(doc["text"])
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
