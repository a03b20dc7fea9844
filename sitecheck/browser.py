"""Where Debian's Chromium is and how to start it, for the browser tests and the benchmark."""

from __future__ import annotations

import os

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
# Without the background-networking flags Chromium phones home at start-up,
# which the privacy test and the benchmark would count as third-party requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """$CHROMIUM_PATH, else the first standard path that exists."""
    candidates = [os.environ.get("CHROMIUM_PATH")] + CHROMIUM_CANDIDATES
    return next((path for path in candidates if path and os.path.exists(path)), None)
