"""A PDF of the pages for patients and carers, printed by Chromium, for the release pack.

    python scripts/patients_pdf.py site-offline dist/patients-and-carers.pdf

Reads the offline copy (make offline), which works from file://; opens the
first page of the patients' section, appends the other pages' content in
navigation order, each starting on a new sheet, and prints with the site's own
print stylesheet (navigation hidden, addresses of links to other sites written
out). Uses the same Chromium as the browser tests (sitecheck/browser.py).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
from sitecheck.browser import CHROMIUM_ARGS, chromium_path
from sitecheck.built_site import html_path
from sitecheck.project import Project

SECTION = "patients/"


def patient_pages(project: Project, site_dir: pathlib.Path) -> list[str]:
    """The built files of the patients' section, in navigation order.

    The offline copy writes patients/at-home.html rather than patients/at-home/index.html
    (no directory URLs, so that links work from file://); either layout is read.
    """
    found = []
    for _, path in project.nav_entries:
        if path.startswith(SECTION):
            flat = path.removesuffix(".md") + ".html"
            found.append(flat if (site_dir / flat).is_file() else html_path(path))
    return found


def make_pdf(site_dir: pathlib.Path, output: pathlib.Path, project: Project, browser=None) -> int:
    """Print the section to ``output``; returns how many pages of the site it holds.

    ``browser``: a Playwright Chromium already running (the tests pass theirs); else one is started.
    """
    pages = patient_pages(project, site_dir)
    if not pages:
        raise SystemExit(f"no page under docs/{SECTION} in the navigation")
    output.parent.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        _print(browser, site_dir, pages, output)
        return len(pages)
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise SystemExit("no Chromium found; install it with 'apt-get install chromium' or set CHROMIUM_PATH")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            _print(browser, site_dir, pages, output)
        finally:
            browser.close()
    return len(pages)


def _print(browser, site_dir: pathlib.Path, pages: list[str], output: pathlib.Path) -> None:
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto((site_dir / pages[0]).as_uri())
        reader = context.new_page()
        for relative in pages[1:]:
            reader.goto((site_dir / relative).as_uri())
            content = reader.locator("article.md-content__inner").inner_html()
            first.evaluate(
                """(html) => {
                    const part = document.createElement("section");
                    part.style.breakBefore = "page";
                    part.innerHTML = html;
                    document.querySelector("article.md-content__inner").append(part);
                }""",
                content,
            )
        first.emulate_media(media="print")
        first.pdf(path=str(output), format="A4", print_background=True,
                  margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=pathlib.Path, help="the offline copy (make offline)")
    parser.add_argument("output", type=pathlib.Path, help="where to write the PDF")
    args = parser.parse_args(argv)
    count = make_pdf(args.site_dir.resolve(), args.output, Project(ROOT))
    print(f"{args.output}: {count} pages for patients and carers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
