"""Every page has valid front-matter (schemas/front-matter.schema.json)."""

from __future__ import annotations

import datetime
import json

import jsonschema
import yaml

from .project import FRONT_MATTER, DatesAsTextLoader, Page, Problem, Project

SCHEMA_PATH = "schemas/front-matter.schema.json"


def _key_line(page: Page, key: str) -> int:
    """The line of ``key:`` in the front-matter, or the first line."""
    for number, line in enumerate(page.lines[: page.body_start], start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _explain(error: jsonschema.ValidationError) -> tuple[str | None, str]:
    """The key concerned and a message a contributor can act on."""
    key = str(error.path[0]) if error.path else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return None, f"front-matter has no '{missing}'; add a line '{missing}: ...' between the --- lines"
    if error.validator == "additionalProperties":
        return None, (
            f"front-matter has a key the schema does not allow ({error.message}); "
            f"allowed keys are listed in {SCHEMA_PATH}"
        )
    if key in {"last_reviewed", "last_changed", "next_review"} and error.validator in {"format", "pattern", "type"}:
        return key, f"{key} must be a real date written YYYY-MM-DD, such as 2026-11-30 (found {error.instance!r})"
    if key == "description" and error.validator == "maxLength":
        return key, f"description is {len(error.instance)} characters long; shorten it to 160 or fewer"
    if error.validator == "enum":
        return key, f"{key}: {error.instance!r} is not allowed; choose one of {error.validator_value}"
    where = "/".join(str(part) for part in error.path) or "front-matter"
    return key, f"{where}: {error.message}"


# Pages that restate the product information, so say which revision of it they reflect.
LABEL_PAGES = ("imlygic/", "clinical-use/")


def _check_page(page: Page, validator: jsonschema.Validator, today: datetime.date) -> list[Problem]:
    match = FRONT_MATTER.match(page.text)
    if not match:
        return [Problem(page.source, 1, "the page has no front-matter; start it with a '---' block holding title, description and last_reviewed")]
    try:
        meta = yaml.load(match.group(1) or "", Loader=DatesAsTextLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening ---
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return [Problem(page.source, line, f"the front-matter is not valid YAML ({reason}); check quotes, colons and indentation")]
    if not isinstance(meta, dict):
        return [Problem(page.source, 1, "the front-matter must be 'key: value' lines")]
    problems = []
    for error in sorted(validator.iter_errors(meta), key=lambda e: list(e.path)):
        key, message = _explain(error)
        problems.append(Problem(page.source, _key_line(page, key) if key else 1, message))
    reviewed, due = _date(meta.get("last_reviewed")), _date(meta.get("next_review"))
    changed = _date(meta.get("last_changed"))
    if changed and changed > today:
        problems.append(Problem(page.source, _key_line(page, "last_changed"), f"last_changed {changed} is in the future; use the date of the change"))
    if changed and reviewed and changed < reviewed:
        problems.append(Problem(page.source, _key_line(page, "last_changed"), f"last_changed {changed} is before last_reviewed {reviewed}; a full review is a change too, so set last_changed to {reviewed} or later"))
    if page.path.startswith(LABEL_PAGES) and "label_revision" not in meta:
        problems.append(Problem(page.source, 1, "this page restates the product information: add 'label_revision:' with 'us:' and 'eu:', the revisions of the US Prescribing Information and EU SmPC it reflects"))
    if reviewed and reviewed > today:
        problems.append(Problem(page.source, _key_line(page, "last_reviewed"), f"last_reviewed {reviewed} is in the future; use the date you checked the page"))
    if reviewed and due and due <= reviewed:
        problems.append(Problem(page.source, _key_line(page, "next_review"), f"next_review {due} is not after last_reviewed {reviewed}; set it to when the page must be checked again"))
    return problems


def _date(value) -> datetime.date | None:
    """A valid ISO date from the front-matter, or None (the schema reports bad ones)."""
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check(project: Project, today: datetime.date | None = None) -> list[Problem]:
    schema = json.loads(project.text(SCHEMA_PATH))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    today = today or datetime.date.today()
    return [problem for page in project.pages for problem in _check_page(page, validator, today)]
