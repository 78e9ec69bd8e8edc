"""Test data for the readers' site, built with the ORM (independent of extraction).

``world`` holds a small, fully linked knowledge base: Juan Guaidó (alias
"Guaido") of Venezuela, Nicolás Maduro, an article whose body mentions them, a
quote by Guaidó, a contradicting claim, a deprecated claim, a rejected mention,
a merged actor and stances. ``grow(n)`` adds n more linked rows of every kind,
for the query-count tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import pytest

from kb.articles.models import Article, Mention, Source
from kb.claims.models import Claim, ClaimLink, Role, Stance
from kb.entities.models import Actor, Alias, Country

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

BODY = (
    "Guaidó challenges Maduro\n\n"
    "Juan Guaidó said Venezuela needs free elections. "
    "\u201cWe will not stop until Venezuela is free,\u201d Guaidó told reporters in Caracas.\n\n"
    "Nicolás Maduro rejected the demand and Russia backed Maduro.\n\n"
    "Photo: Guaidó at a rally."
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def country(code: str, name: str) -> Country:
    obj, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
    return obj


def make_article(title: str, body: str, *, published: dt.date, source: Source | None) -> Article:
    return Article.objects.create(
        title=title,
        slug=Article._meta.get_field("slug").to_python(
            hashlib.sha1(title.encode()).hexdigest()[:12]
        ),
        source=source,
        published=published,
        original_name=f"{title}.txt",
        raw_text="RAW " + body,
        body=body,
        content_hash=hashlib.sha256(title.encode()).hexdigest(),
        blocks=[
            ["heading", 0, body.index("\n")],
            ["paragraph", *span(body, "Juan Guaidó said")[0:1], body.index("\n\nNicolás")],
            ["paragraph", body.index("Nicolás"), body.index("\n\nPhoto")],
            ["caption", body.index("Photo"), len(body)],
        ]
        if body == BODY
        else [],
    )


@dataclass
class World:
    guaido: Actor
    maduro: Actor
    merged: Actor
    ve: Country
    ru: Country
    article: Article
    quote: Claim
    contradiction: Claim
    deprecated: Claim
    source: Source

    def grow(self, n: int) -> None:
        """n more articles, each mentioning Guaidó and Venezuela, with a claim and a stance."""
        for i in range(n):
            body = f"Report {i}: Guaidó spoke in Venezuela about elections number {i}."
            art = make_article(
                f"Report {i}", body, published=dt.date(2019, 2, 1 + i % 27), source=self.source
            )
            art.tags.add("venezuela", f"report-{i}")
            other = Actor.objects.create(
                kind=Actor.Kind.PERSON, name=f"Person {i}", country=self.ve
            )
            other.tags.add("venezuela")
            Mention.objects.create(
                article=art,
                start=body.index("Guaidó"),
                end=body.index("Guaidó") + 6,
                surface="Guaidó",
                actor=self.guaido,
            )
            Mention.objects.create(
                article=art,
                start=body.index("Venezuela"),
                end=body.index("Venezuela") + 9,
                surface="Venezuela",
                country=self.ve,
            )
            Mention.objects.create(article=art, start=0, end=6, surface="Report", actor=other)
            claim = Claim.objects.create(
                article=art,
                start=0,
                end=len(body) - 1,
                kind=Claim.Kind.STATEMENT,
                text=body[:-1],
                speaker=self.guaido,
                status=Claim.Status.VERIFIED,
            )
            claim.subjects.add(other)
            claim.countries.add(self.ve)
            claim.tags.add("venezuela")
            ClaimLink.objects.create(
                from_claim=claim, to_claim=self.quote, type=ClaimLink.Type.SUPPORTS
            )
            stance = Stance.objects.create(
                subject_actor=other,
                relation=Stance.Relation.SUPPORTS,
                object_actor=self.guaido,
                article=art,
            )
            stance.evidence.add(claim)
            Stance.objects.create(
                subject_country=self.ve,
                relation=Stance.Relation.OPPOSES,
                object_actor=other,
                article=art,
            )
            Role.objects.create(
                actor=self.guaido,
                title=f"Post {i}",
                country=self.ve,
                valid_from=dt.date(2019, 1, 1),
            )
            Alias.objects.create(actor=self.guaido, name=f"Guaido variant {i}")


def build_world() -> World:
    ve = country("VE", "Venezuela")
    ru = country("RU", "Russia")
    source = Source.objects.create(name="Test Wire", slug="test-wire")
    guaido = Actor.objects.create(
        kind=Actor.Kind.PERSON, name="Juan Guaidó", country=ve, description="Opposition leader."
    )
    for name in ("Juan Guaidó", "Guaido", "Juan Gerardo Guaidó Márquez"):
        Alias.objects.create(actor=guaido, name=name)
    Alias.objects.create(actor=guaido, name="Rejectedname", rejected=True)
    guaido.tags.add("opposition")
    maduro = Actor.objects.create(kind=Actor.Kind.PERSON, name="Nicolás Maduro", country=ve)
    Alias.objects.create(actor=maduro, name="Maduro")
    merged = Actor.objects.create(
        kind=Actor.Kind.PERSON, name="Juan Guaido Duplicate", merged_into=guaido
    )
    Alias.objects.create(actor=merged, name="Guaido Duplicate")

    article = make_article(
        "Guaidó challenges Maduro", BODY, published=dt.date(2019, 1, 23), source=source
    )
    article.tags.add("venezuela", "elections")
    mentions = [
        (span(BODY, "Juan Guaidó"), guaido, None),
        (span(BODY, "Venezuela"), None, ve),
        (span(BODY, "Venezuela", 1), None, ve),
        (span(BODY, "Guaidó", 2), guaido, None),
        (span(BODY, "Caracas"), None, None),  # unresolved: not linked
        (span(BODY, "Nicolás Maduro"), maduro, None),
        (span(BODY, "Russia"), None, ru),
    ]
    for (start, end), actor, ctry in mentions:
        Mention.objects.create(
            article=article,
            start=start,
            end=end,
            surface=BODY[start:end],
            actor=actor,
            country=ctry,
        )
    start, end = span(BODY, "Maduro", 2)
    Mention.objects.create(
        article=article,
        start=start,
        end=end,
        surface="Maduro",
        actor=maduro,
        status=Mention.Status.REJECTED,
    )
    q_start, q_end = span(BODY, "We will not stop until Venezuela is free")
    quote = Claim.objects.create(
        article=article,
        start=q_start,
        end=q_end,
        kind=Claim.Kind.QUOTE,
        text=BODY[q_start:q_end],
        speaker=guaido,
        status=Claim.Status.VERIFIED,
    )
    quote.countries.add(ve)
    quote.subjects.add(maduro)
    quote.tags.add("elections")
    c_start, c_end = span(BODY, "Nicolás Maduro rejected the demand")
    contradiction = Claim.objects.create(
        article=article,
        start=c_start,
        end=c_end,
        kind=Claim.Kind.STATEMENT,
        text="Maduro rejected the demand",
        speaker=maduro,
        status=Claim.Status.DISPUTED,
    )
    ClaimLink.objects.create(
        from_claim=contradiction,
        to_claim=quote,
        type=ClaimLink.Type.CONTRADICTS,
        note="They disagree.",
    )
    d_start, d_end = span(BODY, "Russia backed Maduro")
    deprecated = Claim.objects.create(
        article=article,
        start=d_start,
        end=d_end,
        kind=Claim.Kind.STANCE,
        text="Deprecatedclaimtext Russia backed Maduro",
        status=Claim.Status.DEPRECATED,
    )
    backing = Stance.objects.create(
        subject_country=ru,
        relation=Stance.Relation.SUPPORTS,
        object_actor=maduro,
        article=article,
        valid_from=dt.date(2019, 1, 23),
    )
    backing.evidence.add(quote)
    Stance.objects.create(
        subject_actor=guaido, relation=Stance.Relation.OPPOSES, object_actor=maduro, article=article
    )
    Stance.objects.create(
        subject_country=ve,
        relation=Stance.Relation.RECOGNIZES,
        object_actor=guaido,
        article=article,
        decision="rejected",
    )
    Role.objects.create(
        actor=guaido,
        title="President of the National Assembly",
        country=ve,
        valid_from=dt.date(2019, 1, 5),
        article=article,
    )
    return World(guaido, maduro, merged, ve, ru, article, quote, contradiction, deprecated, source)


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


@dataclass
class Members:
    """The Lima Group and who belonged to it: Argentina left, Canada stayed."""

    group: Actor
    argentina: Country
    canada: Country
    mexico: Country
    uruguay: Country
    coalition: Actor
    founding: Article
    leaving: Article
    echo: Article

    def grow(self, n: int) -> None:
        """n more members (countries and organizations in turn), each with an evidence claim."""
        codes = (f"{a}{b}" for a in "QXZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for i in range(n):
            body = f"Member {i} joined the Lima Group."
            art = make_article(f"Member {i}", body, published=dt.date(2019, 3, 1), source=None)
            if i % 2:
                subject: dict[str, Any] = {
                    "subject_actor": Actor.objects.create(
                        kind=Actor.Kind.ORGANIZATION, name=f"Member body {i}"
                    )
                }
            else:
                subject = {"subject_country": country(next(codes), f"Member country {i}")}
            stance = Stance.objects.create(
                relation=Stance.Relation.MEMBER_OF,
                object_actor=self.group,
                valid_from=dt.date(2018, 1, 1),
                article=art,
                **subject,
            )
            stance.evidence.add(
                Claim.objects.create(
                    article=art, start=0, end=len(body), kind=Claim.Kind.STATEMENT, text=body
                )
            )


def build_members() -> Members:
    group = Actor.objects.create(kind=Actor.Kind.ORGANIZATION, name="Lima Group")
    ar, ca = country("AR", "Argentina"), country("CA", "Canada")
    mx, uy = country("MX", "Mexico"), country("UY", "Uruguay")
    coalition = Actor.objects.create(kind=Actor.Kind.ORGANIZATION, name="Opposition Coalition")
    founding = make_article(
        "Lima Declaration signed",
        "Argentina and Canada signed the Lima Declaration. Mexico did not.",
        published=dt.date(2017, 8, 8),
        source=None,
    )
    leaving = make_article(
        "Argentina leaves the Lima Group",
        "Argentina left the Lima Group on Wednesday.",
        published=dt.date(2021, 3, 24),
        source=None,
    )
    echo = make_article(
        "Canada stays in the Lima Group",
        "Canada remains a member of the Lima Group.",
        published=dt.date(2021, 3, 25),
        source=None,
    )
    member_of = {"relation": Stance.Relation.MEMBER_OF, "object_actor": group}
    argentina = Stance.objects.create(
        subject_country=ar,
        valid_from=dt.date(2017, 8, 8),
        valid_to=dt.date(2021, 3, 24),
        article=leaving,
        **member_of,
    )
    argentina.evidence.add(
        Claim.objects.create(
            article=founding, start=0, end=9, kind=Claim.Kind.STATEMENT, text="Argentina signed"
        )
    )
    # Canada: one membership, which a second article attests too.
    canada = Stance.objects.create(
        subject_country=ca, valid_from=dt.date(2017, 8, 8), article=founding, **member_of
    )
    canada.evidence.add(
        Claim.objects.create(
            article=echo, start=0, end=6, kind=Claim.Kind.STATEMENT, text="Canada remains"
        )
    )
    Stance.objects.create(
        subject_actor=coalition, valid_from=dt.date(2019, 1, 1), article=echo, **member_of
    )
    # Not members: Mexico did not sign, and an editor rejected Uruguay.
    Stance.objects.create(subject_country=mx, negated=True, article=founding, **member_of)
    Stance.objects.create(
        subject_country=uy, decision="rejected", valid_from=dt.date(2017, 8, 8), **member_of
    )
    return Members(group, ar, ca, mx, uy, coalition, founding, leaving, echo)


@pytest.fixture
def members(db: Any) -> Members:
    return build_members()
