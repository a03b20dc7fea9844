"""Each built page has one h1, its description, the disclaimer, its review date and alt text."""

from __future__ import annotations

import urllib.parse

from .built_site import BuiltSite, url_path
from .project import Problem

MINIMUM_WORDS = 40


def check_site(site: BuiltSite) -> list[Problem]:
    problems = []
    for page, soup in site.pages():
        def problem(message, line=None):
            problems.append(Problem(page.source, line, message))

        article = soup.select_one("article.md-content__inner")
        if article is None:
            problem("the built page has no content area")
            continue
        headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.find_all("h1")]
        markdown_h1 = next((n for n, text in page.body_lines() if text.startswith("# ")), None)
        if headings != [page.meta.get("title")]:
            found = ", ".join(repr(h) for h in headings) or "none"
            problem(
                f"the page should have one h1, its front-matter title {page.meta.get('title')!r}, but has {found}; "
                "do not write a '# ' heading (the title comes from the front-matter), use '##' for sections",
                markdown_h1,
            )
        description = soup.find("meta", attrs={"name": "description"})
        wanted = page.meta.get("description")
        if description is None or description.get("content") != wanted:
            problem("the built page's meta description is not the front-matter description")
        if soup.select_one(".site-disclaimer") is None:
            problem("the medical disclaimer is missing; it comes from overrides/main.html (block announce)")
        reviewed = soup.select_one(".page-review time.page-review__reviewed")
        if reviewed is None or reviewed["datetime"] != str(page.meta.get("last_reviewed")):
            problem("the built page does not show its last_reviewed date")
        changed = soup.select_one(".page-review time.page-review__changed")
        if changed is None or changed["datetime"] != str(page.meta.get("last_changed")):
            problem("the built page does not show its last_changed date")
        if page.meta.get("label_revision"):
            label = soup.select_one(".page-review .page-review__label")
            if label is None or not all(str(v) in label.get_text() for v in page.meta["label_revision"].values()):
                problem("the built page does not say which label revision it reflects (front-matter label_revision)")
        next_review = soup.select_one(".page-review time.page-review__next")
        if next_review is None or next_review["datetime"] != str(page.meta.get("next_review")):
            problem("the built page does not show its next_review date")
        feedback = soup.select_one(".page-feedback a.page-feedback__mail[href^='mailto:']")
        address = site.project.config["site_url"] + url_path(page.path)
        if feedback is None or not all(
            urllib.parse.quote(str(part), safe="/") in feedback["href"] for part in (address, page.meta.get("title"))
        ):
            problem("the page has no 'Report a problem with this page' e-mail link with its title and address; "
                    "set extra.editors_email in mkdocs.yml (overrides/main.html writes the link)")
        citation = article.select_one(".cite-page pre code")
        title, reviewed_date = page.meta.get("title"), str(page.meta.get("last_reviewed"))
        if citation is None or not title or str(title) not in citation.get_text() or reviewed_date not in citation.get_text():
            problem("the page has no 'Cite this page' citation with its title and review date (overrides/main.html)")
        for image in article.find_all("img"):
            if not (image.get("alt") or "").strip():
                problem(f"the image '{image.get('src')}' has no alt text; write ![what the image shows](path)", page.line_of(str(image.get("src")).rsplit("/", 1)[-1]))
        # The page's own words: without what the template adds under every page.
        text = " ".join(
            piece for piece in article.find_all(string=True)
            if not piece.find_parent(class_=("cite-page", "page-review", "page-feedback"))
        )
        if len(text.split()) < MINIMUM_WORDS:
            problem(f"the page is nearly empty ({len(text.split())} words); write its content or remove it")
    return problems
