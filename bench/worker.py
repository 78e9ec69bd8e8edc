"""The benchmark's in-database steps, run as a subprocess per database.

``bench/run.py`` starts this with ``DJANGO_SETTINGS_MODULE=bench.settings`` and
``DATABASE_URL`` naming one benchmark database, so each database gets a fresh
Django. Each subcommand prints one JSON document on stdout:

- ``counts``: rows per model (to find exactly the tables an import wrote);
- ``urls``: the pages to measure, picked from what the database holds;
- ``pages``: median/p95 latency and query count of each page, in-process;
- ``pipeline DIR``: ``kb.pipeline.extract`` alone over a corpus, MB/s per core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def countries_mentioned() -> list[str]:
    from kb.entities.models import Country

    return list(Country.objects.filter(mention_count__gt=0).values_list("pk", flat=True))


def pick_urls() -> dict[str, Any]:
    """The pages of the issue, each chosen as a reader would reach it."""
    from django.db.models import Count
    from taggit.models import Tag

    from kb.articles.models import Article, Mention
    from kb.claims.models import Claim
    from kb.entities.models import Actor, Country

    urls: dict[str, str | None] = {
        "floor": "/bench/floor/",
        "home": "/",
        "article list": "/articles/",
    }
    notes: dict[str, str] = {}
    n_articles = Article.objects.count()
    middle = Article.objects.order_by("pk").values_list("slug", flat=True)[n_articles // 2 :][:1]
    urls["article"] = f"/articles/{middle[0]}/" if middle else None
    actor = Actor.objects.active().order_by("-mention_count", "pk").first()
    if actor is not None:
        in_articles = Mention.objects.filter(actor=actor).values("article").distinct().count()
        notes["actor"] = f"{actor.name}: in {in_articles} of {n_articles} articles"
        urls["most-mentioned actor"] = f"/actors/{actor.slug}/"
    else:
        urls["most-mentioned actor"] = None
    country = Country.objects.order_by("-mention_count", "pk").first()
    urls["country"] = f"/countries/{country.pk.lower()}/" if country else "/countries/ve/"
    if country is not None:
        notes["country"] = f"{country.name}: {country.mention_count} mentions"
    urls["claim list"] = "/claims/"
    claim = Claim.objects.order_by("pk").values_list("pk", flat=True)[Claim.objects.count() // 2 :][
        :1
    ]
    urls["claim"] = f"/claims/{claim[0]}/" if claim else None
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n", "pk").first()
    urls["tag"] = f"/tags/{tag.slug}/" if tag else None
    term = actor.name.split()[-1] if actor is not None else "Venezuela"
    urls["search"] = f"/search/?q={term}"
    return {"urls": urls, "notes": notes}


def measure_pages(urls: dict[str, str | None], *, seconds: float) -> dict[str, Any]:
    """In-process, warm: the same Client and connection for every request."""
    # A page that errors is reported as skipped, not allowed to stop the run:
    # the site is still being written.
    client = Client(raise_request_exception=False)
    results: dict[str, Any] = {}
    for name, url in urls.items():
        if url is None:
            results[name] = {"url": None, "skipped": "nothing to show in this database"}
            continue
        status = [client.get(url).status_code for _ in range(3)][-1]
        if status != 200:
            results[name] = {"url": url, "skipped": f"HTTP {status}"}
            continue
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        # Read now: the next request resets the connection's query log.
        queries = len(ctx.captured_queries)
        times: list[float] = []
        deadline = time.perf_counter() + seconds
        while len(times) < 15 or (time.perf_counter() < deadline and len(times) < 2000):
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        results[name] = {
            "url": url,
            "queries": queries,
            "n": len(times),
            "median_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        }
    return results


def pipeline(corpus: Path) -> dict[str, Any]:
    """CPU time of ``extract`` alone, given the snapshot the importer would pass."""
    from kb.ingest.snapshot import SnapshotIndex
    from kb.pipeline import extract

    index = SnapshotIndex.load()
    total_bytes, cpu, files = 0, 0.0, 0
    for path in sorted(corpus.rglob("*.txt")):
        raw = path.read_text("utf-8")
        snapshot = index.for_text(raw)
        t0 = time.process_time()
        extract(raw, snapshot)
        cpu += time.process_time() - t0
        total_bytes += len(raw.encode("utf-8"))
        files += 1
    return {
        "files": files,
        "bytes": total_bytes,
        "cpu_s": cpu,
        "mb_per_s_per_core": total_bytes / 1e6 / cpu if cpu else None,
        "known_actors": len(index),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("counts")
    sub.add_parser("countries")
    sub.add_parser("urls")
    pages = sub.add_parser("pages")
    pages.add_argument("--urls", required=True, help="JSON {name: url}")
    pages.add_argument("--seconds", type=float, default=1.5)
    pipe = sub.add_parser("pipeline")
    pipe.add_argument("corpus", type=Path)
    args = parser.parse_args()
    if args.cmd == "counts":
        out: Any = counts()
    elif args.cmd == "countries":
        out = countries_mentioned()
    elif args.cmd == "urls":
        out = pick_urls()
    elif args.cmd == "pages":
        out = measure_pages(json.loads(args.urls), seconds=args.seconds)
    else:
        out = pipeline(args.corpus)
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
