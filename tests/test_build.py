"""Rule 8: `mkdocs build --strict` passes with no warning at all."""

from conftest import messages, report
from sitecheck import build as build_check


def test_site_builds_strictly_without_warnings(project, strict_build):
    report(build_check.check(project, strict_build))
    assert strict_build.returncode == 0


def test_fault_broken_link_fails_the_strict_build(broken):
    broken.append("docs/about/index.md", "See [the missing page](no-such-page.md).")
    result = broken.build(strict=True)
    assert result.returncode != 0
    found = messages(build_check.check(broken.project, result))
    assert "docs/about/index.md:" in found and "no-such-page.md" in found, found


def test_fault_page_left_out_of_nav_fails_the_strict_build(broken):
    broken.write("docs/orphan.md", "---\ntitle: Orphan\ndescription: A page nobody linked.\nlast_reviewed: 2026-11-30\n---\n\nText.\n")
    result = broken.build(strict=True)
    assert result.returncode != 0
    assert "orphan.md" in result.output
