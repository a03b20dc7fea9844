"""The print page is one document: ids unique, every link inside it lands.

The fault tests put back, in a copy of the real print page, what print-site
writes without hooks/print_page_anchors.py (conftest.BrokenSite).
"""

from conftest import report
from print_page_anchors import repaired  # hooks/print_page_anchors.py
from sitecheck import print_page

HOOK_ADVICE = "hooks/print_page_anchors.py gives"


def page(prefix: str, body: str) -> str:
    return f'<section class="print-page" id="{prefix}" heading-number="1">{body}</section>\n'


def test_every_link_on_the_print_page_lands_and_no_id_repeats(site):
    report(print_page.check_site(site))


def test_a_footnote_reference_after_a_word_gets_its_page_prefix():
    html = page("optim", 'Durable response.<sup id="fnref:label-s14"><a class="footnote-ref" href="#optim-fn:label-s14">1</a></sup>'
                         '<li id="optim-fn:label-s14"><a class="footnote-backref" href="#optim-fnref:label-s14">back</a></li>')
    assert '<sup id="optim-fnref:label-s14">' in repaired(html)


def test_a_bibliography_entry_gets_its_page_prefix_and_unlinked_ids_stay():
    html = (page("index", '<a href="#references-us-label">US label</a>')
            + page("references", '<strong id="us-label">US label</strong><p id="no-link-asks-for-me">x</p>'))
    fixed = repaired(html)
    assert '<strong id="references-us-label">' in fixed
    assert 'id="no-link-asks-for-me"' in fixed


def test_an_id_on_two_pages_gets_each_page_prefix():
    html = page("optim", '<figure id="frequency-drr"></figure>') + page("visit", '<figure id="frequency-drr"></figure>')
    fixed = repaired(html)
    assert 'id="optim-frequency-drr"' in fixed and 'id="visit-frequency-drr"' in fixed


def test_links_to_whole_pages_point_at_the_page():
    html = page("about", '<a href="#.">home</a> <a href="#print_page">printable version</a>')
    fixed = repaired(html)
    assert 'href="#index"' in fixed and 'href="#print-site-cover-page"' in fixed


def test_a_taken_id_is_never_given_twice():
    html = page("optim", '<a href="#optim-x">x</a><p id="optim-x">taken</p><p id="x">bare</p>')
    assert repaired(html).count('id="optim-x"') == 1


def test_fault_bare_footnote_reference_ids_are_caught(project, broken_site):
    """As print-site leaves a footnote reference that follows a word: its id bare, on two pages."""
    broken_site.replace(print_page.PRINT_PAGE, '<sup id="index-fnref:label-s1">', '<sup id="fnref:label-s1">')
    broken_site.replace(print_page.PRINT_PAGE, '<sup id="mechanism-of-action-fnref:label-s1">', '<sup id="fnref:label-s1">')
    assert broken_site.found_by(print_page.check_site, project) == [
        "mkdocs.yml: 2 links on the print page lead to no id on it (#index-fnref:label-s1, "
        f"#mechanism-of-action-fnref:label-s1); {HOOK_ADVICE} the ids print-site leaves bare their page's prefix "
        "(is it listed under hooks:?)",
        "mkdocs.yml: the print page repeats 1 id (fnref:label-s1), so a link to one of them lands on the first page "
        f"that has it; {HOOK_ADVICE} each page's ids its prefix (is it listed under hooks:?)",
    ]


def test_fault_no_print_page_is_caught(project, broken_site):
    broken_site.copy("index.html")
    assert broken_site.found_by(print_page.check_site, project) == [
        "mkdocs.yml: the build wrote no print page (print_page/index.html); is the print-site plugin listed under plugins:?",
    ]
