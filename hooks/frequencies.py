"""Shows figures from data/frequencies.yml as natural frequencies, with a pictogram.

A page asks for one or more figures with a marker line (sitecheck/data/frequencies.py
reads the data file and holds its rules):

    <!-- frequencies: optim-drr-imlygic optim-drr-gmcsf -->

Each named figure becomes a figure in a responsive grid (Material's `grid`):
a pictogram of 100 people with N filled in, shown as an <img> with its text
alternative ("16 of 100 people filled in, 84 outlined"), and a caption
sentence, "About 16 out of 100 people in the IMLYGIC group had ... That is 48
of 295 people (16.3%).", with a footnote naming the source and section and
linking to its entry on the references page. The figure has the id
frequency-<entry id>, so other pages can link to it.

The pictograms are SVG files the build adds to the site
(assets/images/frequencies/16-of-100.svg): no inline SVG, no inline style, so
the Content Security Policy holds. A broken entry, or a marker naming an entry
that does not exist, is logged as a warning naming the file and line, so
`mkdocs build --strict` fails; the tests (tests/test_frequencies.py) say the same.

A single number from an entry goes into running text or a table cell with an
inline placeholder, so that the figure is typed once, in the data file:

    | Durable response rate | %%frequency optim-drr-imlygic%% (%%frequency optim-drr-imlygic numerator%% patients) |

becomes "16.3% (48 patients)": the entry's percentage as printed, or its
numerator or denominator when the placeholder names one. Double percent signs
mean nothing to Markdown, Jinja or Material's extensions, so the placeholder
cannot be mistaken for theirs, and one left unreplaced shows on the page
rather than vanishing. Placeholders in code (fenced blocks, `code spans`) are
left as they are, for examples. An unknown id or field is a warning naming
the file and line, so the strict build fails.
"""

from __future__ import annotations

import logging
import pathlib
import posixpath
import re

from mkdocs.structure.files import File

from sitecheck.data import frequencies as _frequencies
from sitecheck.data import references

log = logging.getLogger("mkdocs.hooks.frequencies")

_state: dict = {"entries": {}, "sources": {}}


def _load(config) -> None:
    root = pathlib.Path(config["config_file_path"]).parent
    sources = references.read(root).by_key
    data = _frequencies.parse((root / _frequencies.DATA).read_text(encoding="utf-8"))
    _state["entries"], problems = data.judged(set(sources))
    for problem in problems:
        log.warning(f"{_frequencies.DATA}: line {problem.line}: {problem.message}")
    _state["sources"] = sources


def on_files(files, config, **kwargs):
    _load(config)
    for filled in sorted({entry.out_of_100 for entry in _state["entries"].values()}):
        files.append(File.generated(config, image_name(filled), content=svg(filled)))
    return files


def _cite(key: str, to_references: str) -> str:
    """Author, [title](references.md#key) (year), from data/references.yml."""
    source = _state["sources"].get(key)
    title = (source.title if source else key).replace("[", "(").replace("]", ")")
    authors = source.authors if source else []
    who = ""
    if authors:
        who = f"{authors[0]} et al., " if len(authors) > 1 or source.et_al else f"{authors[0]}, "
    year = source and (source.get("year") or str(source.get("date", ""))[:4])
    return f"{who}[{title}]({to_references}#{key})" + (f" ({year})" if year and authors else "")


def _footnote(entry: _frequencies.Entry, to_references: str) -> str:
    text = f"{_cite(entry.fields['source'], to_references)}, {' '.join(str(entry.fields['section']).split())}."
    also = entry.fields.get("also") or []
    if also:
        text += " See also " + " and ".join(_cite(key, to_references) for key in also) + "."
    return text


def render(ids: list[str], folder: str, footnotes: dict[tuple, tuple[str, _frequencies.Entry]]) -> str:
    """The grid of figures for ``ids``, on a page in ``folder`` (relative to docs/)."""
    blocks = []
    for identifier in ids:
        entry = _state["entries"][identifier]
        citation = (entry.fields["source"], str(entry.fields["section"]), tuple(entry.fields.get("also") or []))
        if citation not in footnotes:
            footnotes[citation] = (f"frequencies-{len(footnotes) + 1}", entry)
        label = footnotes[citation][0]
        image = posixpath.relpath(image_name(entry.out_of_100), folder or ".")
        blocks.append(
            f'<figure id="{figure_id(identifier)}" markdown>\n\n'
            f'![{alt_text(entry.out_of_100)}]({image}){{ width="{DISPLAY}" height="{DISPLAY}" }}\n\n'
            f"<figcaption markdown>\n{sentence(entry)}[^{label}]\n</figcaption>\n\n"
            "</figure>"
        )
    return '<div class="grid" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>"


def on_page_markdown(markdown, page, config, **kwargs):
    markdown = fill_placeholders(markdown, page)
    lines = markdown.split("\n")
    found = list(_frequencies.markers(lines))
    if not found:
        return markdown
    in_source = _lines_in_source(page, _frequencies.markers, found)
    folder = posixpath.dirname(page.file.src_uri)
    to_references = posixpath.relpath("references.md", folder or ".")
    footnotes: dict[tuple, tuple[str, _frequencies.Entry]] = {}
    for (number, ids, text), source_line in zip(found, in_source):
        where = f"docs/{page.file.src_uri}: line {source_line}"
        if ids is None:
            log.warning(f"{where}: '{text.strip()}' is not a frequencies marker; write <!-- frequencies: entry-id another-id -->")
            lines[number - 1] = ""
            continue
        unknown = [identifier for identifier in ids if identifier not in _state["entries"]]
        for identifier in unknown:
            log.warning(f"{where}: the marker names '{identifier}', which is not a valid entry of {_frequencies.DATA}")
        known = [identifier for identifier in ids if identifier not in unknown]
        lines[number - 1] = render(known, folder, footnotes) if known else ""
    notes = [f"[^{label}]: {_footnote(entry, to_references)}" for label, entry in footnotes.values()]
    return "\n".join(lines).rstrip("\n") + ("\n\n" + "\n".join(notes) + "\n" if notes else "\n")


def _lines_in_source(page, scan, found: list[tuple]) -> list[int]:
    """The line, in the page's source file (front-matter counted), of each of ``found``,
    which ``scan`` found in the page's Markdown; messages name those lines."""
    try:
        text = pathlib.Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        text = None
    in_source = [item[0] for item in scan(text.split("\n"))] if text is not None else []
    return in_source if len(in_source) == len(found) else [item[0] for item in found]


# --- Inline placeholders: %%frequency entry-id%% -------------------------------

# Anything between double percent signs that starts like "frequency", so that a
# typo is reported rather than left on the page.
PLACEHOLDER_LIKE = re.compile(r"%%\s*frequenc[^%\n]*%%", re.I)
# The fields a placeholder may print; the first is the default.
PLACEHOLDER_FIELDS = ("percentage", "numerator", "denominator")
PLACEHOLDER = re.compile(rf"^%%frequency ([^\s%]+)(?: ({'|'.join(PLACEHOLDER_FIELDS)}))?%%$")
CODE_SPAN = re.compile(r"(`+).+?\1")


def placeholders(lines: list[str]):
    """(line number, start, end, text) of each placeholder outside fenced code and code spans."""
    for number, line in _frequencies.prose_lines(lines):
        code = [match.span() for match in CODE_SPAN.finditer(line)]
        for match in PLACEHOLDER_LIKE.finditer(line):
            if not any(start <= match.start() < end for start, end in code):
                yield number, match.start(), match.end(), match.group(0)


def placeholder_value(text: str, entries: dict) -> tuple[str | None, str | None]:
    """(the printed value, None) for a placeholder, or (None, what is wrong with it)."""
    match = PLACEHOLDER.match(text)
    if not match:
        return None, (
            f"'{text}' is not a frequency placeholder; write %%frequency entry-id%% for the percentage, "
            f"or add one of {', '.join(PLACEHOLDER_FIELDS[1:])} after the id"
        )
    identifier, field = match.group(1), match.group(2) or "percentage"
    entry = entries.get(identifier)
    if entry is None:
        return None, (
            f"the placeholder '{text}' names '{identifier}', which is not a valid entry of {_frequencies.DATA}; "
            "use an id from that file (or fix the entry the build warned about)"
        )
    value = entry.fields.get(field)
    if value is None:
        return None, (
            f"the placeholder '{text}' asks for the {field} of '{identifier}', which {_frequencies.DATA} "
            f"does not give (line {entry.line}); show the percentage instead, or add the {field} from the source"
        )
    return str(value), None


def fill_placeholders(markdown: str, page) -> str:
    """``markdown`` with each placeholder replaced by its number; a warning (file, line) for each bad one."""
    lines = markdown.split("\n")
    found = list(placeholders(lines))
    if not found:
        return markdown
    in_source = _lines_in_source(page, placeholders, found)
    # Right to left within a line, so that earlier positions stay valid.
    for (number, start, end, text), source_line in sorted(zip(found, in_source), key=lambda item: (item[0][0], -item[0][1])):
        value, problem = placeholder_value(text, _state["entries"])
        if problem:
            log.warning(f"docs/{page.file.src_uri}: line {source_line}: {problem}")
            continue
        line = lines[number - 1]
        lines[number - 1] = line[:start] + value + line[end:]
    return "\n".join(lines)


# Where the pictograms go in the built site (relative to docs/), one per number filled in.
IMAGES = "assets/images/frequencies"


# --- Drawing --------------------------------------------------------------

# One colour with at least 4:1 contrast against both the light page (#ffffff)
# and Material's dark "slate" page (#1e2129), since an <img> cannot follow the
# reader's scheme; filled and outlined figures differ in shape, not colour alone.
COLOUR = "#5b7bd5"
CELL = 12  # each person sits in a 12 x 12 square, 10 to a row
SIZE = 10 * CELL
DISPLAY = 144  # width and height on the page, in CSS pixels
_PERSON = '<circle cx="6" cy="3.2" r="2.3"/><path d="M2.2 11.2V8.9a3.8 3.8 0 0 1 7.6 0v2.3z"/>'


def image_name(filled: int) -> str:
    return f"{IMAGES}/{filled}-of-100.svg"


def alt_text(filled: int) -> str:
    return f"{filled} of 100 people filled in, {100 - filled} outlined"


def svg(filled: int) -> str:
    """100 people in rows of 10, the first ``filled`` solid, the rest outlined; titled for screen readers."""
    people = []
    for index in range(100):
        row, column = divmod(index, 10)
        kind = "filled" if index < filled else "empty"
        people.append(f'<use href="#{kind}" x="{column * CELL}" y="{row * CELL}"/>')
    title = f"{filled} of 100 people"
    description = (
        f"A grid of 100 figures of people, 10 to a row: the first {filled} are filled in, "
        f"the other {100 - filled} are outlines."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 {SIZE + 2} {SIZE + 2}" '
        f'width="{DISPLAY}" height="{DISPLAY}" role="img" aria-labelledby="title desc">\n'
        f'<title id="title">{title}</title>\n<desc id="desc">{description}</desc>\n'
        f'<defs>\n<g id="filled" fill="{COLOUR}" stroke="{COLOUR}" stroke-width="0.8">{_PERSON}</g>\n'
        f'<g id="empty" fill="none" stroke="{COLOUR}" stroke-width="1.1">{_PERSON}</g>\n</defs>\n'
        + "\n".join(people)
        + "\n</svg>\n"
    )


# --- Writing --------------------------------------------------------------

def sentence(entry: Entry) -> str:
    """'About 16 out of 100 people in the IMLYGIC group had ... That is 48 of 295 people (16.3%).'"""
    what = " ".join(str(entry.fields["what"]).split()).rstrip(".")
    group = " ".join(str(entry.fields["group"]).split())
    first = f"About {entry.out_of_100} out of 100 people {group} {what}."
    numerator, denominator = entry.fields.get("numerator"), entry.fields.get("denominator")
    printed = entry.fields["percentage"]
    if numerator is not None and denominator:
        second = f"That is {numerator} of {denominator} people ({printed})."
    elif denominator:
        second = f"That is {printed} of {denominator} people."
    else:
        second = f"That is {printed}."
    return f"{first} {second}"


def figure_id(entry_id: str) -> str:
    """The id of the figure on the page, to link to it (and for the checks to find it)."""
    return f"frequency-{entry_id}"
