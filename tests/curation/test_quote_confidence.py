"""Quotes in the review queue by their speaker's confidence, and what the decisions keep.

Within equal visibility (the speaker's mention count), the least sure speaker comes
first, as for stances and roles; a quote with no speaker shows no score. A decision
on an unsure quote is recorded in its history and survives a re-import.
"""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.models import Group

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.curation.queue import ReviewQueue
from kb.entities.models import Actor
from kb.ingest.services import article_import

URL = "/admin/review/"
BODY = "“We stay,” Ruiz said. “We go,” Ruiz said. “We wait,” a voice said.\n"


@pytest.fixture
def ed_client(client, django_user_model):
    user = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    client.user = user
    return client


def _quote(article: Article, text: str, speaker: Actor | None, confidence: float) -> Claim:
    start = article.body.index(text)
    return Claim.objects.create(
        article=article,
        start=start,
        end=start + len(text),
        kind="quote",
        text=text,
        speaker=speaker,
        confidence=confidence,
    )


@pytest.mark.django_db
def test_the_least_sure_speaker_comes_first(ed_client) -> None:
    article = Article.objects.create(
        slug="ruiz",
        original_name="ruiz.txt",
        raw_text=BODY,
        body=BODY,
        content_hash=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    ruiz = Actor.objects.create(kind="person", name="Ana Ruiz", mention_count=7)
    sure = _quote(article, "“We stay,”", ruiz, 0.9)
    unsure = _quote(article, "“We go,”", ruiz, 0.35)
    nobody = _quote(article, "“We wait,”", None, 1.0)
    rows = ReviewQueue(("quote",))[0:10]
    assert [r.item for r in rows] == [f"quote:{q.pk}" for q in (unsure, sure, nobody)]
    assert [r.confidence for r in rows] == [0.35, 0.9, None]
    html = ed_client.get(URL, {"kind": "quote"}).content.decode()
    assert "0.35" in html and "0.90" in html


JANUARY = (
    "date 2019-01-10 Russia backs Maduro\n\n"
    "Russia supports Nicolás Maduro, officials said on Thursday.\n\n"
    "“We will not abandon our friends in Caracas,” said Nicolás Maduro on Thursday. "
    "“Nor our partners,” said Nicolás Maduro.\n"
)


@pytest.mark.django_db
def test_decisions_on_unsure_quotes_are_recorded_and_survive_re_import(ed_client) -> None:
    article = article_import(JANUARY, original_name="january.txt").article
    kept, dropped = Claim.objects.filter(article=article, kind="quote").order_by("start")
    Claim.objects.filter(pk__in=[kept.pk, dropped.pk]).update(confidence=0.3)
    speaker = kept.speaker
    ed_client.post(URL, {"item": f"quote:{kept.pk}", "decision": "confirm"}, follow=True)
    ed_client.post(URL, {"item": f"quote:{dropped.pk}", "decision": "reject"}, follow=True)
    for quote, reason in (
        (kept, "Review queue: speaker confirmed"),
        (dropped, "Review queue: rejected (deprecated)"),
    ):
        record = quote.history.first()
        assert (record.history_user, record.history_change_reason) == (ed_client.user, reason)

    outcome = article_import(JANUARY + "\nThe talks continue.\n", original_name="january.txt")
    assert outcome.status == "updated"
    kept.refresh_from_db()
    dropped.refresh_from_db()
    assert (kept.status, kept.speaker, dropped.status) == ("reviewed", speaker, "deprecated")
    # Neither comes back as a fresh extracted copy, nor to the queue.
    assert Claim.objects.filter(article=article, kind="quote").count() == 2
    assert not [r for r in ReviewQueue(("quote",))[0:10] if r.pk in (kept.pk, dropped.pk)]
    # The confirmed one is attributed to readers plainly, the rejected one is gone.
    assert kept.shown_speaker == speaker and not kept.machine_read
    assert dropped not in Claim.objects.public()
