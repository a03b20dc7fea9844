"""Redirects: old addresses keep working after a page moves."""

from conftest import messages, report
from sitecheck import redirects


def test_every_redirect_leads_to_a_page_in_the_nav(project):
    assert redirects.redirect_maps(project), "the redirects plugin has no redirect_maps"
    report(redirects.check(project))


def test_every_redirect_page_is_built_and_points_at_its_target(site):
    report(redirects.check_site(site))


def test_fault_redirect_to_a_missing_page(broken):
    broken.replace("mkdocs.yml", "optim.md: clinical-trials/optim.md", "optim.md: clinical-trials/optim-trial.md")
    found = messages(redirects.check(broken.project))
    assert "mkdocs.yml:" in found and "docs/clinical-trials/optim-trial.md does not exist" in found, found


def test_fault_redirect_from_a_page_that_still_exists(broken):
    broken.replace("mkdocs.yml", "optim.md: clinical-trials/optim.md", "glossary.md: clinical-trials/optim.md")
    found = messages(redirects.check(broken.project))
    assert "'glossary.md' is redirected but docs/glossary.md still exists" in found, found
