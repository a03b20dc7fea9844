"""Natural frequencies (data/frequencies.yml, drawn into pages by hooks/frequencies.py) are sound.

Rules for the data file, each reported at the line the YAML parser gives for
the field (yaml.compose), never found by searching the text:
- the file keeps to schemas/frequencies.schema.json: a list of entries, each
  with id, group, what, percentage, source and section, optional numerator,
  denominator and also, and no other field; the forms of each;
- ids are unique lower-case words joined by hyphens;
- the percentage is a number as the source prints it (16.3%), at most 100%;
- numerator and denominator are whole numbers, the numerator no larger than the
  denominator, and the percentage equals numerator/denominator at its printed
  precision (48 of 295 is 16.3%, not 16.8%); with a denominator alone, some
  whole number of its people must give the percentage;
- every source (and every 'also') is a key of data/references.yml;
- every entry is shown on some page.
Rules for the pages: every marker line is well-formed and names entries that exist.
Rules for the built site: each figure a page asks for is there, its sentence
says "About N out of 100 people" with N the percentage rounded to the nearest
whole number (halves up), its pictogram is an <img> with a text alternative,
the SVG file exists, is well-formed XML with a <title> and has N people filled
in; on a page for patients the sentence reads at grade 8 or below.
"""

from __future__ import annotations

import decimal
import pathlib
import posixpath
import re
import xml.etree.ElementTree as ElementTree

from bs4 import BeautifulSoup

from .built_site import BuiltSite, html_path
from .citations import reference_entries
from .data import frequencies as _frequencies
from .project import Page, Problem, Project
from .readability import MAX_GRADE, grade, is_for_patients

DATA = _frequencies.DATA
SVG = "{http://www.w3.org/2000/svg}"
PRINTED = re.compile(r"^(\d+(?:\.\d+)?)%$")
ABOUT = re.compile(r"About (\d+) out of 100 people")


def nearest_whole(printed: str) -> int:
    """'16.3%' -> 16, '42.5%' -> 43: the rounding readers expect (halves up), worked out here on its own."""
    value = decimal.Decimal(PRINTED.match(printed).group(1))
    return int(value.quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def entries(project: Project) -> tuple[dict[str, _frequencies.Entry], list[Problem]]:
    """The entries that break no rule, by id, and the problems of data/frequencies.yml (schema, numbers, sources)."""
    return _frequencies.parse(project.text(DATA)).judged(set(reference_entries(project)))


def placements(project: Project) -> list[tuple[Page, int, list[str] | None, str]]:
    """(page, line, ids or None when malformed, text) of every marker on every page."""
    return [
        (page, number, ids, text)
        for page in project.pages
        for number, ids, text in _frequencies.markers(page.lines)
    ]


def check(project: Project) -> list[Problem]:
    """Problems with data/frequencies.yml and with the markers in the pages."""
    data = _frequencies.parse(project.text(DATA))
    _, problems = data.judged(set(reference_entries(project)))
    if not data.entries:
        return problems
    known = {entry.id: entry for entry in data.entries}
    shown = set()
    for page, number, ids, text in placements(project):
        if ids is None:
            problems.append(Problem(page.source, number, (
                f"'{text.strip()}' is not a frequencies marker; write it alone on its line as "
                "<!-- frequencies: entry-id another-id --> with ids from data/frequencies.yml"
            )))
            continue
        for identifier in ids:
            if identifier not in known:
                problems.append(Problem(page.source, number, (
                    f"the marker names '{identifier}', which is not an entry of {DATA}; "
                    f"use one of: {', '.join(known)}, or add the entry"
                )))
            shown.add(identifier)
    for entry in data.entries:
        if entry.id and entry.id not in shown:
            problems.append(Problem(DATA, entry.line_of("id"), (
                f"entry '{entry.id}' is shown on no page; add <!-- frequencies: {entry.id} --> "
                "where the page discusses the figure, or remove the entry"
            )))
    return problems


def _svg_problems(path: pathlib.Path, filled: int, where: tuple[str, int]) -> list[Problem]:
    if not path.is_file():
        return [Problem(*where, f"the pictogram {path.name} is missing from the built site")]
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError as error:
        return [Problem(*where, f"the pictogram {path.name} is not well-formed XML: {error}")]
    problems = []
    title = root.find(f"{SVG}title")
    if root.tag != f"{SVG}svg" or title is None or not (title.text or "").strip():
        problems.append(Problem(*where, f"the pictogram {path.name} must be an SVG with a <title> for screen readers"))
    uses = [use.get("href") for use in root.iter(f"{SVG}use")]
    if len(uses) != 100 or uses.count("#filled") != filled:
        problems.append(Problem(*where, (
            f"the pictogram {path.name} draws {uses.count('#filled')} of {len(uses)} people filled in; "
            f"it must draw {filled} of 100"
        )))
    return problems


def _read(caption) -> str:
    """The caption as a reader reads it, without its footnote number."""
    words = [piece for piece in caption.find_all(string=True) if not piece.find_parent("sup")]
    return " ".join("".join(words).split())


def check_site(site: BuiltSite) -> list[Problem]:
    """Problems with the figures as the built pages show them."""
    project, site_dir = site.project, site.root
    known, problems = entries(project)
    if problems:
        return problems
    for page, number, ids, _ in placements(project):
        built = pathlib.Path(site_dir) / html_path(page.path)
        if ids is None or not built.is_file():
            continue
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        where = (page.source, number)
        for identifier in ids:
            entry = known.get(identifier)
            if entry is None or not PRINTED.match(str(entry.fields.get("percentage", ""))):
                continue  # check() reports it
            expected = nearest_whole(entry.fields["percentage"])
            figure = soup.find(id=f"frequency-{identifier}")
            if figure is None:
                problems.append(Problem(*where, (
                    f"the figure for '{identifier}' is not on the built page; "
                    "is hooks/frequencies.py listed under hooks: in mkdocs.yml?"
                )))
                continue
            caption = figure.find("figcaption")
            text = _read(caption) if caption else ""
            said = ABOUT.match(text)
            if not said or int(said.group(1)) != expected:
                problems.append(Problem(*where, (
                    f"the figure for '{identifier}' says '{said.group(0) if said else text[:40]}'; "
                    f"{entry.fields['percentage']} is about {expected} out of 100 people"
                )))
            image = figure.find("img")
            if image is None or not (image.get("alt") or "").strip():
                problems.append(Problem(*where, f"the pictogram for '{identifier}' needs an <img> with a text alternative (alt)"))
                continue
            if not image["alt"].startswith(f"{expected} of 100 people"):
                problems.append(Problem(*where, (
                    f"the pictogram for '{identifier}' is described as '{image['alt']}'; "
                    f"it must say {expected} of 100 people"
                )))
            source = posixpath.normpath(posixpath.join(posixpath.dirname(html_path(page.path)), image.get("src", "")))
            problems += _svg_problems(pathlib.Path(site_dir) / source, expected, where)
            if is_for_patients(page) and said:
                level = grade(text)
                if level > MAX_GRADE:
                    problems.append(Problem(DATA, entry.line_of("what"), (
                        f"'{identifier}' is shown on {page.source}, a page for patients, and its sentence reads at "
                        f"grade {level} (at most {MAX_GRADE}): use shorter, everyday words in 'what' and 'group'"
                    )))
    return problems
