"""Every model admin's changelist costs the same number of queries for 1 and 50 rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from kb.articles.models import Article, Mention, Source
from kb.claims.models import Claim, ClaimLink, Role, Stance
from kb.entities.models import Actor, Alias, Country, MergeRecord

pytestmark = pytest.mark.django_db


# Factories run twice per test (1 row, then 49 more): names carry a batch number.
_batch = itertools.count()


def _actors(n: int) -> list[Actor]:
    prefix = f"A{next(_batch)}"
    ve = Country.objects.get(pk="VE")
    target = Actor.objects.create(kind="organization", name=f"{prefix} target")
    actors = []
    for i in range(n):
        a = Actor.objects.create(kind="person", name=f"{prefix} person {i}", country=ve)
        a.merged_into = target
        Actor.objects.filter(pk=a.pk).update(merged_into=target)
        actors.append(a)
    return actors


def _articles(n: int) -> list[Article]:
    b = next(_batch)
    source = Source.objects.create(name=f"Wire {b}", slug=f"wire-{b}")
    first = None
    result = []
    for j in range(n):
        i = f"{b}-{j}"
        body = f"Article {i}: Juan Guaidó spoke about 3 million people in Venezuela."
        a = Article.objects.create(
            title=f"Article {i}",
            slug=f"article-{i}",
            original_name=f"a{i}.txt",
            raw_text=body,
            body=body,
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            published=dt.date(2019, 1, 1 + j % 28),
            source=source,
            split_from=first,
        )
        a.tags.add("venezuela", f"t{i}")
        first = first or a
        result.append(a)
    return result


def _claims(n: int) -> list[Claim]:
    claims = []
    actor = Actor.objects.create(kind="person", name="Juan Guaidó")
    for article in _articles(n):
        start = article.body.index("3 million")
        c = Claim.objects.create(
            article=article,
            kind="figure",
            start=start,
            end=start + 9,
            text="3 million",
            value=3e6,
            unit="people",
            speaker=actor,
        )
        c.tags.add("migration")
        claims.append(c)
    return claims


def make_countries(n: int) -> None:
    # Every country is already there (synced after migrate); vary what the page shows.
    Country.objects.filter(pk__in=list(Country.objects.values_list("pk", flat=True)[:n])).update(
        mention_count=3
    )


def make_actors(n: int) -> None:
    _actors(n)


def make_aliases(n: int) -> None:
    for i, actor in enumerate(_actors(n)):
        Alias.objects.create(actor=actor, name=f"Alias {actor.pk} {i}")


def make_merge_records(n: int) -> None:
    actors = _actors(n)
    survivor = Actor.objects.create(kind="person", name="Survivor")  # unique slugs: survivor-2
    for actor in actors:
        MergeRecord.objects.create(survivor=survivor, merged=actor)


def make_sources(n: int) -> None:
    b = next(_batch)
    for i in range(n):
        Source.objects.create(name=f"Source {b}-{i}", slug=f"source-{b}-{i}")


def make_articles(n: int) -> None:
    _articles(n)


def make_mentions(n: int) -> None:
    actor = Actor.objects.create(kind="person", name="Juan Guaidó")
    ve = Country.objects.get(pk="VE")
    for i, article in enumerate(_articles(n)):
        start = article.body.index("Juan")
        Mention.objects.create(
            article=article, start=start, end=start + 11, surface="x", actor=actor
        )
        start = article.body.index("Venezuela")
        Mention.objects.create(
            article=article, start=start, end=start + 9, surface="Venezuela", country=ve
        )
        if i % 2:  # some unresolved
            Mention.objects.create(article=article, start=0, end=7, surface="Article")


def make_claims(n: int) -> None:
    _claims(n)


def make_claim_links(n: int) -> None:
    claims = _claims(n + 1)
    for a, b in itertools.pairwise(claims):
        ClaimLink.objects.create(from_claim=a, to_claim=b, type="supports")


def make_stances(n: int) -> None:
    ve = Country.objects.get(pk="VE")
    for actor, article in zip(_actors(n), _articles(n), strict=True):
        Stance.objects.create(
            subject_actor=actor, relation="supports", object_country=ve, article=article
        )


def make_roles(n: int) -> None:
    org = Actor.objects.create(kind="organization", name="National Assembly")
    ve = Country.objects.get(pk="VE")
    for actor, article in zip(_actors(n), _articles(n), strict=True):
        Role.objects.create(
            actor=actor, title="Deputy", organization=org, country=ve, article=article
        )


def make_tags(n: int) -> None:
    b = next(_batch)
    for i in range(n):
        Tag.objects.create(name=f"tag {b}-{i}", slug=f"tag-{b}-{i}")


# Queries per changelist page, for a superuser (who needs no permission queries).
# Every page pays BASE = 5:
#   1 session, 1 user,
#   1 COUNT of the filtered rows, 1 COUNT of all rows (the "3 of 50" line),
#   1 SELECT of the page, with list_select_related's joins.
# A date_hierarchy adds DATES = 2: 1 MIN/MAX of the date, 1 DISTINCT of its years/days.
BASE, DATES = 5, 2
CASES: list[tuple[str, Callable[[int], None], int]] = [
    ("entities.country", make_countries, BASE),
    # + 1 countries for the country filter (related only)
    ("entities.actor", make_actors, BASE + 1 + DATES),
    ("entities.alias", make_aliases, BASE + DATES),
    ("entities.mergerecord", make_merge_records, BASE + DATES),
    ("articles.source", make_sources, BASE),
    # + 1 sources for the source filter, + 1 prefetch of every row's tags,
    # + 1 DISTINCT languages for the language filter
    ("articles.article", make_articles, BASE + 3 + DATES),
    ("articles.mention", make_mentions, BASE),
    # + 1 sources for the article__source filter
    ("claims.claim", make_claims, BASE + 1 + DATES),
    ("claims.claimlink", make_claim_links, BASE + DATES),
    ("claims.stance", make_stances, BASE + DATES),
    # + 1 countries for the country filter (related only)
    ("claims.role", make_roles, BASE + 1 + DATES),
    ("taggit.tag", make_tags, BASE),
]


def _changelist_queries(client, label: str) -> int:
    app, model = label.split(".")
    url = reverse(f"admin:{app}_{model}_changelist")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, label
    return len(ctx.captured_queries)


@pytest.mark.parametrize(("label", "make", "budget"), CASES, ids=[c[0] for c in CASES])
def test_changelist_queries_flat(label, make, budget, admin_client, django_assert_max_num_queries):
    make(1)
    one = _changelist_queries(admin_client, label)
    make(49)
    fifty = _changelist_queries(admin_client, label)
    assert fifty == one, f"{label}: {one} queries for 1 row, {fifty} for 50"
    app, model = label.split(".")
    with django_assert_max_num_queries(budget):
        response = admin_client.get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.context["cl"].result_count >= 50 or label == "entities.country"
