"""Structured data for each page: the sources it cites and what it is about.

Sets two keys on ``page.meta`` that overrides/main.html turns into JSON-LD
(schema.org MedicalWebPage):

- ``citations``: the sources the page's footnotes link to, in order, each as
  a schema.org CreativeWork read from data/references.yml. For example a footnote ending
  "See [US label](../references.md#us-label)." gives
  {"name": "IMLYGIC (talimogene laherparepvec) ... Prescribing Information.",
   "url": "https://dailymed.nlm.nih.gov/..."}.
- ``about_drug``: True on pages about IMLYGIC itself (see DRUG_PAGES).

A footnote citing a key that the references page lacks is left to the test
suite (tests/test_citations.py), which names file and line.
"""

from __future__ import annotations

import pathlib
import re

from sitecheck.data import references

CITED_KEY = re.compile(r"references\.md#([a-z0-9-]+)")
# Pages about IMLYGIC itself (rather than the field, the site or the glossary).
DRUG_PAGES = ("index.md", "imlygic/", "mechanism-of-action.md", "clinical-use/", "clinical-trials/", "advantages.md", "challenges-and-limitations.md")

_sources: dict[str, dict[str, str]] = {}


def on_pre_build(config, **kwargs):
    _sources.clear()
    bibliography = references.read(pathlib.Path(config["config_file_path"]).parent)
    _sources.update({key: source.creative_work for key, source in bibliography.by_key.items()})


def on_page_markdown(markdown, page, **kwargs):
    footnotes = "\n".join(line for line in markdown.splitlines() if line.startswith("[^"))
    keys = list(dict.fromkeys(CITED_KEY.findall(footnotes)))
    page.meta["citations"] = [_sources[key] for key in keys if key in _sources]
    page.meta["about_drug"] = page.file.src_uri.startswith(DRUG_PAGES)
    return markdown
