"""``make bench``: import and page costs, side by side with Django's own floor.

In:  ``--sizes 1000,10000`` (articles per run; ``--sizes 1000,10000,50000`` for
     the full growth run), ``--backends sqlite,postgres``.
Out: progress on stderr, one summary line on stdout, and ``bench/RESULTS.md``
     (machine, date, database versions, every figure, targets met or missed).
     A ``## Load`` section already in RESULTS.md is kept as it is.
Guarantees: every size on every backend starts from a fresh database
     (``bench/work/kb_<size>.sqlite3``; ``kb_bench_<size>`` on PostgreSQL),
     and every figure printed was measured in this run.

For each size and backend it measures:

- import: ``manage.py import_articles`` on the generated corpus (wall time,
  articles/s, MB/s, peak RSS via ``/usr/bin/time -v``), then the floor:
  ``dumpdata`` of exactly the tables the import wrote into a second fresh
  database with ``loaddata``, timed the same way;
- the pipeline alone (``kb.pipeline.extract``, CPU time in one process);
- pages in-process (``django.test.Client``, warm, with query counts) and
  through gunicorn (2 workers, loopback) with ``wrk --latency``, each against
  ``/bench/floor/``: a bare view behind the same middleware and server.

Long runs: ``--floor-max N`` skips the loaddata floor above N articles (it is
as slow as the import itself); every run also writes its raw figures next to
the report (``RESULTS.json``), after each size, so ``--combine A.json B.json``
can join runs made side by side (one per backend) into one report, and
``--floor-only``, ``--pages-only`` or ``--pipeline-only`` measure that part
again later, on the databases a ``--keep`` run left, keeping the other figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
PY = sys.executable
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
RESULTS = BENCH / "RESULTS.md"

# Tables the import never writes, whatever their row counts say.
NOT_IMPORTED_APPS = {"contenttypes", "auth", "sessions", "admin", "axes"}
PAGES = [
    "home",
    "article list",
    "article",
    "most-mentioned actor",
    "country",
    "claim list",
    "claim",
    "tag",
    "search",
]
# The issue's targets; never loosened here.
IMPORT_RATIO_MAX = 1.5
RSS_MAX_MB = 300
PIPELINE_MIN_MB_S = 1.0
QUERIES_MAX = 15
MEDIAN_RATIO_MAX = 20
P95_MAX_MS = 50
# "Flat" and "linear": the largest size may cost at most this much more per
# article (import) or per page than the smallest.
GROWTH_TOLERANCE = 1.25

_T0 = time.monotonic()


def log(message: str) -> None:
    print(f"[bench {time.monotonic() - _T0:7.1f}s] {message}", file=sys.stderr, flush=True)


def env_for(db_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DJANGO_DEBUG", None)
    env.update(
        DATABASE_URL=db_url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(ROOT),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def run(
    cmd: list[str], db_url: str, extra_env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    env = {**env_for(db_url), **(extra_env or {})}
    result = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode != 0:
        raise SystemExit(
            f"command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr[-3000:]}"
        )
    return result


def worker(db_url: str, *args: str, extra_env: dict[str, str] | None = None) -> Any:
    return json.loads(run([PY, str(BENCH / "worker.py"), *args], db_url, extra_env).stdout)


def timed(cmd: list[str], db_url: str) -> dict[str, float]:
    """Wall time and peak RSS of one command, as /usr/bin/time -v reports it."""
    # One report per run: two runs (one per backend) may go side by side.
    report = WORK / f"time-{os.getpid()}.txt"
    t0 = time.perf_counter()
    run(["/usr/bin/time", "-v", "-o", str(report), *cmd], db_url)
    wall = time.perf_counter() - t0
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
    return {"wall_s": wall, "rss_mb": int(match.group(1)) / 1024 if match else float("nan")}


# -- databases -------------------------------------------------------------


def db_url(backend: str, name: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{WORK / name}.sqlite3"
    return f"{PG_SERVER}/{name}"


def fresh_db(backend: str, name: str) -> str:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{WORK / name}.sqlite3{suffix}").unlink(missing_ok=True)
    else:
        drop_db(backend, name)
        with _pg_admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    return db_url(backend, name)


def drop_db(backend: str, name: str) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{WORK / name}.sqlite3{suffix}").unlink(missing_ok=True)
        return
    with _pg_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_admin() -> Any:
    import psycopg

    return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True)


def db_versions(backends: list[str]) -> dict[str, str]:
    versions = {}
    if "sqlite" in backends:
        versions["sqlite"] = f"SQLite {sqlite3.sqlite_version}"
    if "postgres" in backends:
        with _pg_admin() as conn:
            row = conn.execute("SHOW server_version").fetchone()
        versions["postgres"] = f"PostgreSQL {row[0] if row else '?'}"
    return versions


def migrate(url: str) -> None:
    run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], url)


# -- corpus and import -----------------------------------------------------


def corpus(size: int) -> tuple[Path, int]:
    out = WORK / f"corpus-{size}"
    stamp = out / ".complete"
    if not stamp.exists():
        log(f"generating {size} articles in {out.relative_to(ROOT)}")
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [PY, str(BENCH / "make_corpus.py"), "--articles", str(size), "--out", str(out)],
            check=True,
        )
        stamp.touch()
    nbytes = sum(p.stat().st_size for p in out.rglob("*.txt"))
    return out, nbytes


def measure_import(
    backend: str, size: int, path: Path, nbytes: int, floor: bool = True
) -> tuple[str, dict]:
    name = f"kb_bench_{size}"
    url = fresh_db(backend, name)
    migrate(url)
    before = worker(url, "counts")
    log(f"{backend} {size}: import_articles ...")
    imp = timed(
        [PY, "manage.py", "import_articles", str(path), "--quiet", "--tag", "venezuela"], url
    )
    after = worker(url, "counts")
    written = {
        label: after[label] - before.get(label, 0)
        for label in after
        if after[label] > before.get(label, 0)
        and label.split(".")[0].lower() not in NOT_IMPORTED_APPS
    }
    log(
        f"{backend} {size}: imported in {imp['wall_s']:.1f}s, "
        f"{size / imp['wall_s']:.0f} articles/s, peak RSS {imp['rss_mb']:.0f} MB"
    )
    if not floor:
        log(f"{backend} {size}: loaddata floor skipped (--floor-max)")
        return url, _import_result(size, nbytes, imp, written, 0, None)
    load, codes = measure_floor(backend, size, url, written)
    result = _import_result(size, nbytes, imp, written, codes, load)
    log(
        f"{backend} {size}: loaddata of the same {result['rows']} rows in {load['wall_s']:.1f}s; "
        f"import/loaddata = {result['ratio']:.2f}"
    )
    return url, result


def measure_floor(backend: str, size: int, url: str, written: dict) -> tuple[dict, int]:
    """Django's loaddata of the rows the import wrote to ``url``: (timing, countries updated)."""
    # The floor: the same rows through Django's own fixture loader.
    dump = WORK / f"dump-{backend}-{size}.jsonl"
    fixtures = [str(dump)]
    run(
        [
            PY,
            "manage.py",
            "dumpdata",
            *written,
            "--format",
            "jsonl",
            "--natural-foreign",
            "-o",
            str(dump),
        ],
        url,
    )
    # The import also updates the mention counts of existing countries.
    codes = worker(url, "countries")
    if codes:
        countries = WORK / f"dump-{backend}-{size}-countries.jsonl"
        run(
            [
                PY,
                "manage.py",
                "dumpdata",
                "entities.Country",
                "--pks",
                ",".join(codes),
                "--format",
                "jsonl",
                "-o",
                str(countries),
            ],
            url,
        )
        fixtures.append(str(countries))
    floor_name = f"kb_bench_{size}_floor"
    floor_url = fresh_db(backend, floor_name)
    migrate(floor_url)
    log(f"{backend} {size}: loaddata (floor) ...")
    load = timed([PY, "manage.py", "loaddata", *fixtures], floor_url)
    drop_db(backend, floor_name)
    for fixture in fixtures:
        Path(fixture).unlink(missing_ok=True)
    return load, len(codes)


def _import_result(
    size: int, nbytes: int, imp: dict, written: dict, countries: int, load: dict | None
) -> dict:
    return {
        "articles": size,
        "mb": nbytes / 1e6,
        "wall_s": imp["wall_s"],
        "articles_per_s": size / imp["wall_s"],
        "mb_per_s": nbytes / 1e6 / imp["wall_s"],
        "rss_mb": imp["rss_mb"],
        "rows": sum(written.values()) + countries,
        "tables": {**written, **({"entities.Country (updated)": countries} if countries else {})},
        "loaddata_s": load["wall_s"] if load else None,
        "loaddata_rss_mb": load["rss_mb"] if load else None,
        "ratio": imp["wall_s"] / load["wall_s"] if load else None,
    }


# -- pages -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> bool:
    if shutil.which("wrk"):
        return True
    log("wrk is missing: installing Debian's package (apt-get install -y wrk) ...")
    cmds = [["apt-get", "install", "-y", "-qq", "wrk"], ["apt-get", "update", "-qq"]]
    for cmd in (cmds[0], cmds[1], cmds[0]):
        if subprocess.run(cmd, capture_output=True, check=False).returncode == 0 and shutil.which(
            "wrk"
        ):
            return True
    log("could not install wrk (need root and Debian's apt); gunicorn figures are skipped")
    return False


def measure_gunicorn(url: str, pages: dict[str, str], seconds: int) -> dict[str, Any]:
    port = free_port()
    cmd = [
        str(Path(PY).parent / "gunicorn"),
        "kb.wsgi:application",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(cmd, cwd=ROOT, env=env_for(url), stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {}
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/bench/floor/", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("gunicorn did not start")
        for name, path in pages.items():
            for _ in range(4):  # warm both workers
                with urllib.request.urlopen(base + path, timeout=30):
                    pass
            out = subprocess.run(
                [
                    "wrk",
                    "-t1",
                    "-c2",
                    f"-d{seconds}s",
                    "--latency",
                    "-s",
                    str(BENCH / "wrk_report.lua"),
                    base + path,
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            line = next(ln for ln in out.splitlines() if ln.startswith("WRKJSON "))
            data = json.loads(line[len("WRKJSON ") :])
            results[name] = {
                "median_ms": data["p50"] / 1000,
                "p95_ms": data["p95"] / 1000,
                "p99_ms": data["p99"] / 1000,
                "rps": data["requests"] / (data["duration_us"] / 1e6),
                "non2xx": data["non2xx"],
                "errors": data["errors"],
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def measure_pages(backend: str, size: int, url: str, args: argparse.Namespace) -> dict[str, Any]:
    if backend == "postgres":
        # Autovacuum would analyze the freshly imported tables within minutes;
        # without statistics the planner takes them for empty and scans them.
        import psycopg

        log(f"{backend} {size}: VACUUM ANALYZE (what autovacuum does after a bulk load)")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
    picked = worker(url, "urls")
    log(f"{backend} {size}: pages in-process ...")
    inproc = worker(
        url, "pages", "--urls", json.dumps(picked["urls"]), "--seconds", str(args.page_seconds)
    )
    for name, row in inproc.items():
        if "skipped" in row:
            log(f"{backend} {size}:   {name:22} skipped ({row['url']}: {row['skipped']})")
        else:
            log(
                f"{backend} {size}:   {name:22} median {row['median_ms']:7.2f} ms  "
                f"p95 {row['p95_ms']:7.2f} ms  {row['queries']:3} queries  {row['url']}"
            )
    # The same pages rendered afresh every time (page cache off): what a cache
    # miss costs, right after a write.
    log(f"{backend} {size}: pages in-process, page cache off ...")
    uncached = worker(
        url,
        "pages",
        "--urls",
        json.dumps(picked["urls"]),
        "--seconds",
        str(args.page_seconds),
        extra_env={"KB_PAGE_CACHE": ""},
    )
    for name, row in uncached.items():
        if name in inproc and "skipped" not in row:
            inproc[name]["uncached_median_ms"] = row["median_ms"]
            inproc[name]["uncached_p95_ms"] = row["p95_ms"]
            inproc[name]["uncached_queries"] = row["queries"]
    live = {n: r["url"] for n, r in inproc.items() if "skipped" not in r}
    http: dict[str, Any] = {}
    if args.wrk:
        log(f"{backend} {size}: pages through gunicorn + wrk ({len(live)} URLs) ...")
        http = measure_gunicorn(url, live, args.wrk_seconds)
        for name, row in http.items():
            log(
                f"{backend} {size}:   {name:22} median {row['median_ms']:7.2f} ms  "
                f"p95 {row['p95_ms']:7.2f} ms  {row['rps']:6.0f} req/s"
            )
    return {"notes": picked["notes"], "inproc": inproc, "http": http}


# -- report ----------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "python": platform.python_version(),
    }


def targets(
    results: dict[str, Any], sizes: list[int], backends: list[str], pipeline: dict[int, Any]
) -> list[tuple]:
    """(target, where, measured, met) for every target the issue sets."""
    rows: list[tuple[str, str, str, bool | None]] = []
    big, small = max(sizes), min(sizes)
    for size in sizes:
        if size in pipeline:
            speed = pipeline[size]["mb_per_s_per_core"]
            rows.append(
                (
                    f"pipeline ≥ {PIPELINE_MIN_MB_S} MB/s per core",
                    f"{size} articles",
                    f"{speed:.2f} MB/s",
                    speed >= PIPELINE_MIN_MB_S,
                )
            )
    for backend in backends:
        r = results[backend]
        for size in sizes:
            imp = r[size]["import"]
            rows.append(
                (
                    f"import ≤ {IMPORT_RATIO_MAX}x loaddata",
                    f"{backend} {size}",
                    f"{fmt(imp['ratio'])}x" if imp["ratio"] is not None else "not measured",
                    imp["ratio"] <= IMPORT_RATIO_MAX if imp["ratio"] is not None else None,
                )
            )
        rss = r[big]["import"]["rss_mb"]
        rows.append(
            (f"peak RSS ≤ {RSS_MAX_MB} MB", f"{backend} {big}", f"{rss:.0f} MB", rss <= RSS_MAX_MB)
        )
        if big != small:
            grow = rss / r[small]["import"]["rss_mb"]
            rows.append(
                (
                    f"peak RSS flat (≤ {GROWTH_TOLERANCE}x from {small} to {big})",
                    backend,
                    f"{grow:.2f}x",
                    grow <= GROWTH_TOLERANCE,
                )
            )
            per = [r[s]["import"]["wall_s"] / s for s in (small, big)]
            rows.append(
                (
                    f"import linear (time/article ≤ {GROWTH_TOLERANCE}x from {small} to {big})",
                    backend,
                    f"{per[0] * 1000:.1f} → {per[1] * 1000:.1f} ms/article",
                    per[1] / per[0] <= GROWTH_TOLERANCE,
                )
            )
        for size in sizes:
            pages = r[size]["pages"]
            inproc, http = pages["inproc"], pages["http"]
            floor = inproc.get("floor", {}).get("median_ms")
            for name in PAGES:
                row = inproc.get(name, {})
                where = f"{backend} {size} {name}"
                if "skipped" in row or not row:
                    rows.append(("page measured", where, row.get("skipped", "-"), None))
                    continue
                rows.append(
                    (
                        f"queries ≤ {QUERIES_MAX}",
                        where,
                        str(row["queries"]),
                        row["queries"] <= QUERIES_MAX,
                    )
                )
                if floor:
                    ratio = row["median_ms"] / floor
                    rows.append(
                        (
                            f"median ≤ {MEDIAN_RATIO_MAX}x bare view (in-process)",
                            where,
                            f"{ratio:.1f}x",
                            ratio <= MEDIAN_RATIO_MAX,
                        )
                    )
                if name == "search" and "uncached_p95_ms" in row:
                    # Readers type new queries: a search is a cache miss far more
                    # often than any other page, so its target is held uncached.
                    p95 = row["uncached_p95_ms"]
                    rows.append(
                        (
                            f"search p95 ≤ {P95_MAX_MS} ms, a new query (uncached, in-process)",
                            where,
                            f"{p95:.1f} ms",
                            p95 <= P95_MAX_MS,
                        )
                    )
                if name in http:
                    p95 = http[name]["p95_ms"]
                    rows.append(
                        (
                            f"p95 ≤ {P95_MAX_MS} ms (gunicorn)",
                            where,
                            f"{p95:.1f} ms",
                            p95 <= P95_MAX_MS,
                        )
                    )
    return rows


def times(ratio: float | None) -> str:
    return "not measured" if ratio is None else f"{ratio:.2f}x"


def fmt(value: Any, spec: str = ".2f") -> str:
    if value is None:
        return "-"
    return format(value, spec)


def write_results(
    results: dict[str, Any],
    sizes: list[int],
    backends: list[str],
    pipeline: dict[int, Any],
    info: dict[str, Any],
    checks: list[tuple],
) -> None:
    m = info["machine"]
    lines = [
        "# Benchmark results",
        "",
        "Measured by `make bench` (`bench/run.py`); every figure below comes from the run "
        f"described here (sizes {', '.join(map(str, sizes))}). Re-run with `make bench` "
        '(1k and 10k) or `make bench BENCH_ARGS="--sizes 1000,10000,50000"`.',
        "",
        "| | |",
        "|---|---|",
        f"| date | {info['date']} |",
        *(
            [f"| pages measured again | {info['pages_measured']} (`--pages-only`) |"]
            if "pages_measured" in info
            else []
        ),
        f"| machine | {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM |",
        f"| Python | {m['python']} |",
        *[f"| {b} | {v} |" for b, v in info["versions"].items()],
        f"| command | `{info['command']}` |",
        f"| run time | {info['elapsed_s']:.0f} s |",
        f"| load average (1 min) at start / end | {info['load_start']} / {info['load_end']} |",
        "",
        "## Import",
        "",
        "`import_articles` (one process, pipeline + writes) against the floor: Django's "
        "`loaddata` of a `dumpdata --format jsonl` of exactly the tables the import wrote, "
        "into a fresh migrated database. Wall time includes Django's start-up for both.",
        "",
        "| backend | articles | MB | import s | articles/s | MB/s | peak RSS MB | rows written "
        "| loaddata s | loaddata RSS MB | import / loaddata |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for backend in backends:
        for size in sizes:
            i = results[backend][size]["import"]
            lines.append(
                f"| {backend} | {size} | {i['mb']:.1f} | {i['wall_s']:.1f} | "
                f"{i['articles_per_s']:.0f} | {i['mb_per_s']:.2f} | {i['rss_mb']:.0f} | "
                f"{i['rows']} | {fmt(i['loaddata_s'], '.1f')} | {fmt(i['loaddata_rss_mb'], '.0f')}"
                f" | {times(i['ratio'])} |"
            )
    lines += ["", "Rows the import wrote, per table (largest size):", ""]
    for backend in backends:
        tables = results[backend][max(sizes)]["import"]["tables"]
        lines.append(
            f"- {backend}: " + ", ".join(f"{label} {n}" for label, n in sorted(tables.items()))
        )
    lines += [
        "",
        "## Pipeline alone",
        "",
        "`kb.pipeline.extract` over the corpus in one process, CPU time, with the snapshot "
        "the importer would pass (known actors from the database the import wrote).",
        "",
        "| articles | MB | CPU s | MB/s per core | known actors |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        p = pipeline[size]
        lines.append(
            f"| {size} | {p['bytes'] / 1e6:.1f} | {p['cpu_s']:.2f} | "
            f"{fmt(p['mb_per_s_per_core'])} | {p['known_actors']} |"
        )
    lines += [
        "",
        "## Pages",
        "",
        "In-process: `django.test.Client`, warm, DEBUG off, same middleware; queries counted "
        "with `CaptureQueriesContext`. Through gunicorn: 2 sync workers on loopback, "
        "`wrk -t1 -c2 --latency` for a few seconds per page. Ratios are to `/bench/floor/`, a "
        "bare view behind the same middleware and server (`bench/urls.py`).",
        "",
    ]
    for backend in backends:
        for size in sizes:
            pages = results[backend][size]["pages"]
            inproc, http = pages["inproc"], pages["http"]
            floor = inproc.get("floor", {})
            floor_http = http.get("floor", {})
            lines += [
                f"### {backend}, {size} articles",
                "",
                "| page | URL | queries | median ms | p95 ms | x floor | gunicorn median ms "
                "| gunicorn p95 ms | x floor | req/s | uncached median ms | uncached p95 ms "
                "| uncached queries |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
            for name in ["floor", *PAGES]:
                row = inproc.get(name, {})
                if not row or "skipped" in row:
                    lines.append(
                        f"| {name} | {row.get('url') or '-'} | skipped: "
                        f"{row.get('skipped', 'not measured')} | | | | | | | | | | |"
                    )
                    continue
                h = http.get(name, {})
                ratio = row["median_ms"] / floor["median_ms"] if floor.get("median_ms") else None
                h_ratio = (
                    h["median_ms"] / floor_http["median_ms"]
                    if h and floor_http.get("median_ms")
                    else None
                )
                lines.append(
                    f"| {name} | `{row['url']}` | {row['queries']} | {row['median_ms']:.2f} | "
                    f"{row['p95_ms']:.2f} | {fmt(ratio, '.1f')} | {fmt(h.get('median_ms'))} | "
                    f"{fmt(h.get('p95_ms'))} | {fmt(h_ratio, '.1f')} | "
                    f"{fmt(h.get('rps'), '.0f')} | "
                    f"{fmt(row.get('uncached_median_ms'))} | {fmt(row.get('uncached_p95_ms'))} | "
                    f"{row.get('uncached_queries', '-')} |"
                )
            for key, note in pages["notes"].items():
                lines.append(f"\n{key}: {note}")
            lines.append("")
    lines += [
        "## Targets",
        "",
        "The issue's targets are for 50k articles; sizes below that show the trend.",
        "",
        "| target | where | measured | met |",
        "|---|---|---|---|",
    ]
    for target, where, measured, met in checks:
        verdict = "n/a" if met is None else ("met" if met else "**missed**")
        lines.append(f"| {target} | {where} | {measured} | {verdict} |")
    lines.append("")
    kept = _kept_sections()
    if kept:
        lines += ["", kept.rstrip(), ""]
    RESULTS.write_text("\n".join(lines))


def _kept_sections() -> str:
    """Hand-written sections kept verbatim: ``## Findings`` and the load test's ``## Load``."""
    if not RESULTS.exists():
        return ""
    text = RESULTS.read_text()
    kept = [
        match.group(0).rstrip() + "\n"
        for title in ("Findings", "Load")
        if (match := re.search(rf"^## {title}\b.*?(?=^## |\Z)", text, re.M | re.S))
    ]
    return "\n".join(kept)


def main(argv: list[str] | None = None) -> int:
    global RESULTS
    parser = argparse.ArgumentParser(description="Import and page benchmark (issue 6).")
    parser.add_argument(
        "--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)"
    )
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--page-seconds", type=float, default=1.5, help="per page, in-process")
    parser.add_argument("--wrk-seconds", type=int, default=3, help="per page, through gunicorn")
    parser.add_argument("--no-wrk", dest="wrk", action="store_false")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="where to write the Markdown report"
    )
    parser.add_argument(
        "--floor-max",
        type=int,
        help="measure the loaddata floor only up to this many articles (it is slow)",
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="measure the pages again on the databases an earlier --keep run left, "
        "keeping its import figures (after a change to the pages)",
    )
    parser.add_argument(
        "--floor-only",
        action="store_true",
        help="measure the loaddata floor an earlier --keep --floor-max run skipped, "
        "from the rows its import wrote",
    )
    parser.add_argument(
        "--pipeline-only",
        action="store_true",
        help="measure the pipeline alone again (after a change to it), on a --keep run's data",
    )
    parser.add_argument(
        "--combine",
        nargs="+",
        type=Path,
        metavar="JSON",
        help="write one report from the raw results of earlier runs (say, one per backend)",
    )
    args = parser.parse_args(argv)
    RESULTS = args.results.resolve()
    if args.combine:
        return combine(args.combine)
    for part in ("pages", "floor", "pipeline"):
        if getattr(args, f"{part}_only"):
            return measure_again(args, part)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    backends = [b.strip() for b in args.backends.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    if args.wrk:
        args.wrk = ensure_wrk()
    info = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        # Other work on the machine inflates every figure; the load says how much.
        "load_start": f"{os.getloadavg()[0]:.1f}",
        "versions": db_versions(backends),
        "command": "bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    log(f"sizes {sizes} on {backends}; {info['machine']['nproc']} CPUs, {info['machine']['cpu']}")
    results: dict[str, dict[int, Any]] = {b: {} for b in backends}
    pipeline: dict[int, Any] = {}
    for size in sizes:
        path, nbytes = corpus(size)
        for backend in backends:
            floor = args.floor_max is None or size <= args.floor_max
            url, imp = measure_import(backend, size, path, nbytes, floor)
            if size not in pipeline:
                log(f"{size}: pipeline alone ...")
                pipeline[size] = worker(url, "pipeline", str(path))
                log(f"{size}: pipeline {fmt(pipeline[size]['mb_per_s_per_core'])} MB/s per core")
            pages = measure_pages(backend, size, url, args)
            results[backend][size] = {"import": imp, "pages": pages}
            if not args.keep:
                drop_db(backend, f"kb_bench_{size}")
            # Saved as each size finishes: a long run that dies still leaves its figures.
            save_raw(results, sizes, backends, pipeline, info)
    info["elapsed_s"] = time.monotonic() - _T0
    info["load_end"] = f"{os.getloadavg()[0]:.1f}"
    save_raw(results, sizes, backends, pipeline, info)
    return report(results, sizes, backends, pipeline, info)


def measure_again(args: argparse.Namespace, part: str) -> int:
    """One part (pages, floor or pipeline) measured again on a ``--keep`` run's databases;
    every other figure is kept from that run's raw results."""
    raw = json.loads(RESULTS.with_suffix(".json").read_text())
    results = {b: {int(k): v for k, v in by_size.items()} for b, by_size in raw["results"].items()}
    pipeline = {int(k): v for k, v in raw["pipeline"].items()}
    info = raw["info"]
    sizes = [int(s) for s in args.sizes.split(",")]
    backends = [b.strip() for b in args.backends.split(",") if b.strip() in results]
    for size in sizes:
        if part == "pipeline":
            path, _ = corpus(size)
            log(f"{size}: pipeline alone ...")
            url = db_url(backends[0], f"kb_bench_{size}")
            pipeline[size] = worker(url, "pipeline", str(path))
            log(f"{size}: pipeline {fmt(pipeline[size]['mb_per_s_per_core'])} MB/s per core")
            continue
        for backend in backends:
            url = db_url(backend, f"kb_bench_{size}")
            if part == "pages":
                migrate(url)  # a page change may come with an index
                results[backend][size]["pages"] = measure_pages(backend, size, url, args)
            else:
                _floor_again(backend, size, url, results[backend][size]["import"])
    if part == "pages":
        info["pages_measured"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    info["command"] += "; then bench/run.py " + " ".join(sys.argv[1:])
    save_raw(results, raw["sizes"], list(results), pipeline, info)
    return report(results, raw["sizes"], list(results), pipeline, info)


def _floor_again(backend: str, size: int, url: str, imp: dict) -> None:
    written = {k: v for k, v in imp["tables"].items() if "(" not in k}
    load, codes = measure_floor(backend, size, url, written)
    if codes:
        imp["tables"]["entities.Country (updated)"] = codes
    imp["rows"] = sum(written.values()) + codes
    imp.update(loaddata_s=load["wall_s"], loaddata_rss_mb=load["rss_mb"])
    imp["ratio"] = imp["wall_s"] / load["wall_s"]
    log(f"{backend} {size}: loaddata {load['wall_s']:.1f}s; x{imp['ratio']:.2f}")


def save_raw(
    results: dict, sizes: list[int], backends: list[str], pipeline: dict, info: dict
) -> None:
    raw = {"results": results, "sizes": sizes, "backends": backends, "pipeline": pipeline}
    RESULTS.with_suffix(".json").write_text(json.dumps({**raw, "info": info}, indent=1))


def combine(paths: list[Path]) -> int:
    """One report from several runs' raw results, e.g. SQLite and PostgreSQL run side by side."""
    results: dict[str, dict[int, Any]] = {}
    pipeline: dict[int, Any] = {}
    sizes: set[int] = set()
    runs = []
    for path in paths:
        raw = json.loads(path.read_text())
        for backend, by_size in raw["results"].items():
            results.setdefault(backend, {}).update({int(k): v for k, v in by_size.items()})
            sizes.update(int(k) for k in by_size)
        pipeline.update({int(k): v for k, v in raw["pipeline"].items()})
        runs.append(raw["info"])
    info = dict(runs[0])
    info["command"] = "; ".join(run["command"] for run in runs) + " (run side by side)"
    info["elapsed_s"] = max(run.get("elapsed_s", 0) for run in runs)
    info["load_start"] = " / ".join(run["load_start"] for run in runs)
    info["load_end"] = " / ".join(run.get("load_end", "?") for run in runs)
    for run in runs[1:]:
        info["versions"] = {**info["versions"], **run["versions"]}
    backends = list(results)
    # Only sizes every backend reached are compared.
    common = sorted(s for s in sizes if all(s in results[b] for b in backends))
    return report(results, common, backends, pipeline, info)


def report(results: dict, sizes: list[int], backends: list[str], pipeline: dict, info: dict) -> int:
    checks = targets(results, sizes, backends, pipeline)
    write_results(results, sizes, backends, pipeline, info, checks)
    missed = [c for c in checks if c[3] is False]
    skipped = sorted({c[1] for c in checks if c[3] is None and c[0] == "page measured"})
    unmeasured = len([c for c in checks if c[3] is None and c[0] != "page measured"])
    big = max(sizes)
    parts = [
        f"{b} {big}: import {results[b][big]['import']['articles_per_s']:.0f} art/s "
        f"({times(results[b][big]['import']['ratio'])} loaddata, "
        f"{results[b][big]['import']['rss_mb']:.0f} MB)"
        for b in backends
    ]
    print(
        f"bench: {'; '.join(parts)}; pipeline {fmt(pipeline[big]['mb_per_s_per_core'])} MB/s/core;"
        f" targets {len([c for c in checks if c[3]])} met, {len(missed)} missed"
        f"{f', {unmeasured} not measured' if unmeasured else ''}"
        f"{', pages skipped: ' + ', '.join(skipped) if skipped else ''}"
        f" -> {os.path.relpath(RESULTS, ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
