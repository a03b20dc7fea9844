"""The site's data files (data/*.yml), one reader each, for the hooks, the checks and the tests.

- references.py: data/references.yml, the bibliography (schemas/references.schema.json);
- claims.py: data/claims.yml, claims and what the evidence shows (schemas/claims.schema.json);
- frequencies.py: data/frequencies.yml, results shown as "about N out of 100 people";
- search_terms.py: data/search-terms.yml, words that mean the same to a reader.

Each reader gives every entry with the line of each field, from the YAML
parser (_yaml.py), so a message names the file, the line and the fix. The
hooks import them by name (``from sitecheck.data import references``): the
project's root is on the virtual environment's import path (see the Makefile).
"""
