"""A small hand-built world for the editors' workflows (no dependence on extraction).

Shared by tests/curation and, through sys.path, tests/admin, tests/browser and tests/reliability.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from taggit.models import TaggedItem

from kb.articles.models import Article, Mention, Source
from kb.articles.services import refresh_mention_counts
from kb.claims.models import Claim, ClaimLink, Role, Stance
from kb.entities.models import Actor, Alias, Country

BODY_ONE = (
    "Juan Guaidó met the Lima Group in Lima.\n"
    "Juan Guaido said “we will win” to Venezuela.\n"
    "About 2.3 million Venezuelans have left since 2015, the UN says.\n"
)
BODY_TWO = (
    "Nicolás Maduro spoke.\nSome 3 million Venezuelans have left the country.\nGuaidó answered.\n"
)


def make_article(body: str, name: str, published: dt.date | None = None, **kw: Any) -> Article:
    return Article.objects.create(
        title=kw.pop("title", name),
        slug=name,
        original_name=f"{name}.txt",
        raw_text="HEADER LINE\n" + body,
        body=body,
        offsets=[[0, len("HEADER LINE\n"), len(body)]],
        blocks=[["paragraph", 0, len(body)]],
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        published=published,
        **kw,
    )


def mention(article: Article, surface: str, occurrence: int = 0, **kw: Any) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(surface, start + 1)
    return Mention.objects.create(
        article=article, start=start, end=start + len(surface), surface=surface, **kw
    )


def claim(article: Article, text: str, kind: str, **kw: Any) -> Claim:
    start = article.body.index(text)
    return Claim.objects.create(
        article=article, start=start, end=start + len(text), text=text, kind=kind, **kw
    )


@dataclass
class World:
    ve: Country
    guaido: Actor
    guaido_dup: Actor
    maduro: Actor
    lima: Actor
    one: Article
    two: Article
    quote: Claim
    figure_one: Claim
    figure_two: Claim
    role: Role
    stance: Stance


@pytest.fixture
def world(db) -> World:
    ve = Country.objects.get(pk="VE")
    source = Source.objects.create(name="Test Wire", slug="test-wire")
    guaido = Actor.objects.create(kind="person", name="Juan Guaidó", country=ve)
    dup = Actor.objects.create(kind="person", name="Juan Guaido")
    maduro = Actor.objects.create(kind="person", name="Nicolás Maduro", country=ve)
    lima = Actor.objects.create(kind="organization", name="Lima Group")
    for actor, names in [
        (guaido, ["Juan Guaidó", "Guaidó"]),
        (dup, ["Juan Guaido", "Guaido"]),  # "Guaido" folds like "Guaidó": a collision
        (maduro, ["Nicolás Maduro"]),
        (lima, ["Lima Group"]),
    ]:
        for name in names:
            Alias.objects.create(actor=actor, name=name)
    one = make_article(BODY_ONE, "one", dt.date(2019, 1, 4), source=source)
    two = make_article(BODY_TWO, "two", dt.date(2019, 1, 30), source=source)
    mention(one, "Juan Guaidó", actor=guaido)
    mention(one, "Lima Group", actor=lima)
    mention(one, "Lima", occurrence=1)  # unresolved
    mention(one, "Juan Guaido", actor=dup, status=Mention.Status.CONFIRMED)
    mention(one, "Venezuela", country=ve)
    mention(two, "Nicolás Maduro", actor=maduro)
    mention(two, "Guaidó", actor=dup)
    quote = claim(one, "“we will win”", Claim.Kind.QUOTE, speaker=dup)
    quote.subjects.add(dup, guaido)  # the merge must not duplicate this subject row
    quote.countries.add(ve)
    figure_one = claim(
        one,
        "About 2.3 million Venezuelans have left",
        Claim.Kind.FIGURE,
        value=2_300_000,
        unit="people",
        counted="Venezuelans who have left",
        figure_kind="count",
        low=2_070_000,
        high=2_530_000,
        frame="displaced|people|VE",
        frame_label="people who left Venezuela",
    )
    figure_two = claim(
        two,
        "Some 3 million Venezuelans have left",
        Claim.Kind.FIGURE,
        value=3_000_000,
        unit="people",
        counted="venezuelans who left",
        figure_kind="count",
        low=2_940_000,
        high=3_060_000,
        frame="displaced|people|VE",
        frame_label="people who left Venezuela",
    )
    figure_two.subjects.add(dup)
    role = Role.objects.create(actor=dup, title="President of the National Assembly", article=one)
    Role.objects.create(actor=maduro, title="Observer", organization=dup)
    stance = Stance.objects.create(
        subject_actor=lima, relation="recognizes", object_actor=dup, article=one
    )
    stance.evidence.add(quote)
    Stance.objects.create(subject_actor=dup, relation="opposes", object_actor=maduro)
    guaido.tags.add("opposition")
    dup.tags.add("opposition", "assembly")
    ClaimLink.objects.create(from_claim=quote, to_claim=figure_one, type="supports")
    refresh_mention_counts(
        actor_ids=Actor.objects.values_list("pk", flat=True), country_codes=["VE"]
    )
    for obj in (guaido, dup, maduro, lima):
        obj.refresh_from_db()
    return World(
        ve, guaido, dup, maduro, lima, one, two, quote, figure_one, figure_two, role, stance
    )


def snapshot_rows() -> dict[str, list[dict[str, Any]]]:
    """Every row a merge may touch, by table, in primary-key order."""
    tables = {
        "actor": Actor.objects.all(),
        "alias": Alias.objects.all(),
        "mention": Mention.objects.all(),
        "claim": Claim.objects.all(),
        "claim_subjects": Claim.subjects.through.objects.all(),
        "claim_countries": Claim.countries.through.objects.all(),
        "claimlink": ClaimLink.objects.all(),
        "role": Role.objects.all(),
        "stance": Stance.objects.all(),
        "stance_evidence": Stance.evidence.through.objects.all(),
        "taggeditem": TaggedItem.objects.all(),
        "article": Article.objects.all(),
    }
    return {name: list(qs.order_by("pk").values()) for name, qs in tables.items()}


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(db, django_user_model):
    user = django_user_model.objects.create_user("rev", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user
