"""One mention at a time: reject, confirm or re-point it; reject an alias.

In: a ``Mention`` (or an actor id and a surface form) and, for a re-link, the
actor or country it should point at. Out: the mention (or ``Alias``) saved.

Guarantees:

- each call is one ``transaction.atomic()`` that takes the actor-linking lock
  (PostgreSQL), then locks the mention, so it never interleaves with a merge
  or an import deciding the same rows;
- an editor's word is final: a confirmed or re-pointed mention is kept as is
  by re-imports and ``kb.curation.relink``; a rejection records a rejected
  ``Alias`` for the actor, so the importer never links that surface form to
  that actor again;
- ``Actor.mention_count`` and ``Country.mention_count`` move by the change's
  delta inside the same transaction (a recount would read every mention of an
  actor found in most articles, for one click).
"""

from __future__ import annotations

from django.db import transaction

from kb.articles.models import Mention
from kb.articles.services import add_mention_counts, take_actor_linking_lock
from kb.curation.base import User
from kb.entities.models import Actor, Alias
from kb.pipeline.fold import fold


def mention_reject(mention: Mention, *, user: User | None = None) -> Mention:
    """Mark a mention rejected and teach the importer never to link its surface again.

    The rejected ``Alias`` is recorded for the actor the mention pointed to
    (an existing accepted alias with that key becomes rejected). Country
    mentions are just marked rejected: countries have no aliases.
    """
    with transaction.atomic():
        take_actor_linking_lock()
        mention = Mention.objects.select_for_update().get(pk=mention.pk)
        counted = mention.status != Mention.Status.REJECTED
        mention.status = Mention.Status.REJECTED
        mention.save(update_fields=["status"])
        if mention.actor_id:
            alias_reject(mention.actor_id, mention.surface)
        if counted:
            _count(mention, -1)
    return mention


def mention_confirm(mention: Mention) -> Mention:
    """Mark a mention confirmed: re-imports and re-links keep it as it is."""
    with transaction.atomic():
        take_actor_linking_lock()
        mention = Mention.objects.select_for_update().get(pk=mention.pk)
        counted = mention.status != Mention.Status.REJECTED
        mention.status = Mention.Status.CONFIRMED
        mention.save(update_fields=["status"])
        if not counted:
            _count(mention, +1)
    return mention


def mention_relink(
    mention: Mention, *, actor: Actor | None = None, country_code: str | None = None
) -> Mention:
    """Point a mention at another actor (or country); the editor's word, so confirmed.

    The old actor gets a rejected alias for the surface, so the next import
    does not link it back.
    """
    with transaction.atomic():
        take_actor_linking_lock()
        if actor is not None:
            # Picked on a page read before a merge took it away: follow it.
            actor = actor_for_writing(actor.pk)
        mention = Mention.objects.select_for_update().get(pk=mention.pk)
        if mention.status != Mention.Status.REJECTED:
            _count(mention, -1)
        old_actor = mention.actor_id
        mention.actor = actor
        mention.country_id = country_code if actor is None else None
        mention.status = Mention.Status.CONFIRMED
        mention.save(update_fields=["actor", "country", "status"])
        _count(mention, +1)
        if old_actor and old_actor != mention.actor_id:
            alias_reject(old_actor, mention.surface)
    return mention


def alias_reject(actor_id: int, surface: str) -> Alias | None:
    """Record that ``surface`` does not name this actor (idempotent)."""
    key = fold(surface)
    if not key:
        return None
    with transaction.atomic():
        actor_id = actor_for_writing(actor_id).pk
        alias = Alias.objects.select_for_update().filter(actor_id=actor_id, key=key).first()
        if alias is None:
            return Alias.objects.create(
                actor_id=actor_id, name=surface[:200], origin=Alias.Origin.EDITOR, rejected=True
            )
        if not alias.rejected:
            alias.rejected = True
            alias.save(update_fields=["rejected"])
        return alias


def actor_for_writing(actor_id: int) -> Actor:
    """The live actor that rows meant for ``actor_id`` belong on, locked until commit.

    Follows ``merged_into`` (an actor merged since the caller read it hands its
    rows to the survivor) and takes the same row locks as a merge, so a merge
    either sees the rows written or runs first and is followed: nothing is left
    hanging on a hidden actor. Call it inside ``transaction.atomic()``, before
    locking the rows to attach: actors first, as a merge does, so the two never
    deadlock.
    """
    actor = Actor.objects.select_for_update().get(pk=actor_id)
    seen = {actor.pk}
    while actor.merged_into_id and actor.merged_into_id not in seen:
        actor = Actor.objects.select_for_update().get(pk=actor.merged_into_id)
        seen.add(actor.pk)
    return actor


def _count(mention: Mention, delta: int) -> None:
    # A delta, not a recount: recounting reads every mention of an actor that
    # appears in most articles, and one editor's click should not cost that.
    add_mention_counts(
        actors={mention.actor_id: delta} if mention.actor_id else {},
        countries={mention.country_id: delta} if mention.country_id else {},
    )
