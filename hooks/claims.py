"""Renders the "Claims and evidence" page from data/claims.yml.

docs/claims-and-evidence.md holds the page's front-matter, its summary and
introduction, and one marker line where the entries go:

    <!-- claims: rendered from data/claims.yml by hooks/claims.py -->

Each entry becomes a section with the claim, a verdict, what the evidence
shows (with a footnote per source, linking to the references page), the kind
of evidence and a link to where the site discusses it. The file is read, and
judged against schemas/claims.schema.json, by sitecheck/data/claims.py: an
entry that breaks a rule (a verdict off the scale, a field missing, a source
that data/references.yml lacks) is logged as a warning naming the file and
line, so `mkdocs build --strict` and the tests fail on it, and is left off
the page; a `see` link that leads nowhere is caught by MkDocs' own link
validation, as for any page.
"""

from __future__ import annotations

import logging
import pathlib

import _generated

from sitecheck.data import claims, references

log = logging.getLogger("mkdocs.hooks.claims")

PAGE = "claims-and-evidence.md"
MARKER = "<!-- claims: rendered from data/claims.yml by hooks/claims.py -->"


def render(entries: tuple[claims.Claim, ...], sources: dict[str, references.Source]) -> str:
    """The entries as Markdown: a section each, footnotes at the end."""
    sections, footnotes = [], []
    for claim in entries:
        labels = []
        for index, key in enumerate(claim.sources, start=1):
            label = f"{claim.id}-{index}"
            labels.append(f"[^{label}]")
            name = sources[key].title.rstrip(".") if key in sources else key
            footnotes.append(f"[^{label}]: {name}. See [{key}](references.md#{key}).")
        evidence = " ".join(str(claim["evidence"]).split())
        sections.append(
            "\n".join(
                [
                    f"### Claim: {claim['claim'].rstrip('.')} {{ #{claim.id} }}",
                    "",
                    f"**Verdict: {claim['verdict']}.** {evidence}{''.join(labels)}",
                    "",
                    f"*Kind of evidence:* {claim['kind']}. [Read more on this site]({claim['see']}).",
                ]
            )
        )
    return "\n\n".join(sections) + "\n\n" + "\n".join(footnotes) + "\n"


def on_page_markdown(markdown, page, config, **kwargs):
    def generate() -> str:
        root = pathlib.Path(config["config_file_path"]).parent
        sources = references.read(root).by_key
        found = claims.read(root)
        unlisted = found.unlisted_sources(set(sources))
        for problem in found.problems + tuple(unlisted):
            log.warning(str(problem))
        shown = [claim for claim in found.sound if all(key in sources for key in claim.sources)]
        return render(tuple(shown), sources)

    return _generated.fill(markdown, page, PAGE, MARKER, generate)
