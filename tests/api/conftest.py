"""Small, hand-built knowledge bases for the API tests.

Built with the ORM rather than the importer, so the tests know exactly which
rows are public (and which are deprecated, rejected or merged) whatever the
extraction pipeline finds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from kb.articles.models import Article, Mention, Source
from kb.claims.models import Claim, Decision, Role, Stance
from kb.entities.models import Actor, Alias, Country


@pytest.fixture(autouse=True)
def _fresh_throttle_history():
    # Throttle counters live in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def make_article(n: int, *, source: Source | None = None, published: dt.date | None = None):
    raw = f"Article number {n}. Juan Guaidó met officials in Caracas, Venezuela."
    return Article.objects.create(
        title=f"Article {n}",
        slug=f"article-{n}",
        source=source,
        published=published,
        original_name=f"article-{n}.txt",
        raw_text=raw,
        body=raw,
        content_hash=hashlib.sha256(raw.encode()).hexdigest(),
    )


def make_actor(name: str, *, kind: str = Actor.Kind.PERSON, country: Country | None = None):
    actor = Actor.objects.create(name=name, kind=kind, country=country)
    Alias.objects.create(actor=actor, name=name)
    return actor


@dataclass
class KB:
    ve: Country
    us: Country
    cbc: Source
    bbc: Source
    guaido: Actor
    maduro: Actor
    assembly: Actor
    merged: Actor
    old: Article
    new: Article
    quote: Claim
    figure: Claim
    deprecated: Claim
    mention: Mention
    rejected_mention: Mention
    stance: Stance
    rejected_stance: Stance
    role: Role
    rejected_role: Role


@pytest.fixture
def kb(db) -> KB:
    # Migrations may already have loaded the reference countries.
    ve, _ = Country.objects.update_or_create(
        code="VE", defaults={"name": "Venezuela", "demonyms": ["Venezuelan"]}
    )
    us, _ = Country.objects.update_or_create(
        code="US", defaults={"name": "United States", "other_names": ["U.S."]}
    )
    cbc = Source.objects.create(name="CBC News", slug="cbc-news", url="https://www.cbc.ca/")
    bbc = Source.objects.create(name="BBC", slug="bbc")
    guaido = make_actor("Juan Guaidó", country=ve)
    guaido.tags.add("opposition")
    Alias.objects.create(actor=guaido, name="Guaido")
    Alias.objects.create(actor=guaido, name="The Usurper", rejected=True)
    maduro = make_actor("Nicolás Maduro", country=ve)
    assembly = make_actor("National Assembly", kind=Actor.Kind.ORGANIZATION, country=ve)
    merged = make_actor("J. Guaidó")
    merged.merged_into = guaido
    merged.save()

    old = make_article(1, source=cbc, published=dt.date(2019, 1, 23))
    new = make_article(2, source=bbc, published=dt.date(2022, 12, 30))
    new.tags.add("sanctions")

    quote = Claim.objects.create(
        article=old, start=0, end=10, kind=Claim.Kind.QUOTE, text="We will win.", speaker=guaido
    )
    quote.countries.add(ve)
    quote.subjects.add(maduro)
    quote.tags.add("elections")
    figure = Claim.objects.create(
        article=new,
        start=0,
        end=12,
        kind=Claim.Kind.FIGURE,
        text="7 million left",
        value=7_000_000,
        unit="people",
        counted="Venezuelans who left",
        status=Claim.Status.VERIFIED,
    )
    deprecated = Claim.objects.create(
        article=new,
        start=20,
        end=30,
        kind=Claim.Kind.STATEMENT,
        text="A withdrawn statement",
        speaker=maduro,
        status=Claim.Status.DEPRECATED,
    )
    mention = Mention.objects.create(
        article=old, start=18, end=29, surface="Juan Guaidó", actor=guaido
    )
    Mention.objects.create(article=old, start=52, end=61, surface="Venezuela", country=ve)
    Mention.objects.create(article=new, start=52, end=61, surface="Venezuela", country=ve)
    rejected_mention = Mention.objects.create(
        article=new,
        start=18,
        end=29,
        surface="Juan Guaidó",
        actor=guaido,
        status=Mention.Status.REJECTED,
    )
    Mention.objects.create(article=new, start=0, end=7, surface="Article")  # unresolved
    stance = Stance.objects.create(
        subject_country=us,
        relation=Stance.Relation.RECOGNIZES,
        object_actor=guaido,
        valid_from=dt.date(2019, 1, 23),
        valid_to=dt.date(2022, 12, 30),
        article=old,
    )
    stance.evidence.add(quote, deprecated)
    rejected_stance = Stance.objects.create(
        subject_country=us,
        relation=Stance.Relation.SUPPORTS,
        object_actor=maduro,
        decision=Decision.REJECTED,
    )
    role = Role.objects.create(
        actor=guaido,
        title="President of the National Assembly",
        organization=assembly,
        country=ve,
        valid_from=dt.date(2019, 1, 5),
        article=old,
    )
    rejected_role = Role.objects.create(
        actor=maduro, title="Foreign Minister", decision=Decision.REJECTED
    )
    return KB(
        ve,
        us,
        cbc,
        bbc,
        guaido,
        maduro,
        assembly,
        merged,
        old,
        new,
        quote,
        figure,
        deprecated,
        mention,
        rejected_mention,
        stance,
        rejected_stance,
        role,
        rejected_role,
    )
