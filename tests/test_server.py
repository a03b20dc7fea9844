"""The local server of the browser tests and the benchmark (sitecheck/server.py) serves a built
site as it is published: under site_url's path, with the sitemap pointing at itself."""

import urllib.error
import urllib.request

import pytest

from sitecheck.server import serving

SITE_URL = "https://example.github.io/imlygic-site/"


@pytest.fixture
def site_dir(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "hello " * 200 + "</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>Page not found</p>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(f"<urlset><url><loc>{SITE_URL}a/</loc></url></urlset>", encoding="utf-8")
    return tmp_path


def get(url: str, **headers):
    """(status, headers, body) of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_site_is_served_under_its_published_path_and_nowhere_else(site_dir):
    with serving(site_dir, SITE_URL) as base:
        assert base.startswith("http://127.0.0.1:") and base.endswith("/imlygic-site/"), base
        status, headers, body = get(base)
        assert status == 200 and b"hello" in body and headers.get("Content-Encoding") is None
        root = base[: -len("imlygic-site/")]
        status, _, body = get(root + "index.html")
        assert status == 404 and b"Page not found" in body, "outside site_url's path: the site's 404 page"


def test_sitemap_names_the_local_server_so_instant_navigation_follows_its_links(site_dir):
    with serving(site_dir, SITE_URL) as base:
        _, _, body = get(base + "sitemap.xml")
        assert f"<loc>{base}a/</loc>".encode() in body and b"example.github.io" not in body, body


def test_with_gzip_text_is_sent_compressed_as_a_static_host_does(site_dir):
    """The benchmark weighs what a reader downloads (gzip=True)."""
    with serving(site_dir, SITE_URL, gzip=True) as base:
        _, headers, _ = get(base, **{"Accept-Encoding": "gzip"})
        assert headers.get("Content-Encoding") == "gzip"
