"""Every internal link, anchor, image and asset resolves in the built site.

A link to a missing page or anchor, and a page left out of the nav, also fail
the strict build (MkDocs' own validation, test_build.py); the fault tests here
feed the check a small hand-written site instead of building a broken copy.
"""

import pytest

from conftest import report
from sitecheck import links
from sitecheck.built_site import BuiltSite, html_path
from sitecheck.project import Project

PAGE = "docs/index.md"


def test_every_internal_link_and_anchor_resolves(site):
    report(links.check_site(site))


def small_site(root, link_markdown: str, link_html: str) -> BuiltSite:
    """A home page holding one link, a glossary with one heading, an image, and a page left out of the nav."""
    (root / "mkdocs.yml").write_text("site_name: Test\nnav:\n  - Home: index.md\n  - Glossary: glossary.md\n", encoding="utf-8")
    pages = {
        "index.md": (f"Some text.\n\n{link_markdown}\n", f"<p>Some text.</p><p>{link_html}</p>"),
        "glossary.md": ("## Terms\n", '<h2 id="terms">Terms</h2>'),
        "hidden.md": ("Text.\n", "<p>Text.</p>"),
    }
    for path, (markdown, article) in pages.items():
        source = root / "docs" / path
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"---\ntitle: {path}\n---\n\n{markdown}", encoding="utf-8")
        built = root / "site" / html_path(path)
        built.parent.mkdir(parents=True, exist_ok=True)
        built.write_text(f"<html><body><article>{article}</article></body></html>", encoding="utf-8")
    (root / "site/assets").mkdir()
    (root / "site/assets/diagram.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return BuiltSite(Project(root), root / "site")


def found(site: BuiltSite) -> list[str]:
    return [str(problem) for problem in links.check_site(site)]


def test_links_that_resolve_pass(tmp_path):
    site = small_site(tmp_path, "[Terms](glossary.md#terms) ![A diagram](assets/diagram.svg)",
                      '<a href="glossary/#terms">Terms</a> <img alt="A diagram" src="assets/diagram.svg">')
    assert found(site) == []


LEADS_NOWHERE = "leads nowhere in the built site; check the path (relative to this page, to a .md file)"
# (Markdown on the page, the HTML it became, the message after "file:line: ")
FAULTS = {
    "missing-page": ("Read [the missing page](no-such-page.md).", '<a href="no-such-page.md">the missing page</a>',
                     f"the link or image 'no-such-page.md' {LEADS_NOWHERE}"),
    "missing-anchor-on-another-page": (
        "See [the results](glossary.md#no-such-heading).", '<a href="glossary/#no-such-heading">the results</a>',
        "'glossary/#no-such-heading': there is no heading or anchor '#no-such-heading' on that page; "
        "use an id that exists (headings get ids like '#final-analysis')"),
    "missing-image": ("![A diagram that is not there](assets/missing.svg)", '<img alt="A diagram that is not there" src="assets/missing.svg">',
                      f"the link or image 'assets/missing.svg' {LEADS_NOWHERE}"),
    "page-left-out-of-the-nav": ("See [the hidden page](hidden.md).", '<a href="hidden/">the hidden page</a>',
                                 "'hidden/' links to a page that is not in the navigation; add that page to 'nav:' in mkdocs.yml"),
}


@pytest.mark.parametrize("markdown, html, expected", FAULTS.values(), ids=FAULTS.keys())
def test_fault_link_is_named_with_file_line_and_fix(tmp_path, markdown, html, expected):
    assert found(small_site(tmp_path, markdown, html)) == [f"{PAGE}:7: {expected}"]
