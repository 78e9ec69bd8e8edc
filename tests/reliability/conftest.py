"""Fixtures for the reliability tests: hostile folders and scratch databases.

Subprocess tests (the real ``manage.py import_articles``, crashes, concurrent
runs, a live server) cannot see pytest-django's test database, which lives in
a transaction or in memory. They use ``scratch_db`` instead: a freshly
migrated database of the same kind as the test run (a temporary SQLite file,
or a uniquely named PostgreSQL database when ``DATABASE_URL`` is PostgreSQL),
dropped afterwards. Migrations run once per session into a template that
each test copies.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reliability.fixtures.hostile import HostileFolder, build_hostile_folder

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PROBE = Path(__file__).resolve().parent / "fixtures" / "probe.py"
# Process ids repeat across sandboxes that share one PostgreSQL server; a random
# run id keeps two concurrent test runs from dropping each other's databases.
RUN_ID = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
_counter = itertools.count()


def run_kind() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"


def subprocess_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="kb.settings",
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra)
    return env


@dataclass
class ScratchDB:
    url: str
    kind: str

    def env(self, **extra: str) -> dict[str, str]:
        return subprocess_env(self.url, **extra)

    def manage(self, *args: str, timeout: float = 300, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def popen(self, *args: str, **kwargs: Any) -> subprocess.Popen:
        return subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            text=True,
            start_new_session=True,
            **kwargs,
        )

    def state(self) -> dict[str, Any]:
        done = subprocess.run(
            [PYTHON, str(PROBE)],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)


def _pg_admin(url: str):  # -> psycopg.Connection
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    return psycopg.connect(
        host=cfg["HOST"] or "127.0.0.1",
        port=cfg["PORT"] or 5432,
        user=cfg["USER"] or "postgres",
        password=cfg["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def _pg_url(base: str, name: str) -> str:
    return base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def scratch_template(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """A migrated, empty database to copy: ``(kind, location)``."""
    kind = run_kind()
    if kind == "sqlite":
        path = tmp_path_factory.mktemp("scratch-template") / "template.sqlite3"
        url = f"sqlite:///{path}"
    else:
        base = os.environ["DATABASE_URL"]
        name = f"kb_reltpl_{RUN_ID}"
        with _pg_admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        url = _pg_url(base, name)
    done = subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=subprocess_env(url),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    if kind == "sqlite":
        # Fold the write-ahead log into the file so that copying the file copies everything.
        import sqlite3

        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        yield kind, str(path)
    else:
        yield kind, name
        with _pg_admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_db_factory(scratch_template, tmp_path) -> Iterator[Callable[[], ScratchDB]]:
    """Make as many fresh scratch databases as a test needs; all dropped afterwards."""
    kind, location = scratch_template
    made: list[str] = []
    base = os.environ.get("DATABASE_URL", "")

    def make() -> ScratchDB:
        n = next(_counter)
        if kind == "sqlite":
            path = tmp_path / f"scratch-{n}.sqlite3"
            shutil.copyfile(location, path)
            return ScratchDB(f"sqlite:///{path}", kind)
        name = f"kb_rel_{RUN_ID}_{n}"
        with _pg_admin(base) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{location}"')
            # These tests kill the importer, never the server: a commit the
            # server acknowledged survives a client's kill -9 either way, so
            # skip the per-commit fsync to keep thousands of commits quick.
            admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
        made.append(name)
        return ScratchDB(_pg_url(base, name), kind)

    yield make
    if made:
        with _pg_admin(base) as admin:
            for name in made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_db(scratch_db_factory) -> ScratchDB:
    return scratch_db_factory()


@pytest.fixture
def hostile_folder(tmp_path) -> HostileFolder:
    return build_hostile_folder(tmp_path / "hostile")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(url: str, *, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # the server answered
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


def stop(proc: subprocess.Popen) -> None:
    """Stop a process this test started (its whole session), politely then firmly."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.fixture
def other_kind_db(tmp_path) -> Iterator[ScratchDB]:
    """A migrated, empty database of the *other* kind (PostgreSQL for a SQLite run)."""
    if run_kind() == "sqlite":
        base = os.environ.get("KB_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        name = f"kb_relx_{RUN_ID}_{next(_counter)}"
        try:
            with _pg_admin(base) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
        except Exception as exc:  # psycopg.OperationalError and friends
            pytest.skip(f"no PostgreSQL server for the cross-database test: {exc}".splitlines()[0])
        db = ScratchDB(_pg_url(base, name), "postgresql")
    else:
        base, name = "", ""
        db = ScratchDB(f"sqlite:///{tmp_path / 'other.sqlite3'}", "sqlite")
    done = db.manage("migrate", "--noinput", "-v", "0")
    assert done.returncode == 0, done.stderr
    yield db
    if name:
        with _pg_admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
