"""Every page's front-matter is valid against schemas/front-matter.schema.json."""

import pytest

from conftest import line_of, messages, report
from sitecheck import front_matter

PAGE = "docs/about/editorial-policy.md"


def test_every_page_has_valid_front_matter(project):
    report(front_matter.check(project))


def test_schema_is_itself_valid_json_schema(project):
    import json

    import jsonschema

    schema = json.loads(project.text(front_matter.SCHEMA_PATH))
    jsonschema.validators.validator_for(schema).check_schema(schema)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("last_reviewed: 2026-11-30\n", "", "front-matter has no 'last_reviewed'"),
        ("last_reviewed: 2026-11-30", "last_reviewed: 30/11/2026", "last_reviewed must be a real date written YYYY-MM-DD"),
        ("last_reviewed: 2026-11-30", "last_reviewed: 2026-02-30", "last_reviewed must be a real date"),
        ("last_reviewed: 2026-11-30", "last_reviewed: 2999-01-01", "is in the future"),
        ("title: Editorial policy", 'title: "Editorial policy', "is not valid YAML"),
        ("last_reviewed: 2026-11-30", "last_reviewed: 2026-11-30\ntags: [marketing]", "'marketing' is not allowed"),
        ("last_reviewed: 2026-11-30", "last_reviewed: 2026-11-30\nauthor: Someone", "a key the schema does not allow"),
        ("description: Which", "description: " + "Far too long. " * 12 + "Which", "shorten it to 160 or fewer"),
        ("next_review: 2027-11-30\n", "", "front-matter has no 'next_review'"),
        ("next_review: 2027-11-30", "next_review: 2026-01-01", "is not after last_reviewed"),
        ("last_changed: 2026-11-30\n", "", "front-matter has no 'last_changed'"),
        ("last_changed: 2026-11-30", "last_changed: 2026-10-01", "last_changed 2026-10-01 is before last_reviewed 2026-11-30"),
        ("last_changed: 2026-11-30", "last_changed: 2999-01-01", "last_changed 2999-01-01 is in the future"),
    ],
    ids=["missing-date", "date-wrong-form", "impossible-date", "future-date", "yaml-syntax", "unknown-tag", "unknown-key", "long-description", "missing-next-review", "next-review-too-early", "missing-last-changed", "changed-before-review", "changed-in-future"],
)
def test_fault_front_matter_is_caught(broken, old, new, expected):
    # The page is re-dated at each review: give it the dates the cases are written against.
    broken.set_front_matter(PAGE, "last_reviewed", "2026-11-30")
    broken.set_front_matter(PAGE, "last_changed", "2026-11-30")
    broken.set_front_matter(PAGE, "next_review", "2027-11-30")
    broken.replace(PAGE, old, new)
    found = messages(front_matter.check(broken.project))
    assert f"{PAGE}:" in found and expected in found, found


def test_fault_yaml_error_names_its_line(broken):
    broken.replace(PAGE, "description: Which sources", "description: Sources: which")
    line = line_of(broken.project, PAGE, "description: Sources: which")
    assert messages(front_matter.check(broken.project)) == (
        f"{PAGE}:{line}: the front-matter is not valid YAML (mapping values are not allowed here); check quotes, colons and indentation"
    )


def test_fault_page_without_front_matter(broken):
    broken.write("docs/bare.md", "Just text.\n")
    assert "docs/bare.md:1: the page has no front-matter" in messages(front_matter.check(broken.project))


def test_fault_label_page_without_label_revision(broken):
    broken.replace("docs/clinical-use/safety.md", "label_revision:", "old_label_revision:")
    found = messages(front_matter.check(broken.project))
    assert "docs/clinical-use/safety.md:1: this page restates the product information: add 'label_revision:'" in found, found
