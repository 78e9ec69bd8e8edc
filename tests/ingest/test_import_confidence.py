"""The importer stores the pipeline's confidence, and re-imports keep editors' decisions.

Mentions take their actor's confidence (a country's is 1), quote claims their
speaker's, figure claims the figure's. A re-import rewrites what the importer
wrote, never what an editor decided: a confirmed link or quote stays confirmed,
and shows plainly, however unsure the importer was.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.curation.review import Item, item_confirm
from kb.ingest.actors import actors_resolve, countries_resolve
from kb.ingest.facts import FactWriter
from kb.ingest.services import article_import
from kb.pipeline import extract

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


TEXT = (
    "date 2019-01-10 Russia backs Maduro\n\n"
    "Russia supports Nicolás Maduro, officials said on Thursday. About 2.3 million "
    "Venezuelans have left the country since 2015, the UN refugee agency said.\n\n"
    "“We will not abandon our friends in Caracas,” said Nicolás Maduro on Thursday. "
    "Foreign Minister Sergei Lavrov met him.\n"
)


def test_mentions_take_their_actors_confidence() -> None:
    outcome = article_import(TEXT, original_name="russia.txt")
    assert outcome.status == "new" and outcome.extraction is not None
    by_span = {(m.start, m.end): m for m in Mention.objects.filter(article=outcome.article)}
    actors = outcome.extraction.actors
    assert actors and any(a.confidence < 1.0 for a in actors)
    for actor in actors:
        for span in actor.mentions:
            assert by_span[span].confidence == actor.confidence
    countries = [m for m in by_span.values() if m.country_id]
    assert countries and {m.confidence for m in countries} == {1.0}


def test_quotes_and_figures_take_the_pipelines_confidence() -> None:
    found = extract(TEXT)
    assert found.quotes and found.figures
    found = replace(
        found,
        quotes=tuple(replace(q, confidence=0.35) for q in found.quotes),
        figures=tuple(replace(f, confidence=0.45) for f in found.figures),
    )
    article = Article.objects.create(
        slug="russia",
        original_name="russia.txt",
        raw_text=TEXT,
        body=found.body,
        content_hash=hashlib.sha256(TEXT.encode()).hexdigest(),
    )
    countries = countries_resolve(found)
    actors = actors_resolve(found.actors, countries)
    FactWriter(article, found, actors_by_name=actors, countries=countries, new=True).write()
    claims = Claim.objects.filter(article=article)
    assert {c.confidence for c in claims.filter(kind="quote")} == {0.35}
    assert {c.confidence for c in claims.filter(kind="figure")} == {0.45}
    # Below the threshold and unreviewed: a figure is not public, a quote is, unattributed.
    assert not Claim.objects.public().filter(article=article, kind="figure").exists()
    quote = Claim.objects.public().get(article=article, kind="quote")
    assert quote.speaker is not None and quote.shown_speaker is None


def test_re_import_keeps_a_confirmed_unsure_quote_and_link(editor) -> None:
    first = article_import(TEXT, original_name="russia.txt").article
    quote = Claim.objects.get(article=first, kind="quote")
    speaker = quote.speaker
    assert speaker is not None
    Claim.objects.filter(pk=quote.pk).update(confidence=0.3)  # as an unsure pipeline gives it
    item_confirm(Item("quote", quote.pk), user=editor)
    link = Mention.objects.filter(article=first, actor__isnull=False).order_by("start").first()
    assert link is not None
    Mention.objects.filter(pk=link.pk).update(status=Mention.Status.CONFIRMED, confidence=0.1)
    wrong = Mention.objects.filter(article=first, actor__isnull=False).order_by("-start").first()
    Mention.objects.filter(pk=wrong.pk).update(status=Mention.Status.REJECTED)

    outcome = article_import(TEXT + "\nThe talks continue.\n", original_name="russia.txt")
    assert outcome.status == "updated"

    quote.refresh_from_db()
    assert (quote.status, quote.speaker, quote.confidence) == ("reviewed", speaker, 0.3)
    assert quote.shown_speaker == speaker and not quote.machine_read
    assert quote in Claim.objects.attributed()
    assert quote.history.first().history_change_reason == "Review queue: speaker confirmed"
    assert Claim.objects.filter(article=first, kind="quote").count() == 1
    link.refresh_from_db()
    assert (link.status, link.confidence) == ("confirmed", 0.1)
    assert link in Mention.objects.public()
    wrong.refresh_from_db()
    assert wrong.status == "rejected" and wrong not in Mention.objects.accepted()
