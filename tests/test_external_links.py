"""Rule 3: links out are well-formed https:// and never to advertising (offline check).

Whether they still answer is checked by `make linkcheck`, which needs the network.
"""

from conftest import messages, report
from sitecheck import external_links

PAGE = "docs/about/index.md"


def test_external_links_are_https_and_not_advertising(project):
    report(external_links.check(project))


def test_fault_plain_http_link(broken):
    broken.append(PAGE, "See [the agency](http://www.ema.europa.eu/).")
    found = messages(external_links.check(broken.project))
    assert f"{PAGE}:" in found and "is not https://" in found, found


def test_fault_link_to_the_article_publisher(broken):
    broken.append(PAGE, "See [a report](https://www.delveinsight.com/report-store/imlygic).")
    found = messages(external_links.check(broken.project))
    assert f"{PAGE}:" in found and "advertising or a paid report" in found, found
