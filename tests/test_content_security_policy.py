"""Every published page carries a Content Security Policy: code and styles from this site only.

hooks/content_security_policy.py writes it; the theme's own inline scripts are
allowed by hash, never anything a page's Markdown produced.
"""

import re

import pytest
from bs4 import BeautifulSoup

import content_security_policy as csp  # hooks/content_security_policy.py
from conftest import page_urls
from sitecheck.server import serving

POLICY = re.compile(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">')
PAGE = "docs/clinical-use/safety.md"
INJECTED = '<script>document.title = "injected"</script>'
# Records every violation from the first moment of each document.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline")));
"""


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def built_pages(site_dir):
    return sorted(site_dir.rglob("*.html"))


def test_every_page_has_the_policy_before_any_script(site):
    missing = [str(path.relative_to(site.root)) for path in built_pages(site.root) if not POLICY.search(path.read_text(encoding="utf-8"))]
    assert not missing, "pages without the policy right after <meta charset>: " + ", ".join(missing)


def test_the_policy_allows_this_site_only_and_no_inline_code_but_the_themes(site):
    policy = POLICY.search((site.root / "index.html").read_text(encoding="utf-8")).group(1)
    rules = directives(policy)
    for name in ("default-src", "script-src", "style-src", "font-src", "connect-src", "worker-src"):
        assert rules[name][0] == "'self'", (name, rules[name])
        assert all(value.startswith("'sha256-") for value in rules[name][1:]), (name, rules[name])
    assert rules["img-src"] == ["'self'", "data:"] and rules["object-src"] == ["'none'"]
    assert "unsafe" not in policy and "http" not in policy and "*" not in policy


def test_every_inline_script_outside_page_content_is_allowed_and_none_inside(site):
    policy = directives(POLICY.search((site.root / "index.html").read_text(encoding="utf-8")).group(1))
    problems = []
    for path in built_pages(site.root):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            if script.get("type", "") not in csp.CODE_TYPES:
                continue
            allowed = csp.digest(script.string or "") in policy["script-src"]
            if script.find_parent("article"):
                problems += [f"{path.relative_to(site.root)}: page content holds a script"]
            elif not allowed:
                problems += [f"{path.relative_to(site.root)}: theme script not allowed by the policy: {(script.string or '')[:60]}"]
    assert not problems, "\n".join(problems)


def test_fault_script_in_a_page_is_never_allowed(site):
    """The hook allows inline code by its hash only outside the page's <article>, where a page's Markdown never writes.

    test_fault_script_in_a_page_does_not_run builds the broken page and shows it in Chromium.
    """
    page = (site.root / "clinical-use/safety/index.html").read_text(encoding="utf-8")
    injected = csp.digest('document.title = "injected"')
    in_the_article = page.replace("</article>", INJECTED + "</article>", 1)
    assert injected not in csp.theme_code(in_the_article)[0]
    # The same script in the theme's part of the page is allowed: the hook tells the two apart.
    in_the_head = page.replace("</head>", INJECTED + "</head>", 1)
    assert injected in csp.theme_code(in_the_head)[0]


@pytest.mark.browser
def test_fault_script_in_a_page_does_not_run(broken, browser_page):
    broken.replace(PAGE, "## Serious warnings", INJECTED + "\n\n## Serious warnings")
    site_dir = broken.built_site().root
    browser_page.add_init_script(RECORD_VIOLATIONS)
    with serving(site_dir, broken.project.config["site_url"]) as address:
        browser_page.goto(address + "clinical-use/safety/", wait_until="networkidle")
        assert browser_page.title() != "injected"
        assert any(v.startswith("script-src") for v in browser_page.evaluate("window.__violations")), "no violation was reported"


@pytest.mark.browser
def test_no_violation_in_normal_use(browser_page, served_site, project):
    """Every page, then search, the theme toggle, a tooltip, instant navigation and the print page."""
    browser_page.add_init_script(RECORD_VIOLATIONS)
    found = []

    def collect(where):
        found.extend(f"{where}: {violation}" for violation in browser_page.evaluate("window.__violations"))

    for source, url in page_urls(served_site, project):
        browser_page.goto(url, wait_until="networkidle")
        collect(source)
    browser_page.goto(served_site + "clinical-trials/optim/", wait_until="networkidle")
    box = browser_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("GM-CSF", delay=20)
    browser_page.locator(".md-search-result__item > a").first.wait_for(state="visible")
    browser_page.keyboard.press("Escape")
    browser_page.locator("label.md-header__button[for^='__palette']").first.click()
    browser_page.locator("article abbr").first.hover()
    browser_page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="attached")
    browser_page.locator(".md-nav__link[href*='combination-trials']").first.click()
    browser_page.wait_for_url("**/combination-trials/")
    collect("search, theme, tooltip and instant navigation")
    browser_page.goto(served_site + "print_page/", wait_until="networkidle")
    collect("print page")
    assert not found, "\n".join(found)
