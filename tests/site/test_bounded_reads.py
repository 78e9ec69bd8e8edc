"""The pages' bounded reads pick the same rows as the plain, unbounded queries.

Actor, country and tag pages read "newest first" lists without sorting every
row linked to a much-mentioned target (kb.site.queries). Both ways of doing it,
for a rare target and for a frequent one, must agree with the plain query.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from taggit.models import Tag, TaggedItem

from kb import paging
from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.entities.models import Actor
from kb.site import queries, views

pytestmark = pytest.mark.django_db

NEWEST = Article._meta.ordering


@pytest.fixture(params=["rare", "frequent"])
def branch(request, monkeypatch) -> str:
    # Three links already count as frequent: the page walks the articles newest first.
    monkeypatch.setattr(queries, "DENSE", 10_000 if request.param == "rare" else 3)
    return request.param


def test_newest_articles_of_an_actor_a_country_and_a_tag(world, branch) -> None:
    world.grow(12)
    for target in (world.guaido, world.ve):
        field = "actor" if target is world.guaido else "country"
        links = Mention.objects.accepted().filter(**{field: target})
        got = list(queries.newest_articles(links, "article_id").values_list("pk", flat=True))
        plain = Article.objects.mentioning(target).order_by(*NEWEST)
        want = list(plain.values_list("pk", flat=True))
        assert got == want and len(want) >= 12
    tag = Tag.objects.get(slug="venezuela")
    items = TaggedItem.objects.filter(
        tag=tag, content_type=ContentType.objects.get_for_model(Article)
    )
    got = list(queries.newest_articles(items, "object_id").values_list("pk", flat=True))
    want = list(Article.objects.filter(tags=tag).order_by(*NEWEST).values_list("pk", flat=True))
    assert got == want and len(want) >= 12


def test_newest_claims_about_and_stances_of_a_target(world) -> None:
    world.grow(12)
    some = Claim.objects.filter(countries=world.ve).order_by("id")[:3]
    Claim.objects.filter(pk__in=[c.pk for c in some]).update(status=Claim.Status.DEPRECATED)
    for target in (world.guaido, world.ve, Actor.objects.get(name="Person 3")):
        # Fewer links than the window: the bounded read is the whole, plain answer.
        plain = Claim.objects.public().about(target).order_by("-id")
        got = list(queries.newest_claims_about(target).values_list("pk", flat=True))
        assert got == list(plain.values_list("pk", flat=True))
        side = "actor" if isinstance(target, Actor) else "country"
        plain = queries.stances().filter(
            Q(**{f"subject_{side}": target}) | Q(**{f"object_{side}": target})
        )
        assert queries.stances_of(target) == list(plain[: queries.STANCE_LIMIT + 1])
    assert queries.stances_of(world.ve), "the country takes stances in this world"


def test_lists_and_home_count_up_to_a_limit(world, client, monkeypatch) -> None:
    """Counting stops at COUNT_LIMIT + 1 rows: the page says "more than" instead."""
    world.grow(5)
    assert "More than" not in client.get("/articles/").content.decode()
    monkeypatch.setattr(paging, "COUNT_LIMIT", 2)
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    page = client.get("/claims/?page=3").content.decode()
    assert "More than 2 results" in page and "Page 3 of 3+" in page
    assert client.get("/claims/?page=9").content.decode().count("Page 3 of 3+") == 1
    home = client.get("/").content.decode()
    assert "<strong>2+</strong> articles" in home and "<strong>2+</strong> claims" in home
    assert paging.bounded_count(Article.objects.all()) == 3


def test_a_countrys_actors_are_read_off_an_index(world) -> None:
    """The most-mentioned actors of a country come off an index, not a sort of them all."""
    query = queries.country_actors(world.ve)[: queries.SHORT_LIST]
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a handful of rows any plan will do, through any index; forbid
            # the table scan and the sort to see whether an index can serve the
            # filter and the order together.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "actor_country_mentions_idx" in plan and "Sort" not in plan, plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "actor_country_mentions_idx" in plan and "TEMP B-TREE" not in plan, plan
    assert (
        list(query)
        == sorted(
            Actor.objects.filter(country=world.ve, merged_into__isnull=True),
            key=lambda a: (-a.mention_count, a.name),
        )[: queries.SHORT_LIST]
    )
