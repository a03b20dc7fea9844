"""The site's checks, as plain functions over a project folder.

Each module guards one rule: ``check(project) -> list[Problem]`` for a rule on the
sources, ``check_site(site) -> list[Problem]`` for a rule on the built site (README,
"Adding a check"). ``sitecheck.data`` holds the one reader of each data file.
The tests run every check on the real project, and again on a temporary copy
with one thing broken, to prove that the check can fail and says where.
"""
