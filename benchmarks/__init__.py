"""Benchmark the site: build time, first-visit page weight and Lighthouse scores.

Run on demand, never by the test suite: `make benchmark`, or
`.venv/bin/python -m benchmarks --help` (__main__.py). benchmarks/README.md
explains every number. One module per measurement:

    __main__.py       the command line: every measurement, then the budgets and the report
    timing.py         build time (site and bare) and `mkdocs serve` rebuild time (mkdocs_serve.py)
    bare.py           the bare build the site is compared with
    weight.py         first-visit page weight, loaded in Chromium
    search_index.py   the search index with and without data/search-terms.yml
    lighthouse.py     Lighthouse on every page (lighthouse_audits.py reads one report)
    features.py       what each feature costs (--feature-costs)
    budgets.py        budgets.json, and each budget checked against a report
    report.py         report.json and the printed table
    common.py         what they share: paths, the pages measured, samples and sizes

The site is served by sitecheck/server.py, the same server as the browser tests.
"""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
