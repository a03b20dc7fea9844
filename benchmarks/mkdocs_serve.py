"""`mkdocs serve` as a child process whose log lines are read, each with the moment it arrived."""

from __future__ import annotations

import pathlib
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from sitecheck.build import mkdocs_environment

from .common import BenchmarkError


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", "replace")


class MkdocsServe:
    """`mkdocs serve --livereload` (with --dirty, as `make preview` runs it) in folder, on port.

    Used as a context manager: started on entry, stopped with Ctrl-C (SIGINT) on exit.
    """

    def __init__(self, folder: pathlib.Path, port: int, dirty: bool = False):
        self.folder = folder
        self.command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", *(["--dirty"] if dirty else []),
                        "--dev-addr", f"127.0.0.1:{port}"]
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.transcript: list[str] = []

    def __enter__(self) -> MkdocsServe:
        self.process = subprocess.Popen(self.command, cwd=self.folder, env=mkdocs_environment({"PYTHONUNBUFFERED": "1"}),
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # mkdocs serve shuts down cleanly on Ctrl-C
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))

    def tail(self) -> str:
        """The last lines it logged, for an error message."""
        return "\n".join(self.transcript[-10:])

    def check_running(self) -> None:
        if self.process.poll() is not None:
            raise BenchmarkError("mkdocs serve stopped:\n" + self.tail())

    def new_lines(self) -> list[tuple[float, str]]:
        """(arrival time, line) of every line logged since the last call."""
        found = []
        while not self.lines.empty():
            stamp, line = self.lines.get()
            self.transcript.append(line)
            found.append((stamp, line))
        return found

    def wait_for(self, pattern: str, timeout: float) -> float:
        """Wait until a logged line matches pattern; the time it arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                stamp, line = self.lines.get(timeout=0.05)
            except queue.Empty:
                self.check_running()
                continue
            self.transcript.append(line)
            if re.search(pattern, line):
                return stamp
        raise BenchmarkError(f"mkdocs serve never logged {pattern!r} within {timeout} s:\n" + self.tail())
