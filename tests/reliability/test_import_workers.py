"""Import jobs on real worker processes: django-tasks' database worker and Celery.

Each test queues jobs in a scratch database (the same kind as the run), starts
real workers on it as subprocesses, and waits for the jobs to finish. The
Celery test uses the Redis server this machine kind runs on 127.0.0.1:6379.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from reliability.conftest import PYTHON, ROOT, ScratchDB, stop

SEEDS = ROOT / "seeds"

QUEUE = """
import pathlib
from kb.ingest.jobs import job_create
files = [(p.name, p.read_bytes()) for p in sorted(pathlib.Path({folder!r}).glob("*.txt"))]
files += {extra!r}
print(job_create(files=files, source={source!r}).pk)
"""

STATE = """
import json
from kb.ingest.models import ImportJob
from kb.articles.models import Article
from collections import Counter
jobs = {
    j.pk: [j.status, {f.name: f.status for f in j.files.all()}] for j in ImportJob.objects.all()
}
names = Counter(Article.objects.values_list("original_name", flat=True))
print(json.dumps({"jobs": jobs, "articles": names}))
"""


def shell(db: ScratchDB, code: str, **env: str) -> str:
    done = db.manage("shell", "-v", "0", "-c", code, **env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def wait_until_done(db: ScratchDB, *, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        state = json.loads(shell(db, STATE))
        if state["jobs"] and all(status == "done" for status, _ in state["jobs"].values()):
            return state
        if time.monotonic() > deadline:
            raise AssertionError(f"jobs not done in {timeout}s: {state}")
        time.sleep(1)


def queue(db: ScratchDB, folder: Path, *, source: str, extra=(), **env: str) -> int:
    return int(shell(db, QUEUE.format(folder=str(folder), extra=list(extra), source=source), **env))


def test_two_jobs_at_once_on_two_database_workers(scratch_db: ScratchDB, tmp_path: Path) -> None:
    half = tmp_path / "half"
    half.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (half / path.name).write_bytes(path.read_bytes())
    first = queue(scratch_db, SEEDS, source="Desk", extra=[("bad.txt", b"\x00\x00binary")])
    second = queue(scratch_db, half, source="Desk")
    # A worker's stderr goes to a file: an unread pipe blocks the worker once full.
    worker_log = (tmp_path / "workers.log").open("w")
    workers = [
        scratch_db.popen(
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
            stdout=subprocess.DEVNULL,
            stderr=worker_log,
        )
        for _ in range(2)
    ]
    try:
        state = wait_until_done(scratch_db)
    finally:
        for worker in workers:
            stop(worker)
        worker_log.close()
    jobs = state["jobs"]
    assert jobs[str(first)][1]["bad.txt"] == "failed"
    assert (
        sorted(jobs[str(first)][1].values()).count("new")
        + sorted(jobs[str(second)][1].values()).count("new")
        == 5
    )
    # Every seed exactly once, whichever job and worker got to it first.
    assert state["articles"] == {p.name: 1 for p in SEEDS.glob("*.txt")}


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=2):
            return True
    except OSError:
        return False


def test_a_job_runs_on_a_celery_worker(scratch_db: ScratchDB, tmp_path: Path) -> None:
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("no Redis on 127.0.0.1:6379")
    queue_name = f"kb-test-{uuid.uuid4().hex[:8]}"
    env = {"KB_JOB_RUNNER": "celery", "KB_CELERY_QUEUE": queue_name}
    worker_log = (tmp_path / "celery.log").open("w")
    worker = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "celery",
            "-A",
            "kb.ingest.celery_app",
            "worker",
            "--pool=solo",
            "-Q",
            queue_name,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "warning",
        ],
        cwd=ROOT,
        env=scratch_db.env(**env),
        stdout=subprocess.DEVNULL,
        stderr=worker_log,
        start_new_session=True,
    )
    try:
        job = queue(scratch_db, SEEDS, source="Wire", extra=[("empty.txt", b" ")], **env)
        state = wait_until_done(scratch_db)
    finally:
        stop(worker)
        worker_log.close()
    files = state["jobs"][str(job)][1]
    assert files.pop("empty.txt") == "failed"
    assert set(files.values()) == {"new"}
    assert state["articles"] == {p.name: 1 for p in SEEDS.glob("*.txt")}
