"""The built site as the checks see it: which HTML file, and which address, each page became."""

from __future__ import annotations

import functools
import pathlib

from bs4 import BeautifulSoup

from .project import Page, Project

# The whole site on one page, to print: written by the print-site plugin
# (print_page_basename in mkdocs.yml), mended by hooks/print_page_*.py.
PRINT_PAGE = "print_page/index.html"


def html_path(page_path: str) -> str:
    """docs/a/b.md -> a/b/index.html; docs/a/index.md -> a/index.html (directory URLs)."""
    stem = page_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def url_path(src_path: str) -> str:
    """The page's address relative to the site root: a/b.md -> "a/b/", a/index.md -> "a/", index.md -> ""."""
    return html_path(src_path).removesuffix("index.html")


class BuiltSite:
    def __init__(self, project: Project, site_dir: pathlib.Path):
        self.project = project
        self.root = pathlib.Path(site_dir)

    def pages(self):
        """(source page, parsed HTML) for each page of docs/ that was built."""
        for page in self.project.pages:
            path = self.root / html_path(page.path)
            if path.exists():
                yield page, self.soup(html_path(page.path))

    @functools.lru_cache(maxsize=None)
    def soup(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / relative).read_text(encoding="utf-8"), "html.parser")

    @functools.lru_cache(maxsize=None)
    def ids(self, relative: str) -> frozenset[str]:
        soup = self.soup(relative)
        return frozenset(
            [tag["id"] for tag in soup.find_all(id=True)] + [tag["name"] for tag in soup.find_all("a", attrs={"name": True})]
        )

    def source_of(self, relative: str) -> Page | None:
        return next((page for page in self.project.pages if html_path(page.path) == relative), None)
