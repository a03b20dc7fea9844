"""Rule 2: every internal link, anchor, image and asset resolves in the built site."""

from conftest import messages, report
from sitecheck import links

PAGE = "docs/about/index.md"


def test_every_internal_link_and_anchor_resolves(site):
    report(links.check(site))


def test_fault_link_to_missing_page(broken):
    broken.append(PAGE, "Read [the missing page](no-such-page.md).")
    found = messages(links.check(broken.built_site()))
    assert f"{PAGE}:" in found and "no-such-page" in found and "leads nowhere" in found, found


def test_fault_link_to_missing_anchor_on_another_page(broken):
    broken.append(PAGE, "See [the results](../glossary.md#no-such-heading).")
    found = messages(links.check(broken.built_site()))
    assert f"{PAGE}:" in found and "no heading or anchor '#no-such-heading'" in found, found


def test_fault_missing_image(broken):
    broken.append(PAGE, "![A diagram that is not there](../assets/images/missing.svg)")
    found = messages(links.check(broken.built_site()))
    assert f"{PAGE}:" in found and "missing.svg" in found, found


def test_fault_link_to_page_left_out_of_nav(broken):
    broken.write("docs/hidden.md", "---\ntitle: Hidden page\ndescription: A page that is not in the navigation.\nlast_reviewed: 2026-11-30\n---\n\nText.\n")
    broken.append(PAGE, "See [the hidden page](../hidden.md).")
    found = messages(links.check(broken.built_site()))
    assert f"{PAGE}:" in found and "not in the navigation" in found, found
