"""Ask every external address on the site whether it still answers (needs the network).

The addresses are those written in the pages, every `url` in the bibliography
(data/references.yml) and every DOI there, asked of https://doi.org/ (which
answers a registered DOI with a redirect to the publisher).

Run with `make linkcheck`. Never part of the default test suite: a slow or
flaky third-party server must not block a pull request. Prints one line per
address that failed, naming the file and line, and exits 1 if any failed.
"""

from __future__ import annotations

import concurrent.futures
import pathlib
import sys
import urllib.error
import urllib.request

from sitecheck.data import references
from sitecheck.external_links import DOI_RESOLVER, addresses, bibliography_addresses, bibliography_dois
from sitecheck.project import Project

TIMEOUT_SECONDS = 20
HEADERS = {"User-Agent": "imlygic-site-linkcheck/1.0 (+https://github.com/example/imlygic-site)"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands a redirect back as an HTTPError, so that its status can be read."""

    def redirect_request(self, *args, **kwargs):
        return None


def status(address: str) -> str | None:
    """None if the address answers, else why not. HEAD first, GET where HEAD is refused.

    A DOI answers when doi.org redirects it: doi.org knows it. Where the publisher's
    site then leads is the publisher's affair (many refuse scripts).
    """
    is_doi = address.startswith(DOI_RESOLVER)
    opener = urllib.request.build_opener(_NoRedirect) if is_doi else urllib.request.build_opener()
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(address, method=method, headers=HEADERS)
        try:
            with opener.open(request, timeout=TIMEOUT_SECONDS):
                return None
        except urllib.error.HTTPError as error:
            if is_doi and 300 <= error.code < 400:
                return None
            if method == "HEAD" and error.code in {403, 405, 501}:
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"no answer ({getattr(error, 'reason', error)})"
    return None


def targets(project: Project) -> dict[str, list[str]]:
    """Every address to ask -> where it is written (file:line): pages, bibliography addresses, DOIs."""
    found: dict[str, list[str]] = {}
    for page, line, address in addresses(project):
        found.setdefault(address, []).append(f"{page.source}:{line}")
    for line, address in [*bibliography_addresses(project), *bibliography_dois(project)]:
        found.setdefault(address, []).append(f"{references.PATH}:{line}")
    return found


def main() -> int:
    project = Project(pathlib.Path(__file__).resolve().parent.parent)
    found = targets(project)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(found, pool.map(status, found)))
    failures = {address: why for address, why in results.items() if why}
    for address, why in sorted(failures.items()):
        for place in found[address]:
            print(f"{place}: {address}: {why}")
    print(f"{len(found)} addresses checked, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
