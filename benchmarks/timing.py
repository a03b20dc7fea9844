"""Build time of the site and of the bare build, and how long `mkdocs serve` takes to show an edit."""

from __future__ import annotations

import contextlib
import pathlib
import shutil
import statistics
import subprocess
import sys
import time
import uuid

from sitecheck.build import mkdocs_environment
from sitecheck.built_site import url_path
from sitecheck.project import Project

from . import ROOT
from .bare import write_bare_config
from .common import BenchmarkError, log, site_prefix, summary
from .mkdocs_serve import MkdocsServe, fetch, free_port

# Left out of the throwaway copy that `mkdocs serve` runs in: everything else is
# copied, so that whatever mkdocs.yml names (watch:, snippets, hooks) is there.
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "site", "artifacts", "node_modules", "__pycache__", ".pytest_cache", ".cache", "benchmarks")
# Each wait for mkdocs serve (first build, one rebuild), in seconds.
SERVE_TIMEOUT = 120


def timed_build(config_file: pathlib.Path, site_dir: pathlib.Path, strict: bool = True) -> float:
    """One full `mkdocs build --strict` (never -q: it hides warnings), wall seconds."""
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--clean",
               "--config-file", str(config_file), "--site-dir", str(site_dir)]
    environment = mkdocs_environment({"PYTHONUNBUFFERED": "1"})
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-10:])
        raise BenchmarkError(f"`{' '.join(command)}` failed:\n{tail}")
    return elapsed


def measure_builds(runs: int, work: pathlib.Path, project: Project) -> tuple[dict, dict[str, pathlib.Path]]:
    """Site and bare build, `runs` times each; the result, and the two built sites ("full", "bare")."""
    bare_config = write_bare_config(project.config, work / "bare")
    sites = {"full": work / "site-full", "bare": work / "site-bare"}
    log("build: one unmeasured warm-up build of each (file cache, .pyc)")
    timed_build(ROOT / "mkdocs.yml", sites["full"])
    timed_build(bare_config, sites["bare"])
    full, bare = [], []
    for run in range(runs):  # alternate, so drifting machine load hits both alike
        full.append(timed_build(ROOT / "mkdocs.yml", sites["full"]))
        bare.append(timed_build(bare_config, sites["bare"]))
        log(f"build {run + 1}/{runs}: full {full[-1]:.2f} s, bare {bare[-1]:.2f} s")
    result = {
        "full_seconds": summary(full),
        "bare_seconds": summary(bare),
        "ratio_of_medians": round(statistics.median(full) / statistics.median(bare), 3),
        "bare_config": bare_config.read_text(encoding="utf-8"),
    }
    return result, sites


def time_one_edit(serve: MkdocsServe, source: pathlib.Path, page_url: str) -> tuple[float, float]:
    """Append a line to source: seconds until the log reports the rebuild done, and until the page shows it."""
    marker = f"benchmarkedit{uuid.uuid4().hex}"
    with source.open("a", encoding="utf-8") as handle:
        handle.write(f"\n{marker}\n")
    start = time.perf_counter()
    # Two clocks, read side by side: the server's log, and the page it serves.
    detected = done = shown = None
    deadline = time.monotonic() + SERVE_TIMEOUT
    while done is None or shown is None:
        if time.monotonic() > deadline:
            raise BenchmarkError(f"no rebuild of {page_url} within {SERVE_TIMEOUT} s:\n" + serve.tail())
        serve.check_running()
        for stamp, line in serve.new_lines():
            if stamp < start:
                continue
            if "Detected file changes" in line:
                detected = stamp
            elif "Reloading browsers" in line and detected is not None and done is None:
                done = stamp
        if shown is None:
            with contextlib.suppress(OSError):
                if marker in fetch(page_url):
                    shown = time.perf_counter()
        time.sleep(0.02)
    return done - start, shown - start


def measure_serve_rebuild(edits: int, work: pathlib.Path, project: Project, page: str, dirty: bool = False) -> dict:
    """Time from a one-line edit to the rebuilt page, in a throwaway copy of the project.

    dirty: `mkdocs serve --dirty`, as `make preview` runs it (only changed pages rebuilt).
    """
    name = "preview" if dirty else "serve"
    copy = work / f"{name}-copy"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
    source = copy / project.config.get("docs_dir", "docs") / page
    port = free_port()
    page_url = f"http://127.0.0.1:{port}{site_prefix(project)}{url_path(page)}"
    log_times, page_times = [], []
    with MkdocsServe(copy, port, dirty) as serve:
        serve.wait_for(r"Serving on ", SERVE_TIMEOUT)
        fetch(page_url)  # ready: the first build is served
        for edit in range(edits):
            time.sleep(1.5)  # let the polling observer settle between edits
            logged, shown = time_one_edit(serve, source, page_url)
            log_times.append(logged)
            page_times.append(shown)
            log(f"{name} rebuild {edit + 1}/{edits}: logged done after {logged:.2f} s, "
                f"page showed the edit after {shown:.2f} s")
    return {
        "command": " ".join(serve.command[2:]),
        "page_edited": f"docs/{page}",
        "until_log_reports_rebuild_seconds": summary(log_times),
        "until_page_shows_edit_seconds": summary(page_times),
    }
