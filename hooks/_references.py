"""The references page as data: key -> schema.org CreativeWork.

Shared by the hooks (imported by name: MkDocs puts hooks/ on the path while it
loads them). docs/references.md entries look like

    - **Andtbacka RHI, Kaufman HL, Collichio F, et al.**{ #andtbacka-2015 }
      Talimogene laherparepvec improves durable response rate ...
      [doi:10.1200/JCO.2014.58.3377](https://doi.org/10.1200/JCO.2014.58.3377)

and become {"@type": "CreativeWork", "author": "Andtbacka RHI, ...",
"name": "Talimogene laherparepvec improves ...", "url": "https://doi.org/..."}.
"""

from __future__ import annotations

import pathlib
import re

ENTRY = re.compile(r"^- \*\*(?P<name>.+?)\*\*\{ #(?P<key>[a-z0-9-]+) \}")
DOI = re.compile(r"\]\((https://doi\.org/[^)\s]+)\)")
ADDRESS = re.compile(r"<(https://[^>\s]+)>")
# "Andtbacka RHI, Kaufman HL, ..." : an author list, so the title is the next line.
AUTHORS = re.compile(r"^[A-Z][\w'-]+ [A-Z]{1,4}\b")

def parse_references(text: str) -> dict[str, dict[str, str]]:
    """key -> schema.org CreativeWork {"@type", "name", "url"[, "author"]} per references entry."""
    sources: dict[str, dict[str, str]] = {}
    key = None
    for line in text.splitlines():
        match = ENTRY.match(line)
        if match:
            key = match["key"]
            sources[key] = {"@type": "CreativeWork", "name": match["name"].strip(), "url": ""}
            if AUTHORS.match(match["name"]):
                sources[key]["author"] = sources[key].pop("name").rstrip(".")
        elif key and line.startswith("  "):
            if "name" not in sources[key] and line.strip():
                sources[key]["name"] = line.strip()
            found = DOI.search(line) or ADDRESS.search(line)
            if found and not sources[key]["url"].startswith("https://doi.org/"):
                sources[key]["url"] = found.group(1)
        else:
            key = None
    return sources


def read(docs_dir: str) -> dict[str, dict[str, str]]:
    return parse_references((pathlib.Path(docs_dir) / "references.md").read_text(encoding="utf-8"))
