"""`mkdocs build --strict` passes with no warning at all."""

from conftest import line_of, messages, report
from sitecheck import build as build_check

PAGE = "docs/about/index.md"


def test_site_builds_strictly_without_warnings(project, strict_build):
    report(build_check.check(project, strict_build))
    assert strict_build.returncode == 0


def test_fault_what_mkdocs_validates_fails_the_strict_build(broken):
    """A link to a missing page or anchor, a page left out of the nav (mkdocs.yml, validation:): each a warning, named.

    The project's own checks of the same faults (links.py, navigation.py) are tested
    on small inputs in test_links.py and test_navigation.py, without a build.
    """
    broken.write("docs/orphan.md", "---\ntitle: Orphan\ndescription: A page nobody linked.\nlast_reviewed: 2026-11-30\n---\n\nText.\n")
    broken.append(PAGE, "See [the missing page](no-such-page.md).\n\nSee [the results](../glossary.md#no-such-heading).")
    result = broken.build(strict=True)
    assert result.returncode != 0
    assert messages(build_check.check(broken.project, result)).splitlines() == [
        'docs/orphan.md: MkDocs warns: The following pages exist in the docs directory, but are not included in the "nav" configuration: orphan.md',
        f"{PAGE}:{line_of(broken.project, PAGE, 'no-such-page.md')}: MkDocs warns: Doc file 'about/index.md' contains a link 'no-such-page.md', "
        "but the target 'about/no-such-page.md' is not found among documentation files.",
        f"{PAGE}:{line_of(broken.project, PAGE, 'no-such-heading')}: MkDocs warns: Doc file 'about/index.md' contains a link "
        "'../glossary.md#no-such-heading', but the doc 'glossary.md' does not contain an anchor '#no-such-heading'.",
    ]


def test_a_warning_that_lists_pages_names_each_page():
    output = (
        "INFO    -  Cleaning site directory\n"
        'WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - orphan.md\n"
        "  - drafts/other.md\n"
        "INFO    -  Documentation built in 1.00 seconds\n"
    )
    result = build_check.Build(1, output, None)
    head = 'MkDocs warns: The following pages exist in the docs directory, but are not included in the "nav" configuration:'
    assert messages(build_check.check(None, result)).splitlines() == [f"docs/orphan.md: {head} orphan.md", f"docs/drafts/other.md: {head} drafts/other.md"]
