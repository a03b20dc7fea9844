"""Writes each page's front-matter title as its h1, at the top of its Markdown.

Pages never write a `# ` heading themselves: the title lives once, in the
front-matter (and the nav), and this hook turns it into the page's only h1.
The theme would add the same h1 on its own, but other consumers of the page
content (the print-site plugin's single printable page) need a real heading:

    ---
    title: Clinical use          ->   # Clinical use
    ---                               (the page's Markdown, unchanged)
"""

from __future__ import annotations


def on_page_markdown(markdown, page, **kwargs):
    title = page.meta.get("title")
    if not title or markdown.lstrip().startswith("# "):
        return markdown
    return f"# {title}\n\n{markdown}"
