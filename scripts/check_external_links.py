"""Ask every external address on the site whether it still answers (needs the network).

Run with `make linkcheck`. Never part of the default test suite: a slow or
flaky third-party server must not block a pull request. Prints one line per
address that failed, naming the page and line, and exits 1 if any failed.
"""

from __future__ import annotations

import concurrent.futures
import pathlib
import sys
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))

from sitecheck.external_links import addresses  # noqa: E402
from sitecheck.project import Project  # noqa: E402

TIMEOUT_SECONDS = 20
HEADERS = {"User-Agent": "imlygic-site-linkcheck/1.0 (+https://github.com/example/imlygic-site)"}


def status(address: str) -> str | None:
    """None if the address answers, else why not. HEAD first, GET where HEAD is refused."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(address, method=method, headers=HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in {403, 405, 501}:
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"no answer ({getattr(error, 'reason', error)})"
    return None


def main() -> int:
    project = Project(pathlib.Path(__file__).resolve().parent.parent)
    found: dict[str, list[str]] = {}
    for page, line, address in addresses(project):
        found.setdefault(address, []).append(f"{page.source}:{line}")
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
