"""Reading a page: glossary tooltips, the light/dark toggle, and the narrow (phone) layout."""

import pytest

from conftest import page_urls, screenshot

pytestmark = pytest.mark.browser


def test_hovering_an_abbreviation_shows_its_definition(browser_page, served_site, project):
    definition = next(
        line.removeprefix("*[GM-CSF]: ") for line in project.text("includes/abbreviations.md").splitlines() if line.startswith("*[GM-CSF]: ")
    )
    browser_page.goto(served_site + "clinical-trials/optim/")
    browser_page.locator("article abbr", has_text="GM-CSF").first.hover()
    tooltip = browser_page.locator("[role=tooltip]", has_text="colony-stimulating factor")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition


def test_theme_toggle_switches_and_survives_reload(new_context, served_site):
    page = new_context(color_scheme="light").new_page()
    page.goto(served_site)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    # The toggle cycles: system preference -> light -> dark.
    for _ in range(3):
        if page.locator("body").get_attribute("data-md-color-scheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate", "the toggle never reached the dark scheme"
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate", "the dark scheme was lost on reload"


def test_phone_width_drawer_and_search_work(new_context, served_site):
    page = new_context(width=375, height=740).new_page()
    page.goto(served_site)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="Glossary").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    page.goto(served_site + "clinical-use/")
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("pregnancy", delay=20)
    page.locator(".md-search-result__item > a").first.wait_for(state="visible")
    screenshot(page, "phone-search")


def test_no_page_scrolls_sideways_on_a_phone(new_context, served_site, project):
    page = new_context(width=375, height=740).new_page()
    wide = []
    for source, url in page_urls(served_site, project):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{source}: {overflow}px wider than a 375px screen")
    assert not wide, "\n".join(wide)


def test_cite_this_page_copies_a_ready_citation(new_context, served_site):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + "clinical-trials/optim/")
    page.locator(".cite-page button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("OPTiM phase 3 trial. In: IMLYGIC and oncolytic virus therapy.")
    assert "clinical-trials/optim/" in copied and "last reviewed 2026-" in copied
