"""Two imports of the same folder at once, while the site serves readers.

Both importers must exit 0 with no "database is locked", between them create
each article exactly once, and leave no duplicate actor or alias. A
``runserver`` on the same database answers every GET with 200 meanwhile.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from reliability.conftest import ScratchDB, free_port, stop, wait_for_http
from reliability.fixtures.hostile import write_many_articles

N_FILES = 300
PAGES = ["/articles/", "/admin/login/", "/actors/", "/claims/", "/"]


def summary(stdout: str) -> dict[str, int]:
    match = re.search(r"(\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed", stdout)
    assert match, stdout
    return dict(
        zip(["new", "updated", "unchanged", "failed"], map(int, match.groups()), strict=True)
    )


class Reader(threading.Thread):
    """GETs pages in a loop and records every status and the slowest answer."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.statuses: list[tuple[str, int]] = []
        self.slowest = 0.0
        self.errors: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.halt.is_set():
            page = PAGES[n % len(PAGES)]
            n += 1
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + page, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError as exc:
                status = -1
                self.errors.append(f"{page}: {exc}")
            self.slowest = max(self.slowest, time.monotonic() - started)
            self.statuses.append((page, status))


@pytest.mark.slow
def test_two_imports_at_once_while_site_serves(tmp_path: Path, scratch_db: ScratchDB) -> None:
    folder = tmp_path / "same"
    write_many_articles(folder, N_FILES)
    port = free_port()
    # runserver logs every request on stderr. A pipe nobody reads fills after a
    # few hundred requests and then blocks the server mid-answer, so the log
    # goes to a file.
    server_log = (tmp_path / "runserver.log").open("w")
    server = scratch_db.popen(
        "runserver",
        "--noreload",
        "--nothreading",
        f"127.0.0.1:{port}",
        stdout=subprocess.DEVNULL,
        stderr=server_log,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/admin/login/")
        reader = Reader(base)
        reader.start()
        importers = [
            scratch_db.popen(
                "import_articles",
                str(folder),
                "--quiet",
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        results = [p.communicate(timeout=600) for p in importers]
        during = len(reader.statuses)
        reader.halt.set()
        reader.join(timeout=60)
    finally:
        stop(server)
        server_log.close()

    for proc, (out, err) in zip(importers, results, strict=True):
        assert proc.returncode == 0, err
        assert "database is locked" not in err + out
        assert "Traceback" not in err
    # --quiet prints the summary only when something failed; count from the database.
    state = scratch_db.state()
    assert state["n_articles"] == N_FILES
    assert not state["duplicate_hashes"]
    assert not state["duplicate_actors"], state["duplicate_actors"]
    assert not state["duplicate_aliases"], state["duplicate_aliases"]
    assert not state["bad_spans"]
    assert not any(state["orphans"].values()), state["orphans"]

    assert during >= 10, f"only {during} page loads while importing"
    failures = [(page, status) for page, status in reader.statuses if status != 200]
    assert not failures, (failures[:10], reader.errors[:10])
    print(f"{during} page loads during the imports; slowest {reader.slowest:.2f}s")


@pytest.mark.slow
def test_two_imports_report_each_article_once(tmp_path: Path, scratch_db: ScratchDB) -> None:
    """Between them, two simultaneous importers call each file new exactly once."""
    folder = tmp_path / "same"
    write_many_articles(folder, 120)
    importers = [
        scratch_db.popen(
            "import_articles", str(folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=600) for p in importers]
    counts = [summary(out) for out, _ in results]
    for proc, (_, err) in zip(importers, results, strict=True):
        assert proc.returncode == 0, err
        assert "database is locked" not in err
    assert sum(c["new"] for c in counts) == 120
    assert sum(c["unchanged"] for c in counts) == 120
    assert all(c["failed"] == 0 and c["updated"] == 0 for c in counts)
