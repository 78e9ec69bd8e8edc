"""Article-level bookkeeping shared by the importer and the editors' desk.

``refresh_mention_counts(actor_ids=..., country_codes=...)`` recounts accepted
(not rejected) mentions for the given actors and countries and stores the
result on ``Actor.mention_count`` / ``Country.mention_count``. It issues at most
two UPDATE queries, whatever the number of rows, and must be called inside the
transaction that changed the mentions so that readers never see a stale count.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from kb.articles.models import Mention
from kb.entities.models import Actor, Country

# One advisory lock for every workflow that decides which actor rows point at:
# an import's article transaction, and a merge or its undo. Taken inside the
# transaction, released at commit. SQLite needs none: its IMMEDIATE
# transactions already hold the single write lock from the start.
_ACTOR_LINKING_LOCK = 0x6B6231  # "kb1"


def take_actor_linking_lock() -> None:
    """Serialise, on PostgreSQL, the transactions that link rows to actors."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ACTOR_LINKING_LOCK])


def refresh_mention_counts(
    *, actor_ids: Iterable[int | None] = (), country_codes: Iterable[str | None] = ()
) -> None:
    """Recount accepted mentions for these actors and countries (two UPDATE queries)."""
    ids = [pk for pk in actor_ids if pk is not None]
    codes = [code for code in country_codes if code is not None]
    accepted = Mention.objects.exclude(status=Mention.Status.REJECTED)
    if ids:
        count = (
            accepted.filter(actor=OuterRef("pk"))
            .order_by()
            .values("actor")
            .annotate(n=Count("pk"))
            .values("n")
        )
        Actor.objects.filter(pk__in=ids).update(mention_count=Coalesce(Subquery(count), 0))
    if codes:
        count = (
            accepted.filter(country=OuterRef("pk"))
            .order_by()
            .values("country")
            .annotate(n=Count("pk"))
            .values("n")
        )
        Country.objects.filter(pk__in=codes).update(mention_count=Coalesce(Subquery(count), 0))


__all__ = ["refresh_mention_counts"]


def add_mention_counts(*, actors: dict[int, int], countries: dict[str, int]) -> None:
    """Add freshly written accepted mentions to the stored counts (two batched UPDATEs).

    For a new article this is exact and costs the same whatever the size of the
    knowledge base; recounting (``refresh_mention_counts``) reads every mention of
    an actor, which for an actor in most articles grows with the corpus.
    """
    for model, deltas in ((Actor, actors), (Country, countries)):
        live = sorted((pk, n) for pk, n in deltas.items() if pk is not None and n)
        rows = [(n, pk) for pk, n in live]
        if rows:
            # One prepared statement run per row (psycopg pipelines them): an
            # ORM update with a CASE of every row cost more to build than to run.
            table, pk = model._meta.db_table, model._meta.pk.column
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {table} SET mention_count = mention_count + %s"  # noqa: S608
                    f" WHERE {pk} = %s",
                    rows,
                )
