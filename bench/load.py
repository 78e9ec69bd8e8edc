"""Load test: gunicorn serves readers while an import of 1,000 articles runs.

In:  ``--backend sqlite|postgres`` (default sqlite), ``--seconds 60``,
     ``--connections 32``, ``--articles 1000``; ``--no-record`` to leave
     ``bench/RESULTS.md`` alone.
Out: progress on stderr; one JSON summary on stdout; the ``## Load`` section of
     ``bench/RESULTS.md`` replaced by this run's figures (nothing else there is
     touched).
What it does: a fresh database (``bench/work/load.sqlite3`` or ``kb_load`` on
     PostgreSQL) gets the seed articles, then gunicorn (2 sync workers,
     loopback, ``bench.settings``: production settings without the HTTPS
     redirect) starts on it, ``import_articles`` starts on a generated corpus
     of ``--articles`` files, and ``wrk`` hammers a mix of pages for
     ``--seconds`` with ``--connections`` connections. The run passes when wrk
     saw zero non-2xx answers and zero socket errors, gunicorn logged no error,
     and the import exited 0 without "database is locked".
The anonymous API throttle is raised for the run (``KB_API_ANON_RATE``): wrk
comes from one address, and the throttle's 429s are not what is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
PY = str(ROOT / ".venv" / "bin" / "python")
RESULTS = ROOT / "bench" / "RESULTS.md"
PG_URL = os.environ.get("KB_BENCH_PG", "postgres://postgres@127.0.0.1:5432/kb_load")


def log(message: str) -> None:
    print(f"[load] {message}", file=sys.stderr, flush=True)


def env_for(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        KB_API_ANON_RATE="100000000/minute",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env_for(url), capture_output=True, text=True
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
    return done


def fresh_database(backend: str) -> str:
    WORK.mkdir(parents=True, exist_ok=True)
    if backend == "sqlite":
        path = WORK / "load.sqlite3"
        for stale in WORK.glob("load.sqlite3*"):
            stale.unlink()
        url = f"sqlite:///{path}"
    else:
        name = PG_URL.rsplit("/", 1)[1]
        admin = PG_URL.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(
            ["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True
        )
        subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
        url = PG_URL
    manage(url, "migrate", "--noinput", "-v", "0")
    manage(url, "import_articles", "seeds", "--quiet")
    return url


def corpus(articles: int) -> Path:
    out = WORK / f"load-corpus-{articles}"
    if not out.exists() or sum(1 for _ in out.rglob("*.txt")) != articles:
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [PY, "bench/make_corpus.py", "--articles", str(articles), "--out", str(out)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return out


def page_mix(url: str) -> list[str]:
    """Lists, details, search, feeds and the API, picked from what the database holds."""
    script = (
        "import json, django; django.setup();"
        "from kb.articles.models import Article; from kb.entities.models import Actor;"
        "from kb.claims.models import Claim;"
        "a = Article.objects.first(); p = Actor.objects.order_by('-mention_count').first();"
        "c = Claim.objects.public().first();"
        "print(json.dumps([a.get_absolute_url(), p.get_absolute_url(),"
        " c.get_absolute_url() if c else '/claims/']))"
    )
    done = subprocess.run(
        [PY, "-c", script], cwd=ROOT, env=env_for(url), capture_output=True, text=True, check=True
    )
    article, actor, claim = json.loads(done.stdout)
    return [
        "/",
        "/articles/",
        "/articles/?page=2",
        article,
        "/actors/",
        actor,
        "/countries/",
        "/countries/ve/",
        "/claims/",
        claim,
        "/search/?q=Maduro",
        "/feeds/articles/",
        "/api/articles/",
        # JSON, paginated: the unpaginated CSV export (every claim, several MB)
        # is a download, not a page, and is measured on its own.
        "/api/claims/",
        "/admin/login/",
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str) -> None:
    for _ in range(300):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} never answered")


def count_articles(url: str) -> int:
    done = subprocess.run(
        [
            PY,
            "-c",
            "import django; django.setup(); from kb.articles.models import Article; "
            "print(Article.objects.count())",
        ],
        cwd=ROOT,
        env=env_for(url),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def run(args: argparse.Namespace) -> dict[str, Any]:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    log(f"fresh {args.backend} database with the seeds")
    url = fresh_database(args.backend)
    log(f"corpus of {args.articles} articles")
    folder = corpus(args.articles)
    paths = page_mix(url)
    port = free_port()
    gunicorn_log = WORK / "load-gunicorn.log"
    with gunicorn_log.open("w") as glog:
        server = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"),
                "kb.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env_for(url),
            stdout=glog,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/admin/login/")
            for path in paths:  # every page answers 200 before the load starts
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    assert response.status == 200, path
            before = count_articles(url)
            started = time.monotonic()
            importer = subprocess.Popen(
                [PY, "manage.py", "import_articles", str(folder), "--quiet"],
                cwd=ROOT,
                env=env_for(url),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            log(f"wrk {args.seconds}s x {args.connections} connections over {len(paths)} pages")
            wrk = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{args.connections}",
                    f"-d{args.seconds}s",
                    "--timeout",
                    "30s",
                    "-s",
                    str(ROOT / "bench" / "load.lua"),
                    base,
                ],
                env={**os.environ, "LOAD_PATHS": "|".join(paths)},
                capture_output=True,
                text=True,
                check=True,
            )
            during = count_articles(url) - before
            log("waiting for the import to finish")
            _, import_err = importer.communicate(timeout=3600)
            import_seconds = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    match = re.search(r"^LOADJSON (.*)$", wrk.stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"wrk printed no totals:\n{wrk.stdout}\n{wrk.stderr}")
    totals = json.loads(match.group(1))
    server_errors = [
        line
        for line in gunicorn_log.read_text().splitlines()
        if re.search(r"error|traceback", line, re.I)
    ]
    socket_errors = sum(totals[k] for k in ("connect", "read", "write", "timeout"))
    result = {
        "backend": args.backend,
        "seconds": args.seconds,
        "connections": args.connections,
        "pages": paths,
        "requests": totals["requests"],
        "rps": round(totals["requests"] / (totals["duration_us"] / 1e6), 1),
        "p50_ms": round(totals["p50"] / 1000, 1),
        "p90_ms": round(totals["p90"] / 1000, 1),
        "p99_ms": round(totals["p99"] / 1000, 1),
        "max_ms": round(totals["max"] / 1000, 1),
        "non2xx": totals["non2xx"],
        "socket_errors": socket_errors,
        "server_log_errors": len(server_errors),
        "imported_during_load": during,
        "import_exit": importer.returncode,
        "import_seconds": round(import_seconds, 1),
        "database_locked": "database is locked" in import_err,
        "load_average": os.getloadavg()[0],
    }
    result["passed"] = (
        result["non2xx"] == 0
        and socket_errors == 0
        and not server_errors
        and result["import_exit"] == 0
        and not result["database_locked"]
    )
    return result


def record(results: list[dict[str, Any]]) -> None:
    now = dt.datetime.now(tz=dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## Load",
        "",
        f"Measured by `bench/load.py` on {now} ({os.cpu_count()} CPUs, shared). gunicorn with 2 "
        "sync workers on loopback (`bench.settings`: production settings without the HTTPS "
        "redirect), `wrk -t2` over the pages below in turn, while `import_articles` imports a "
        "generated corpus into the same database. Pass = zero non-2xx, zero socket errors, no "
        'error in gunicorn\'s log, and the import exits 0 without "database is locked".',
        "",
        "| backend | seconds | connections | requests | req/s | p50 ms | p90 ms | p99 ms | "
        "max ms | non-2xx | socket errors | log errors | imported during load | import exit | "
        "import s | load avg | pass |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['seconds']} | {r['connections']} | {r['requests']} | "
            f"{r['rps']} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['max_ms']} | "
            f"{r['non2xx']} | {r['socket_errors']} | {r['server_log_errors']} | "
            f"{r['imported_during_load']} | {r['import_exit']} | {r['import_seconds']} | "
            f"{r['load_average']:.1f} | {'yes' if r['passed'] else 'NO'} |"
        )
    lines += ["", "Pages: " + ", ".join(f"`{p}`" for p in results[0]["pages"]), ""]
    section = "\n".join(lines) + "\n"
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"^## Load\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    results = []
    for backend in backends:
        args.backend = backend
        results.append(run(args))
        print(json.dumps(results[-1]), flush=True)
    if not args.no_record:
        record(results)
    if not all(r["passed"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
