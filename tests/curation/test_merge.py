"""Merge and undo (kb.curation.merge, kb.curation.undo), on the hand-built desk world."""

from __future__ import annotations

import pytest
from desk_world import snapshot_rows

from kb.articles.models import Mention
from kb.claims.models import Claim, Role, Stance
from kb.curation.base import WorkflowError
from kb.curation.merge import actors_merge
from kb.curation.undo import merge_undo
from kb.entities.models import Actor, Alias, MergeRecord

pytestmark = pytest.mark.django_db


def test_merge_moves_everything_to_the_survivor(world, editor):
    w = world
    (record,) = actors_merge(w.guaido, [w.guaido_dup], user=editor)

    w.guaido_dup.refresh_from_db()
    w.guaido.refresh_from_db()
    assert w.guaido_dup.merged_into == w.guaido
    assert record.performed_by == editor
    assert not Mention.objects.filter(actor=w.guaido_dup).exists()
    assert Mention.objects.filter(actor=w.guaido).count() == 3
    assert w.guaido.mention_count == 3
    assert w.guaido_dup.mention_count == 0
    assert Claim.objects.filter(speaker=w.guaido).get() == w.quote
    assert set(w.quote.subjects.all()) == {w.guaido}
    assert set(w.figure_two.subjects.all()) == {w.guaido}
    assert Role.objects.filter(actor=w.guaido).count() == 1
    assert Role.objects.filter(organization=w.guaido).count() == 1
    assert Stance.objects.filter(object_actor=w.guaido).count() == 1
    assert Stance.objects.filter(subject_actor=w.guaido).count() == 1
    assert set(w.guaido.tags.names()) == {"opposition", "assembly"}
    # The merged name is now an alias; the colliding "Guaido" stays with the merged actor.
    keys = set(Alias.objects.filter(actor=w.guaido).values_list("key", flat=True))
    assert {"juan guaido", "guaido"} <= keys
    assert Alias.objects.filter(actor=w.guaido, key="juan guaido").count() == 1
    # Merged actors drop out of what readers and the importer see.
    assert w.guaido_dup not in Actor.objects.active()


def test_undo_restores_every_row_exactly(world, editor):
    before = snapshot_rows()
    (record,) = actors_merge(world.guaido, [world.guaido_dup], user=editor)
    assert snapshot_rows() != before  # the merge did change rows
    merge_undo(record, user=editor)
    after = snapshot_rows()
    for table in before:
        assert after[table] == before[table], table
    record.refresh_from_db()
    assert record.undone_by == editor and record.undone_at is not None


def test_merge_of_three_then_undo_in_reverse(world, editor):
    before = snapshot_rows()
    records = actors_merge(world.guaido, [world.guaido_dup, world.maduro], user=editor)
    assert MergeRecord.objects.count() == 2
    for record in reversed(records):
        merge_undo(record)
    assert snapshot_rows() == before


def test_merge_refuses_nonsense(world):
    with pytest.raises(WorkflowError):
        actors_merge(world.guaido, [world.guaido])
    actors_merge(world.guaido, [world.guaido_dup])
    world.guaido_dup.refresh_from_db()
    with pytest.raises(WorkflowError, match="already merged"):
        actors_merge(world.maduro, [world.guaido_dup])
    with pytest.raises(WorkflowError, match="was itself merged"):
        actors_merge(world.guaido_dup, [world.maduro])


def test_undo_twice_or_under_a_later_merge_is_refused(world):
    (first,) = actors_merge(world.guaido, [world.guaido_dup])
    (second,) = actors_merge(world.maduro, [world.guaido])
    with pytest.raises(WorkflowError, match="undo that first"):
        merge_undo(first)
    merge_undo(second)
    merge_undo(first)
    with pytest.raises(WorkflowError, match="already undone"):
        merge_undo(first)
