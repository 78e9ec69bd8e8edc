"""Queued imports against the command: articles per second, side by side in one run.

``python bench/jobs.py [--articles N] [--database sqlite|postgres]`` writes a
corpus of N generated articles (bench/make_corpus.py), then imports it three
times into three fresh databases of the same kind:

1. ``manage.py import_articles`` (one process);
2. one import job of N files run by one ``db_worker`` (django-tasks);
3. the same job run by two ``db_worker`` processes.

It prints each run's articles/s and the queued runs' ratio to the command.
The clock for a queued run starts when the job is queued and stops when its
last file has finished, so it includes the workers' polling.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import write_corpus  # noqa: E402

PYTHON = sys.executable
PG_BASE = os.environ.get("KB_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")

QUEUE = """
import pathlib
from kb.ingest.jobs import job_create
files = [(str(p.relative_to({folder!r})), p.read_bytes())
         for p in sorted(pathlib.Path({folder!r}).rglob("*.txt"))]
print(job_create(files=files).pk)
"""
LEFT_SQL = (
    "SELECT count(*) FROM ingest_importjobfile "
    "WHERE status NOT IN ('new', 'updated', 'unchanged', 'failed')"
)


def env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "kb.settings",
        "DJANGO_DEBUG": "1",
        "KB_JOB_RUNNER": "tasks",
    }


def manage(url: str, *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env(url),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    return done.stdout.strip()


def fresh_database(kind: str, tmp: Path, n: int) -> str:
    if kind == "sqlite":
        url = f"sqlite:///{tmp / f'bench-jobs-{n}.sqlite3'}"
    else:
        import psycopg

        name = f"kb_bench_jobs_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = PG_BASE.rsplit("/", 1)[0] + "/" + name
    manage(url, "migrate", "--noinput", "-v", "0")
    return url


def run_command(url: str, corpus: Path) -> float:
    started = time.perf_counter()
    manage(url, "import_articles", str(corpus), "--quiet")
    return time.perf_counter() - started


def run_queued(url: str, corpus: Path, workers: int) -> float:
    started = time.perf_counter()
    manage(url, "shell", "-v", "0", "-c", QUEUE.format(folder=str(corpus)))
    procs = [
        subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"],
            cwd=ROOT,
            env=env(url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        # Polled with a bare connection: a `manage.py shell` per poll would take a
        # core from the workers being measured.
        while _left(url):
            time.sleep(0.5)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)
    return time.perf_counter() - started


def _left(url: str) -> int:
    """Files of the job not finished yet."""
    if url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as conn:
            return int(conn.execute(LEFT_SQL).fetchone()[0])
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute(LEFT_SQL).fetchone()
        return int(row[0]) if row else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kb-bench-jobs-"))
    try:
        corpus = tmp / "corpus"
        write_corpus(corpus, args.articles)
        n = args.articles
        print(f"corpus: {n} generated articles; database: {args.database}", flush=True)
        runs = [("import_articles (command)", lambda url: run_command(url, corpus))]
        runs += [
            (f"import job, {w} db_worker", lambda url, w=w: run_queued(url, corpus, w))
            for w in (1, 2)
        ]
        rates: list[float] = []
        for i, (label, run) in enumerate(runs):
            print(f"running: {label} ...", flush=True)
            seconds = run(fresh_database(args.database, tmp, i))
            rates.append(n / seconds)
            ratio = f"  ({rates[-1] / rates[0]:.2f}x the command)" if i else ""
            print(f"{label:28} {seconds:7.1f} s  {rates[-1]:6.1f} articles/s{ratio}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
