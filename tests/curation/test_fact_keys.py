"""Facts keep one row per key through the editors' workflows: merge, undo, split."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_world import snapshot_rows

from kb.claims.models import ClaimSource, Role, RoleEvidence, Stance
from kb.curation.merge import actors_merge
from kb.curation.split import article_split
from kb.curation.undo import merge_undo

pytestmark = pytest.mark.django_db


def test_a_merge_moves_facts_with_their_keys_and_leaves_the_ones_the_survivor_holds(world, editor):
    w = world
    # The survivor already opposes Maduro: the duplicate's same fact cannot move onto it.
    held = Stance.objects.create(subject_actor=w.guaido, relation="opposes", object_actor=w.maduro)
    (record,) = actors_merge(w.guaido, [w.guaido_dup], user=editor)
    moved = Stance.objects.get(subject_actor=w.lima)
    assert moved.object_actor == w.guaido
    assert moved.key == f"actor:{w.lima.pk}|recognizes|0|actor:{w.guaido.pk}"
    assert list(Stance.objects.filter(key=held.key)) == [held]
    stayed = Stance.objects.get(subject_actor=w.guaido_dup)  # hidden with its actor
    assert stayed.key == stayed.compute_key()
    role = Role.objects.get(pk=w.role.pk)
    assert (role.actor, role.key) == (w.guaido, role.compute_key())
    assert all(s.key == s.compute_key() for s in Stance.objects.all())
    merge_undo(record, user=editor)
    assert all(s.key == s.compute_key() for s in Stance.objects.all())
    assert all(r.key == r.compute_key() for r in Role.objects.all())


def test_undo_after_a_merge_of_facts_restores_every_row(world, editor):
    before = snapshot_rows()
    (record,) = actors_merge(world.guaido, [world.guaido_dup], user=editor)
    merge_undo(record, user=editor)
    after = snapshot_rows()
    for table in before:
        assert after[table] == before[table], table


def test_split_moves_other_sources_and_role_evidence_in_the_tail(world):
    w = world
    tail = len(w.one.body) - 10
    ClaimSource.objects.create(claim=w.figure_two, article=w.one, start=tail, end=tail + 5)
    evidence = RoleEvidence.objects.create(role=w.role, article=w.one, start=tail, end=tail + 5)
    position = w.one.body.rfind(" ", 0, tail) + 1
    new = article_split(w.one, position, published=dt.date(2019, 2, 1))
    (source,) = ClaimSource.objects.filter(claim=w.figure_two)
    evidence.refresh_from_db()
    assert (source.article, source.start) == (new, tail - position)
    assert (evidence.article, evidence.start) == (new, tail - position)
