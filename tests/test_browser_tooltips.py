"""Every abbreviation's definition is reachable by mouse, keyboard and touch.

Each section defines an abbreviation at its first use (hooks/abbreviation_first_use.py,
checked on every page by tests/test_tooltips.py); here a real Chromium shows that
each of those definitions opens as a tooltip when pointed at, reached with the
Tab key, or tapped on a touch screen, and that the glossary is a link away.
"""

import re

import pytest

from conftest import screenshot

pytestmark = pytest.mark.browser

# A page whose every defined abbreviation is tried in turn: 15, in its sections and its footnotes.
PAGE = "patients/treatment-visit/"
DEFINED = "article abbr[title]"


def visible_tooltip(page, definition: str):
    """Material's tooltip for a definition (it moves the title into the tooltip while it is shown)."""
    return page.locator(".md-tooltip2--active[role=tooltip]", has_text=definition)


def definitions(page) -> list[tuple[str, str]]:
    """(abbreviation, definition) of every defined use on the page, in document order."""
    found = page.locator(DEFINED).evaluate_all("nodes => nodes.map(node => [node.textContent, node.title])")
    return [tuple(pair) for pair in found]


def defined_uses(page):
    """The defined uses themselves, fixed before any is shown (a shown tooltip takes its host's title)."""
    return page.query_selector_all(DEFINED)


def test_pointing_at_each_defined_abbreviation_shows_its_definition(browser_page, served_site):
    page = browser_page
    page.goto(served_site + PAGE)
    found = definitions(page)
    assert len(found) >= 10, found
    for use, (term, definition) in zip(defined_uses(page), found):
        use.hover()
        visible_tooltip(page, definition).wait_for(state="visible")
        page.mouse.move(0, 0)
        visible_tooltip(page, definition).wait_for(state="detached")


def test_tab_key_reaches_each_defined_abbreviation_and_shows_its_definition(browser_page, served_site):
    page = browser_page
    page.goto(served_site + PAGE)
    wanted = definitions(page)
    reached = []
    # From the page's title onwards, as a keyboard user reads it; links are passed over.
    page.locator("article h1").click()
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('article') ? document.activeElement.outerHTML : null")
        if focused is None:
            break
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            term = page.evaluate("document.activeElement.textContent")
            definition = dict(wanted)[term]
            visible_tooltip(page, definition).wait_for(state="visible")
            reached.append((term, definition))
    assert reached == wanted, f"reached by Tab: {reached}\ndefined on the page: {wanted}"


def test_tapping_each_defined_abbreviation_shows_its_definition(chromium, served_site):
    context = chromium.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(served_site + PAGE)
        found = definitions(page)
        for use, (term, definition) in zip(defined_uses(page), found):
            use.tap()
            visible_tooltip(page, definition).wait_for(state="visible")
            if term == found[0][0]:
                screenshot(page, "phone-tooltip-tap")
            # A tap elsewhere closes it, as a reader would, before the next one.
            page.locator("article h1").tap(position={"x": 1, "y": 1})
            visible_tooltip(page, definition).wait_for(state="detached")
    finally:
        context.close()


def test_later_uses_are_plain_text_and_the_glossary_is_one_link_away(browser_page, served_site):
    page = browser_page
    page.goto(served_site + "claims-and-evidence/")
    terms = {term for term, _ in definitions(page)}
    text = page.locator("article").inner_text()
    uses = sum(len(re.findall(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text)) for term in terms)
    # Far more uses than definitions: one definition per abbreviation and section.
    assert uses > 2 * len(definitions(page)) > 0, (uses, len(definitions(page)))
    page.locator("article .glossary-note a").click()
    # navigation.tracking then adds the heading in view to the address.
    page.wait_for_url(re.compile(r".*/glossary/(#[\w-]+)?$"))
