"""Definitions in place: an abbreviation is defined (a tooltip) at its first use in a section, and only there."""

import json

import markdown

from abbreviation_first_use import FirstUseExtension  # hooks/abbreviation_first_use.py
from conftest import line_of, report
from sitecheck import tooltips

HOOK = "hooks/abbreviation_first_use.py"
PAGE = "docs/clinical-trials/optim.md"


def render(text: str) -> str:
    extensions = ["abbr", "footnotes", "pymdownx.tabbed", FirstUseExtension()]
    return markdown.Markdown(extensions=extensions, extension_configs={"pymdownx.tabbed": {"alternate_style": True}}).convert(
        text + "\n\n*[ORR]: Objective response rate\n")


DEFINED = '<abbr tabindex="0" title="Objective response rate">ORR</abbr>'


def test_every_page_defines_each_abbreviation_at_its_first_use_in_each_section(site):
    report(tooltips.check_site(site))


def test_first_use_in_a_section_keeps_its_definition_and_later_uses_are_plain():
    html = render("The ORR was 26%; ORR is measured by scans.\n\n## Later\n\nThe ORR again.")
    assert html.count(DEFINED) == 2, html
    assert "; ORR is measured" in html, html


def test_a_tab_defines_for_itself_and_footnotes_are_a_section():
    # A tab's content may be hidden, so what it defines counts inside it only.
    html = render(
        "The trial.\n\n"
        '=== "One"\n\n    The ORR in a tab.\n\n'
        '=== "Two"\n\n    The ORR in another tab.\n\n'
        "The ORR after the tabs, and the ORR once more.[^1]\n\n"
        "[^1]: A source on the ORR."
    )
    body, notes = html.split('<div class="footnote">')
    assert body.count(DEFINED) == 3, body
    assert ", and the ORR once more." in body, body
    assert notes.count(DEFINED) == 1, notes


def test_a_link_keeps_its_text_plain_and_the_next_use_outside_a_link_is_defined():
    # A tap on a link follows it, so a definition there could not be reached on a phone.
    html = render('See [the ORR](a.md) and <a href="b.md">ORR</a>; then the ORR.')
    assert '<a href="a.md">the ORR</a>' in html and '<a href="b.md">ORR</a>' in html, html
    assert html.count(DEFINED) == 1 and html.endswith(f"then the {DEFINED}.</p>"), html


BUILT = "clinical-trials/optim/index.html"


def first_use_in_design(soup):
    """The <abbr> of GM-CSF's first use in the OPTiM page's 'Design' section."""
    return soup.find("h2", id="design").find_next("abbr", string="GM-CSF")


def test_fault_first_use_without_its_definition_is_caught(project, broken_site):
    broken_site.edit(BUILT, lambda soup: first_use_in_design(soup).unwrap())
    found = "\n".join(broken_site.found_by(tooltips.check_site, project))
    design = line_of(project, PAGE, "Patients were allocated by chance")
    assert f"{PAGE}:{design}: 'GM-CSF' is first used in section 'Design' without its definition" in found, found
    assert "is it listed under hooks: in mkdocs.yml?" in found, found


def test_fault_definition_a_keyboard_cannot_reach_is_caught(project, broken_site):
    broken_site.edit(BUILT, lambda soup: first_use_in_design(soup).attrs.pop("tabindex"))
    found = "\n".join(broken_site.found_by(tooltips.check_site, project))
    assert f"{PAGE}:" in found and "'GM-CSF' is defined in section 'Design', but a keyboard cannot reach it" in found, found


def test_fault_definition_repeated_after_the_first_use_is_caught(project, broken_site):
    def define_again(soup):
        later = soup.find("h2", id="design").find_next(string=lambda text: "GM-CSF" in text and text.parent.name != "abbr")
        before, after = later.split("GM-CSF", 1)
        repeated = soup.new_tag("abbr", attrs={"title": "Granulocyte-macrophage colony-stimulating factor", "tabindex": "0"})
        repeated.string = "GM-CSF"
        later.replace_with(before, repeated, after)

    broken_site.edit(BUILT, define_again)
    found = "\n".join(broken_site.found_by(tooltips.check_site, project))
    assert f"{PAGE}:" in found and "'GM-CSF' carries its definition again after its first use in section 'Design'" in found, found


def test_fault_back_links_and_permalinks_with_titles_are_caught(project, broken_site):
    broken_site.edit(BUILT, lambda soup: soup.select_one("a.footnote-backref").attrs.update(title="Jump back"))
    found = "\n".join(broken_site.found_by(tooltips.check_site, project))
    assert f"{PAGE}: 1 footnote back-links and permalinks carry a title" in found, found
    assert "hooks/link_labels.py names them with aria-label" in found, found


def test_fault_print_page_with_tooltips_is_caught(project, broken_site):
    def tooltips_on(soup):
        settings = soup.find("script", id="__config")
        config = json.loads(settings.string)
        config["features"] = [*config.get("features", []), "content.tooltips"]
        settings.string = json.dumps(config)

    broken_site.edit(tooltips.PRINT_PAGE, tooltips_on)
    found = "\n".join(broken_site.found_by(tooltips.check_site, project))
    assert "mkdocs.yml: the print page (the whole site on one page) sets up Material's tooltips" in found, found
