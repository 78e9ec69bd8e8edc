"""Re-link (kb.curation.relink): names found again in the articles, editors' decisions kept."""

from __future__ import annotations

import pytest
from desk_world import make_article, mention

from kb.articles.models import Mention
from kb.curation.mentions import alias_reject
from kb.curation.relink import actors_relink
from kb.entities.models import Alias

pytestmark = pytest.mark.django_db


def test_relink_finds_names_and_keeps_editor_decisions(world):
    body = (
        "Juan Guaido arrived. JUAN GUAIDÓ left. Juan Guaidó returned.\n"
        "Christian Guaidó took the photo.\n"
    )
    article = make_article(body, "three")
    confirmed = mention(article, "JUAN GUAIDÓ", actor=world.maduro, status="confirmed")
    rejected = mention(article, "Juan Guaidó", status="rejected")
    alias_reject(world.guaido.pk, "Juan Guaido")  # an earlier rejection

    outcome = actors_relink([world.guaido], articles=[article])

    found = Mention.objects.filter(article=article, actor=world.guaido)
    # "Juan Guaido" is a rejected form; the confirmed and rejected spans stay as they were;
    # "Christian Guaidó" is only a bare surname match, too weak.
    assert outcome.created == 0
    assert not found.exists()
    confirmed.refresh_from_db()
    rejected.refresh_from_db()
    assert confirmed.actor == world.maduro and rejected.actor is None

    Alias.objects.filter(actor=world.guaido, key="juan guaido").update(rejected=False)
    Mention.objects.filter(pk=rejected.pk).update(status="extracted")
    outcome = actors_relink([world.guaido], articles=[article])
    spans = sorted(found.values_list("start", "end"))
    assert outcome.created == 1 and outcome.linked == 1
    assert [body[s:e] for s, e in spans] == ["Juan Guaido", "Juan Guaidó"]
    world.guaido.refresh_from_db()
    assert world.guaido.mention_count == 1 + 2


def test_relink_is_idempotent(world):
    actors_relink([world.maduro])
    rows = list(Mention.objects.order_by("pk").values())
    outcome = actors_relink([world.maduro])
    assert (outcome.created, outcome.linked) == (0, 0)
    assert list(Mention.objects.order_by("pk").values()) == rows
