"""One mention at a time (kb.curation.mentions): reject, confirm, re-point; counts stay exact."""

from __future__ import annotations

import pytest

from kb.articles.models import Mention
from kb.curation.mentions import mention_confirm, mention_reject, mention_relink
from kb.entities.models import Alias

pytestmark = pytest.mark.django_db


def test_reject_records_a_rejected_alias_the_importer_reads(world):
    from kb.ingest.snapshot import SnapshotIndex

    m = Mention.objects.get(article=world.two, surface="Guaidó")
    mention_reject(m)
    m.refresh_from_db()
    world.guaido_dup.refresh_from_db()
    assert m.status == Mention.Status.REJECTED
    assert world.guaido_dup.mention_count == 1
    alias = Alias.objects.get(actor=world.guaido_dup, key="guaido")
    assert alias.rejected
    known = {a.key: a for a in SnapshotIndex.load().snapshot().actors}
    assert "Guaido" in known[world.guaido_dup.slug].rejected
    assert "Guaido" not in known[world.guaido_dup.slug].aliases


def test_relink_moves_mention_and_rejects_the_old_actor(world):
    m = Mention.objects.get(article=world.two, surface="Guaidó")
    mention_relink(m, actor=world.guaido)
    m.refresh_from_db()
    assert (m.actor, m.status) == (world.guaido, Mention.Status.CONFIRMED)
    assert Alias.objects.get(actor=world.guaido_dup, key="guaido").rejected
    world.guaido.refresh_from_db()
    assert world.guaido.mention_count == 2


def test_editor_alias_reaches_the_next_import(world, monkeypatch):
    """An alias added by an editor is in the snapshot the pipeline receives."""
    from kb.ingest import services as ingest

    seen = []
    real_extract = ingest.extract

    def spy(raw, snapshot):
        seen.append(snapshot)
        return real_extract(raw, snapshot)

    monkeypatch.setattr(ingest, "extract", spy)
    Alias.objects.create(actor=world.maduro, name="El Presidente Obrero", origin="editor")
    outcome = ingest.article_import(
        "Caracas. El Presidente Obrero spoke on television tonight.", original_name="alias.txt"
    )
    assert outcome.status == "new"
    (snapshot,) = seen
    by_key = {a.key: a for a in snapshot.actors}
    assert "El Presidente Obrero" in by_key[world.maduro.slug].aliases


def test_mention_counts_stay_exact_through_reject_confirm_and_relink(world):
    """The workflows apply deltas instead of recounting; a recount agrees after each."""
    from kb.articles.services import refresh_mention_counts
    from kb.entities.models import Actor, Country

    def stored() -> dict[str, int]:
        return {
            **{a.slug: a.mention_count for a in Actor.objects.all()},
            **{c.code: c.mention_count for c in Country.objects.filter(mention_count__gt=0)},
        }

    def recounted() -> dict[str, int]:
        refresh_mention_counts(
            actor_ids=Actor.objects.values_list("pk", flat=True),
            country_codes=Country.objects.values_list("pk", flat=True),
        )
        return stored()

    mentions = list(Mention.objects.filter(actor__isnull=False).order_by("pk"))
    assert len(mentions) >= 3
    steps = [
        lambda: mention_reject(mentions[0]),
        lambda: mention_reject(mentions[0]),  # twice: counted once
        lambda: mention_confirm(mentions[0]),  # a rejected one comes back
        lambda: mention_confirm(mentions[1]),  # already counted
        lambda: mention_relink(mentions[1], actor=world.guaido),
        lambda: mention_reject(mentions[2]),
        lambda: mention_relink(mentions[2], actor=world.guaido_dup),  # from rejected
        lambda: mention_relink(mentions[0], country_code="VE"),
    ]
    for step in steps:
        step()
        before = stored()
        assert before == recounted()
