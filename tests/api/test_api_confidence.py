"""The API shows what readers see of unsure, unreviewed links and claims; ``?unreviewed=all``
asks for everything no editor rejected, as it does for stances and roles."""

from __future__ import annotations

import pytest

from kb.articles.models import Mention
from kb.claims.models import Claim

pytestmark = pytest.mark.django_db


def ids(client, url, **params) -> set[int]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def unsure(kb):
    """An unsure link to Guaidó, an unsure quote by him and an unsure figure, all unreviewed."""
    link = Mention.objects.create(
        article=kb.new, start=30, end=40, surface="officials", actor=kb.guaido, confidence=0.3
    )
    quote = Claim.objects.create(
        article=kb.new,
        start=40,
        end=50,
        kind=Claim.Kind.QUOTE,
        text="We are many.",
        speaker=kb.guaido,
        confidence=0.3,
    )
    figure = Claim.objects.create(
        article=kb.new, start=50, end=60, kind=Claim.Kind.FIGURE, text="a few", confidence=0.3
    )
    return link, quote, figure


def test_mentions_carry_confidence_and_unsure_links_need_the_parameter(client, kb, unsure):
    link = unsure[0]
    assert link.pk not in ids(client, "/api/mentions/")
    assert link.pk in ids(client, "/api/mentions/", unreviewed="all")
    row = client.get(f"/api/mentions/{kb.mention.pk}/").json()
    assert row["confidence"] == 1.0
    assert client.get(f"/api/mentions/{link.pk}/").status_code == 404
    assert (
        client.get(f"/api/mentions/{link.pk}/", {"unreviewed": "all"}).json()["confidence"] == 0.3
    )
    # The article it alone links to Guaidó is not listed as mentioning him, unless asked.
    assert kb.new.pk not in ids(client, "/api/articles/", actor=kb.guaido.slug)
    assert kb.new.pk in ids(client, "/api/articles/", actor=kb.guaido.slug, unreviewed="all")


def test_an_unsure_figure_needs_the_parameter(client, kb, unsure):
    figure = unsure[2]
    assert figure.pk not in ids(client, "/api/claims/")
    assert figure.pk in ids(client, "/api/claims/", unreviewed="all")
    assert kb.figure.pk in ids(client, "/api/claims/")  # verified: shown whatever its number


def test_an_unsure_quote_is_listed_without_its_speaker(client, kb, unsure):
    quote = unsure[1]
    row = client.get(f"/api/claims/{quote.pk}/").json()
    assert (row["speaker"], row["speaker_name"], row["confidence"]) == (None, None, 0.3)
    row = client.get(f"/api/claims/{quote.pk}/", {"unreviewed": "all"}).json()
    assert row["speaker_name"] == "Juan Guaidó"
    assert quote.pk not in ids(client, "/api/claims/", speaker=kb.guaido.slug)
    assert quote.pk in ids(client, "/api/claims/", speaker=kb.guaido.slug, unreviewed="all")
    # A confident one keeps its speaker.
    row = client.get(f"/api/claims/{kb.quote.pk}/").json()
    assert row["speaker_name"] == "Juan Guaidó" and row["confidence"] == 1.0


def test_searching_by_a_speaker_readers_are_not_shown_finds_nothing(client, kb, unsure):
    """The search would name the speaker the list hides; an unsure link does not make
    an article findable by its actor's name either."""
    quote = unsure[1]
    assert quote.pk not in ids(client, "/api/claims/", search="Guaidó")
    assert kb.quote.pk in ids(client, "/api/claims/", search="Guaidó")  # a confident one
    assert quote.pk in ids(client, "/api/claims/", search="Guaidó", unreviewed="all")
    assert kb.new.pk not in ids(client, "/api/articles/", search="Guaido")
    assert kb.new.pk in ids(client, "/api/articles/", search="Guaido", unreviewed="all")
