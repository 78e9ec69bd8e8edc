"""Merges and undo racing other editors' writes lose nothing.

Two threads, each with its own database connection, overlap for real: one
opens its transaction and does its work (taking its locks), then holds the
transaction open while the other starts and must wait; then the roles are
swapped. On PostgreSQL this exercises the row locks (``select_for_update``);
on SQLite, whose writers are serialised by IMMEDIATE transactions and a busy
timeout, it shows the second writer waits instead of failing. Afterwards
every row is either on the survivor or where an editor put it, no row points
at a hidden (merged) actor, and the mention counts are right.

pytest-django's SQLite test database lives in memory with a shared cache,
where a second connection gets "database table is locked" at once instead of
waiting; so on SQLite these tests run on a migrated scratch file instead.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections, transaction

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "curation"))

from desk_world import World, world  # noqa: F401  (fixture)

from kb.articles.models import Mention
from kb.articles.services import refresh_mention_counts
from kb.claims.models import Claim, Role, Stance
from kb.curation.mentions import actor_for_writing, mention_confirm, mention_relink
from kb.curation.merge import actors_merge
from kb.curation.undo import merge_undo
from kb.entities.models import Actor, Alias, MergeRecord

pytestmark = [pytest.mark.django_db(transaction=True)]

HOLD = 0.6  # how long the first thread keeps its transaction open once the second started


@pytest.fixture
def threaded_db(request, transactional_db) -> Iterator[None]:
    """A database that several connections can write to, waiting for each other."""
    if connection.vendor != "sqlite":
        yield
        return
    scratch = request.getfixturevalue("scratch_db")
    # Threads build their connections from connections.settings; this thread keeps
    # its in-memory one aside (closing it would drop that database) and uses a new one.
    original = connections.settings["default"]
    scratch_settings = {**original, "NAME": scratch.url.removeprefix("sqlite:///")}
    in_memory = connections["default"]
    connections.settings["default"] = scratch_settings
    connections["default"] = in_memory.__class__(scratch_settings, "default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = in_memory
        connections.settings["default"] = original


@pytest.fixture
def w(request, threaded_db) -> World:
    # Built after the switch, so on the database the threads will use.
    return request.getfixturevalue("world")


def overlap(first: Callable[[], Any], second: Callable[[], Any]) -> dict[str, Any]:
    """Run ``first`` in a transaction held open until ``second`` has started and waited.

    Returns each side's result (or exception) and how long ``second`` took.
    """
    holding, started = threading.Event(), threading.Event()
    out: dict[str, Any] = {}

    def one() -> None:
        try:
            with transaction.atomic():
                out["first"] = first()
                holding.set()
                started.wait(10)
                time.sleep(HOLD)  # the second thread is now blocked on our locks
        except Exception as exc:
            out["first_error"] = exc
        finally:
            holding.set()
            connections.close_all()

    def two() -> None:
        holding.wait(10)
        started.set()
        t0 = time.monotonic()
        try:
            out["second"] = second()
        except Exception as exc:
            out["second_error"] = exc
        finally:
            out["second_took"] = time.monotonic() - t0
            connections.close_all()

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert "first_error" not in out, out
    assert "second_error" not in out, out
    # The second writer really had to wait for the first one's commit.
    assert out["second_took"] >= HOLD * 0.8, out
    return out


def merge(w: World) -> Callable[[], list[MergeRecord]]:
    return lambda: actors_merge(w.guaido, [w.guaido_dup])


def undo() -> Callable[[], MergeRecord]:
    return lambda: merge_undo(MergeRecord.objects.get())


def assert_consistent() -> None:
    """No row hangs on a merged actor, and every mention count is a true count."""
    merged = set(Actor.objects.filter(merged_into__isnull=False).values_list("pk", flat=True))
    assert not Mention.objects.filter(actor__in=merged).exists()
    assert not Claim.objects.filter(speaker__in=merged).exists()
    assert not Claim.subjects.through.objects.filter(actor__in=merged).exists()
    assert not Role.objects.filter(actor__in=merged).exists()
    assert not Stance.objects.filter(subject_actor__in=merged).exists()
    assert not Stance.objects.filter(object_actor__in=merged).exists()
    for actor in Actor.objects.all():
        accepted = actor.mentions.exclude(status=Mention.Status.REJECTED).count()
        assert actor.mention_count == accepted, actor


def counts() -> dict[str, int]:
    return {
        "mentions": Mention.objects.count(),
        "claims": Claim.objects.count(),
        "aliases": Alias.objects.count(),
        "roles": Role.objects.count(),
        "stances": Stance.objects.count(),
    }


# --------------------------------------------------------------------------- confirm


@pytest.mark.parametrize("merge_first", [True, False], ids=["merge-first", "confirm-first"])
def test_merge_and_confirm_of_the_merged_actors_mention(w, merge_first):
    m = Mention.objects.get(article=w.two, surface="Guaidó", actor=w.guaido_dup)
    before = counts()
    confirm = lambda: mention_confirm(m)  # noqa: E731
    overlap(merge(w), confirm) if merge_first else overlap(confirm, merge(w))

    m.refresh_from_db()
    # The merge moved it and the confirmation stuck, whichever came first.
    assert (m.actor_id, m.status) == (w.guaido.pk, Mention.Status.CONFIRMED)
    assert counts()["mentions"] == before["mentions"]
    assert Mention.objects.filter(actor=w.guaido).count() == 3
    assert_consistent()


@pytest.mark.parametrize("undo_first", [True, False], ids=["undo-first", "confirm-first"])
def test_undo_and_confirm_of_a_moved_mention(w, undo_first):
    (record,) = actors_merge(w.guaido, [w.guaido_dup])
    m = Mention.objects.get(article=w.two, surface="Guaidó")
    assert m.actor_id == w.guaido.pk
    confirm = lambda: mention_confirm(m)  # noqa: E731
    overlap(undo(), confirm) if undo_first else overlap(confirm, undo())

    m.refresh_from_db()
    assert (m.actor_id, m.status) == (w.guaido_dup.pk, Mention.Status.CONFIRMED)
    record.refresh_from_db()
    assert record.undone_at is not None
    assert_consistent()


# --------------------------------------------------------------------------- relink


@pytest.mark.parametrize("merge_first", [True, False], ids=["merge-first", "relink-first"])
def test_relink_to_the_actor_being_merged_lands_on_the_survivor(w, merge_first):
    # The editor picked Juan Guaido (the duplicate) for the unresolved "Lima" span,
    # on a page read before the merge.
    lima = Mention.objects.get(article=w.one, surface="Lima", actor__isnull=True)
    before = counts()
    relink = lambda: mention_relink(lima, actor=w.guaido_dup)  # noqa: E731
    overlap(merge(w), relink) if merge_first else overlap(relink, merge(w))

    lima.refresh_from_db()
    assert lima.actor_id == w.guaido.pk, "stranded on the merged actor"
    assert lima.status == Mention.Status.CONFIRMED
    assert counts()["mentions"] == before["mentions"]
    assert_consistent()


@pytest.mark.parametrize("undo_first", [True, False], ids=["undo-first", "relink-first"])
def test_undo_keeps_a_relink_made_after_the_merge(w, undo_first):
    actors_merge(w.guaido, [w.guaido_dup])
    # A mention the merge moved; an editor now says it means Maduro.
    moved = Mention.objects.get(article=w.two, surface="Guaidó")
    relink = lambda: mention_relink(moved, actor=w.maduro)  # noqa: E731
    overlap(undo(), relink) if undo_first else overlap(relink, undo())

    moved.refresh_from_db()
    assert (moved.actor_id, moved.status) == (w.maduro.pk, Mention.Status.CONFIRMED)
    # Everything else the merge moved is back on the duplicate.
    assert Mention.objects.filter(actor=w.guaido_dup).count() == 1
    assert Claim.objects.filter(speaker=w.guaido_dup).get() == w.quote
    assert_consistent()


# --------------------------------------------------------------------------- rows added


def add_rows(actor: Actor, w: World) -> Callable[[], dict[str, int]]:
    """An editor attaching new rows to ``actor`` the way the services do."""

    def write() -> dict[str, int]:
        with transaction.atomic():
            target = actor_for_writing(actor.pk)
            alias = Alias.objects.create(actor=target, name="El Interino")
            claim = Claim.objects.create(
                article=w.one,
                start=0,
                end=4,
                kind=Claim.Kind.STATEMENT,
                text="Juan",
                speaker=target,
            )
            claim.subjects.add(target)
            found = Mention.objects.create(
                article=w.two, start=0, end=7, surface="Nicolás", actor=target
            )
            refresh_mention_counts(actor_ids=[target.pk])
        return {"alias": alias.pk, "claim": claim.pk, "mention": found.pk}

    return write


@pytest.mark.parametrize("merge_first", [True, False], ids=["merge-first", "writer-first"])
def test_rows_added_to_the_merged_actor_during_a_merge_move_or_follow(w, merge_first):
    before = counts()
    write = add_rows(w.guaido_dup, w)
    out = overlap(merge(w), write) if merge_first else overlap(write, merge(w))
    added = out["second"] if merge_first else out["first"]

    after = counts()
    assert after["mentions"] == before["mentions"] + 1
    assert after["claims"] == before["claims"] + 1
    # The merge adds one alias (the merged name) unless the survivor already had it.
    assert after["aliases"] >= before["aliases"] + 1
    # Whether written before the merge (and moved by it) or after (following it),
    # the new rows end up on the survivor.
    assert Alias.objects.get(pk=added["alias"]).actor_id == w.guaido.pk
    claim = Claim.objects.get(pk=added["claim"])
    assert claim.speaker_id == w.guaido.pk
    assert list(claim.subjects.values_list("pk", flat=True)) == [w.guaido.pk]
    assert Mention.objects.get(pk=added["mention"]).actor_id == w.guaido.pk
    assert_consistent()


@pytest.mark.parametrize("undo_first", [True, False], ids=["undo-first", "writer-first"])
def test_rows_added_during_an_undo_stay_on_a_live_actor(w, undo_first):
    actors_merge(w.guaido, [w.guaido_dup])
    before = counts()
    write = add_rows(w.guaido_dup, w)
    out = overlap(undo(), write) if undo_first else overlap(write, undo())
    added = out["second"] if undo_first else out["first"]

    # After the undo the duplicate is live again; rows written while it was merged
    # went to the survivor and stay there, rows written after the undo are its own.
    expected = w.guaido_dup.pk if undo_first else w.guaido.pk
    assert Alias.objects.get(pk=added["alias"]).actor_id == expected
    assert Claim.objects.get(pk=added["claim"]).speaker_id == expected
    assert Mention.objects.get(pk=added["mention"]).actor_id == expected
    after = counts()
    assert after["mentions"] == before["mentions"] + 1
    assert after["claims"] == before["claims"] + 1
    assert not Actor.objects.filter(merged_into__isnull=False).exists()
    assert_consistent()
