"""What readers see of unreviewed links and claims, by the importer's confidence.

Mentions: a link readers follow is confirmed, or found with at least
KB_PUBLIC_CONFIDENCE. Claims: a figure below it is not public unless an editor
vouched for it; a quote below it is public but its speaker is not shown
(``attributed``, ``shown_speaker``). An editor's word wins whatever the number.
"""

from __future__ import annotations

import hashlib

import pytest
from django.test import override_settings

from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.entities.models import Actor

pytestmark = pytest.mark.django_db

BODY = "Ana Ruiz said 2.3 million people had left. “We will stay,” Ruiz said."


def _article() -> Article:
    return Article.objects.create(
        title="Ruiz",
        slug="ruiz",
        original_name="ruiz.txt",
        raw_text=BODY,
        body=BODY,
        content_hash=hashlib.sha256(BODY.encode()).hexdigest(),
    )


def _mention(article: Article, actor: Actor, confidence: float, *, start: int, **kw) -> Mention:
    return Mention.objects.create(
        article=article,
        start=start,
        end=start + 4,
        surface="Ruiz",
        actor=actor,
        confidence=confidence,
        **kw,
    )


def _claim(article: Article, kind: str, confidence: float, **kw) -> Claim:
    n = Claim.objects.count()
    return Claim.objects.create(
        article=article,
        start=n,
        end=n + 5,
        kind=kind,
        text=f"claim {n}",
        confidence=confidence,
        **kw,
    )


def test_mention_links_readers_follow() -> None:
    art = _article()
    ruiz = Actor.objects.create(kind="person", name="Ana Ruiz", slug="ana-ruiz")
    sure = _mention(art, ruiz, 0.9, start=0)
    edge = _mention(art, ruiz, 0.6, start=20)
    unsure = _mention(art, ruiz, 0.3, start=30)
    confirmed = _mention(art, ruiz, 0.1, start=40, status=Mention.Status.CONFIRMED)
    _mention(art, ruiz, 0.9, start=50, status=Mention.Status.REJECTED)
    country = Mention.objects.create(article=art, start=60, end=64, surface="Peru")  # unresolved
    public = set(Mention.objects.public())
    assert public == {sure, edge, confirmed}
    assert unsure in set(Mention.objects.accepted()) and country not in public
    with override_settings(KB_PUBLIC_CONFIDENCE=0.2):
        assert unsure in set(Mention.objects.public())


def test_figures_below_the_threshold_are_public_only_once_vouched_for() -> None:
    art = _article()
    low = _claim(art, Claim.Kind.FIGURE, 0.3)
    sure = _claim(art, Claim.Kind.FIGURE, 0.8)
    reviewed = _claim(art, Claim.Kind.FIGURE, 0.3, status=Claim.Status.REVIEWED)
    written = _claim(art, Claim.Kind.FIGURE, 0.3, origin=Claim.Origin.EDITOR)
    gone = _claim(art, Claim.Kind.FIGURE, 0.9, status=Claim.Status.DEPRECATED)
    assert set(Claim.objects.public()) == {sure, reviewed, written}
    assert set(Claim.objects.accepted()) == {low, sure, reviewed, written}
    assert gone not in set(Claim.objects.accepted())


def test_an_unsure_quote_is_public_without_its_speaker() -> None:
    art = _article()
    ruiz = Actor.objects.create(kind="person", name="Ana Ruiz", slug="ana-ruiz")
    unsure = _claim(art, Claim.Kind.QUOTE, 0.3, speaker=ruiz)
    sure = _claim(art, Claim.Kind.QUOTE, 0.7, speaker=ruiz)
    confirmed = _claim(art, Claim.Kind.QUOTE, 0.3, speaker=ruiz, status=Claim.Status.REVIEWED)
    assert {unsure, sure, confirmed} <= set(Claim.objects.public())
    assert set(Claim.objects.public().said_by(ruiz)) == {sure, confirmed}
    assert set(Claim.objects.attributed()) == {sure, confirmed}
    assert (unsure.shown_speaker, sure.shown_speaker, confirmed.shown_speaker) == (
        None,
        ruiz,
        ruiz,
    )
    # Confident but unchecked: shown, marked as machine-read; an editor's word is plain.
    assert (sure.machine_read, confirmed.machine_read) == (True, False)
