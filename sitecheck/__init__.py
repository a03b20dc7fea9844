"""The site's checks, as plain functions over a project folder.

Each module guards one rule and exposes ``check(project) -> list[Problem]``.
The tests run every check on the real project, and again on a temporary copy
with one thing broken, to prove that the check can fail and says where.
"""
