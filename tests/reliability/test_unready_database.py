"""A command run before ``migrate``, or with the database down, says so in one line.

Each runs as a real ``manage.py`` subprocess against an empty SQLite file (or a
PostgreSQL port nobody listens on) and must exit 2 with one ``CommandError``
line naming the database, write nothing, and show no traceback.
"""

from __future__ import annotations

import re
import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest

from reliability.conftest import PYTHON, ROOT, subprocess_env

pytestmark = pytest.mark.slow

COMMANDS = [
    ["import_articles", "seeds"],
    ["evaluate_extraction", "seeds"],  # any folder: the database is checked first
    ["export_kb"],
    ["import_kb", "-"],
    ["create_editor"],
]


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=subprocess_env(url),
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_unmigrated_database(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "empty.sqlite3"
    sqlite3.connect(db).close()
    done = manage(f"sqlite:///{db}", *command)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert re.fullmatch(
        rf"CommandError: the SQLite database {re.escape(str(db))} is not migrated "
        r"\(\d+ migrations to apply\): run `python manage.py migrate` \(or `make run`\) first",
        line,
    ), line
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from sqlite_master").fetchone() == (0,)


def test_database_down() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: connections are refused
        done = manage(f"postgres://postgres@127.0.0.1:{port}/kb", "import_articles", "seeds")
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("CommandError: cannot open the postgresql database kb on 127.0.0.1: ")
    assert "refused" in line
