"""Each model's named constraints hold in the database itself."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from kb.articles.models import Article, Mention
from kb.claims.models import Claim, ClaimLink, Stance
from kb.entities.models import Actor, Alias, Country

pytestmark = pytest.mark.django_db


def make_article(n: int = 1) -> Article:
    return Article.objects.create(
        title=f"T{n}",
        slug=f"t{n}",
        original_name=f"t{n}.txt",
        raw_text="x" * 20,
        body="x" * 20,
        content_hash=f"{n:064d}",
    )


def violates(fn) -> bool:
    try:
        with transaction.atomic():
            fn()
    except IntegrityError:
        return True
    return False


def test_countries_come_from_reference_data() -> None:
    assert Country.objects.count() > 240
    assert Country.objects.get(pk="VE").name == "Venezuela"
    assert Country.objects.get(pk="SU").historical
    assert Country.objects.get(pk="VE").get_absolute_url() == "/countries/ve/"


def test_content_hash_unique() -> None:
    make_article(1)
    assert violates(
        lambda: Article.objects.create(
            slug="other",
            original_name="other.txt",
            raw_text="y",
            body="y",
            content_hash=f"{1:064d}",
        )
    )


def test_one_folded_alias_key_per_actor() -> None:
    actor = Actor.objects.create(kind="person", name="Juan Pérez")
    Alias.objects.create(actor=actor, name="Juan Pérez")
    assert Alias.objects.get().key == "juan perez"
    assert violates(lambda: Alias.objects.create(actor=actor, name="JUAN PEREZ"))
    other = Actor.objects.create(kind="person", name="Juan Perez")
    Alias.objects.create(actor=other, name="Juan Perez")  # another actor may share a key
    assert list(Actor.objects.named("juan pérez").order_by("pk")) == [actor, other]


def test_mention_span_and_single_target() -> None:
    article = make_article()
    country = Country.objects.get(pk="VE")
    actor = Actor.objects.create(kind="person", name="A B")
    assert violates(lambda: Mention.objects.create(article=article, start=5, end=5, surface=""))
    assert violates(
        lambda: Mention.objects.create(
            article=article, start=0, end=2, surface="xx", actor=actor, country=country
        )
    )
    Mention.objects.create(article=article, start=0, end=2, surface="xx", actor=actor)
    assert violates(
        lambda: Mention.objects.create(
            article=article, start=0, end=2, surface="xx", country=country
        )
    )


def test_claim_constraints() -> None:
    article = make_article()
    a = Claim.objects.create(article=article, start=0, end=3, kind="quote", text="xxx")
    b = Claim.objects.create(article=article, start=3, end=6, kind="quote", text="xxx")
    assert violates(
        lambda: Claim.objects.create(article=article, start=4, end=4, kind="quote", text="")
    )
    ClaimLink.objects.create(from_claim=a, to_claim=b, type="contradicts")
    assert violates(lambda: ClaimLink.objects.create(from_claim=a, to_claim=b, type="contradicts"))
    assert violates(lambda: ClaimLink.objects.create(from_claim=a, to_claim=a, type="supports"))


def test_stance_shape_and_time() -> None:
    ru, ve = Country.objects.get(pk="RU"), Country.objects.get(pk="VE")
    leader = Actor.objects.create(kind="person", name="Leader One")
    assert violates(lambda: Stance.objects.create(relation="supports", object_actor=leader))
    assert violates(
        lambda: Stance.objects.create(
            subject_country=ru, subject_actor=leader, relation="supports", object_country=ve
        )
    )
    assert violates(
        lambda: Stance.objects.create(
            subject_country=ru,
            relation="supports",
            object_actor=leader,
            valid_from=dt.date(2020, 1, 1),
            valid_to=dt.date(2019, 1, 1),
        )
    )
    old = Stance.objects.create(
        subject_country=ru,
        relation="supports",
        object_actor=leader,
        valid_from=dt.date(2017, 1, 1),
        valid_to=dt.date(2019, 12, 31),
    )
    current = Stance.objects.create(
        subject_country=ve, relation="opposes", object_actor=leader, valid_from=dt.date(2021, 1, 1)
    )
    undated = Stance.objects.create(subject_country=ve, relation="recognizes", object_actor=leader)
    assert set(Stance.objects.valid_on(dt.date(2018, 6, 1))) == {old, undated}
    assert set(Stance.objects.valid_on(dt.date(2022, 6, 1))) == {current, undated}
    assert str(old).endswith(" supports Leader One")


def test_role_dates_in_order_and_valid_on() -> None:
    from kb.claims.models import Role

    minister = Actor.objects.create(kind="person", name="Ana Quispe")
    assert violates(
        lambda: Role.objects.create(
            actor=minister,
            title="Foreign Minister",
            valid_from=dt.date(2020, 1, 1),
            valid_to=dt.date(2019, 1, 1),
        )
    )
    role = Role.objects.create(
        actor=minister, title="Foreign Minister", country_id="PE", valid_from=dt.date(2018, 4, 2)
    )
    assert list(Role.objects.valid_on(dt.date(2019, 1, 1))) == [role]
    assert list(Role.objects.valid_on(dt.date(2017, 1, 1))) == []


def test_a_merge_record_never_merges_an_actor_into_itself() -> None:
    from kb.entities.models import MergeRecord

    actor = Actor.objects.create(kind="person", name="Solo Person")
    assert violates(lambda: MergeRecord.objects.create(survivor=actor, merged=actor))
