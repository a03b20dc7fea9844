"""The nav lists every page, only existing pages, under their own titles."""

from conftest import messages, report
from sitecheck import navigation


def test_nav_matches_the_pages(project):
    report(navigation.check(project))


def test_fault_page_missing_from_nav(broken):
    broken.write("docs/orphan.md", "---\ntitle: Orphan\ndescription: A page nobody added to the nav.\nlast_reviewed: 2026-11-30\n---\n\nText.\n")
    found = messages(navigation.check(broken.project))
    assert "docs/orphan.md: the page is not in the navigation" in found, found


def test_fault_nav_entry_without_page(broken):
    broken.replace("mkdocs.yml", "  - Glossary: glossary.md", "  - Glossary: glossary.md\n  - Ghost: ghost.md")
    found = messages(navigation.check(broken.project))
    assert "mkdocs.yml:" in found and "docs/ghost.md does not exist" in found, found


def test_fault_nav_title_differs_from_page_title(broken):
    broken.replace("mkdocs.yml", "  - Glossary: glossary.md", "  - Word list: glossary.md")
    found = messages(navigation.check(broken.project))
    assert "mkdocs.yml:" in found and "front-matter title is 'Glossary'" in found, found
