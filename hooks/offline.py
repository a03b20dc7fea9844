"""The offline build loads the iframe-worker shim from this site, not from a CDN.

Material's offline plugin (enabled by OFFLINE=true, see mkdocs.yml) makes the
site work from the file system, where browsers refuse web workers; it then
adds https://unpkg.com/iframe-worker/shim to the page so that search can run
in an iframe instead. This hook swaps that address for the copy shipped in
docs/javascripts/iframe-worker/shim.js (same file, version 1.0.4), so the
offline copy makes no request at all:

    extra.polyfills: [https://unpkg.com/iframe-worker/shim]
 -> extra.polyfills: [javascripts/iframe-worker/shim.js]

Hooks run after plugins, so the offline plugin has already added its address.
"""

from __future__ import annotations

SHIPPED_SHIM = "javascripts/iframe-worker/shim.js"


def on_config(config, **kwargs):
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in url for url in polyfills):
        config.extra["polyfills"] = [SHIPPED_SHIM if "iframe-worker" in url else url for url in polyfills]
    return config
