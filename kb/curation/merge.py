"""Merge actors: one survivor takes over everything the others had.

In: the actor to keep, the actors to merge into it, and the editor.
Out: one ``MergeRecord`` per merged actor, listing every row the merge changed
with its previous value, so ``kb.curation.undo`` can put each one back
exactly (same primary keys, same values); or a ``WorkflowError``.

Guarantees: one ``transaction.atomic()`` that first takes the actor-linking
lock (PostgreSQL; an import choosing actors for its mentions waits) and then
``select_for_update()`` on every actor involved; aliases, mentions, claims (as
speaker and as subject), roles, stances and tags move to the survivor; rows
the survivor already has (same alias key, subject link, tag, or fact key) are
left on the merged actor or recorded in full before deletion, so nothing is
lost that undo cannot recreate; ``Actor.mention_count`` is recounted in the
same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from taggit.models import TaggedItem

from kb.articles.models import Mention
from kb.articles.services import refresh_mention_counts, take_actor_linking_lock
from kb.claims.models import Claim, Role, Stance
from kb.curation.base import User, WorkflowError, user_or_none
from kb.entities.models import Actor, Alias, MergeRecord
from kb.pipeline.fold import fold


@dataclass
class MergeActorsAction:
    """Merge ``merged`` actors into ``survivor``.

    ``check()`` raises ``WorkflowError`` when the merge makes no sense;
    ``execute()`` runs it and returns one ``MergeRecord`` per merged actor.
    """

    survivor: Actor
    merged: Sequence[Actor]
    user: User | None = None

    def check(self) -> None:
        others = [a for a in self.merged if a.pk != self.survivor.pk]
        if not others:
            raise WorkflowError("Pick at least two actors: one to keep and one to merge into it.")
        if self.survivor.merged_into_id:
            raise WorkflowError(f"{self.survivor} was itself merged; pick an active actor.")
        for actor in others:
            if actor.merged_into_id:
                raise WorkflowError(f"{actor} is already merged into another actor.")

    def execute(self) -> list[MergeRecord]:
        self.check()
        records = []
        with transaction.atomic():
            # An import choosing actors for its mentions must not interleave.
            take_actor_linking_lock()
            ids = [self.survivor.pk, *(a.pk for a in self.merged if a.pk != self.survivor.pk)]
            locked = {a.pk: a for a in Actor.objects.select_for_update().filter(pk__in=ids)}
            survivor = locked[self.survivor.pk]
            if survivor.merged_into_id:
                raise WorkflowError(f"{survivor} was merged meanwhile.")
            for pk in ids[1:]:
                actor = locked[pk]
                if actor.merged_into_id:
                    raise WorkflowError(f"{actor} was merged meanwhile.")
                records.append(_merge_one(survivor, actor, self.user))
            refresh_mention_counts(actor_ids=ids)
        return records


def actors_merge(
    survivor: Actor, merged: Sequence[Actor], *, user: User | None = None
) -> list[MergeRecord]:
    """Merge ``merged`` into ``survivor``; see ``MergeActorsAction``."""
    return MergeActorsAction(survivor, merged, user).execute()


def _merge_one(survivor: Actor, merged: Actor, user: User | None) -> MergeRecord:
    """Move everything of ``merged`` onto ``survivor``, recording old values.

    Rows that would collide with one the survivor already has (an alias with
    the same key, a subject link or a tag it already carries) stay put or are
    recorded in full before deletion, so undo can recreate them with their
    primary keys.
    """
    moved: dict[str, Any] = {}
    s, m = survivor.pk, merged.pk

    # Aliases: move those the survivor does not already have.
    survivor_keys = set(Alias.objects.filter(actor_id=s).values_list("key", flat=True))
    alias_rows = list(Alias.objects.select_for_update().filter(actor_id=m).values_list("pk", "key"))
    movable = [pk for pk, key in alias_rows if key not in survivor_keys]
    Alias.objects.filter(pk__in=movable).update(actor_id=s)
    moved["aliases"] = movable
    survivor_keys |= {key for pk, key in alias_rows if pk in set(movable)}

    # The merged actor's own name becomes an alias of the survivor.
    created = []
    if fold(merged.name) and fold(merged.name) not in survivor_keys:
        created.append(
            Alias.objects.create(actor_id=s, name=merged.name, origin=Alias.Origin.MERGE).pk
        )
    moved["aliases_created"] = created

    moved["mentions"] = _move_fk(Mention, "actor_id", m, s)
    moved["claims_speaker"] = _move_fk(Claim, "speaker_id", m, s)
    moved["roles_actor"] = _move_facts(Role, "actor_id", m, s)
    moved["roles_organization"] = _move_facts(Role, "organization_id", m, s)
    moved["stances_subject"] = _move_facts(Stance, "subject_actor_id", m, s)
    moved["stances_object"] = _move_facts(Stance, "object_actor_id", m, s)

    # Claims about the merged actor: through rows, deduplicated.
    through = Claim.subjects.through
    has_survivor = set(through.objects.filter(actor_id=s).values_list("claim_id", flat=True))
    rows = list(through.objects.filter(actor_id=m).values_list("pk", "claim_id"))
    moved["claim_subjects"], moved["claim_subjects_dropped"] = _move_deduplicated(
        through, "actor_id", rows, has_survivor, s
    )

    # Tags, the same way.
    ct = ContentType.objects.get_for_model(Actor)
    items = TaggedItem.objects.filter(content_type=ct)
    survivor_tags = set(items.filter(object_id=s).values_list("tag_id", flat=True))
    rows = list(items.filter(object_id=m).values_list("pk", "tag_id"))
    moved["tags"], moved["tags_dropped"] = _move_deduplicated(
        TaggedItem, "object_id", rows, survivor_tags, s
    )

    # A queryset update, not save(): undo must restore updated_at exactly too.
    Actor.objects.filter(pk=m).update(merged_into_id=s)
    return MergeRecord.objects.create(
        survivor_id=s, merged_id=m, moved=moved, performed_by=user_or_none(user)
    )


def _move_deduplicated(
    model: Any, field_name: str, rows: list[tuple[int, Any]], held: set[Any], new: int
) -> tuple[list[int], list[list[Any]]]:
    """Point ``rows`` (pk, value) at ``new``, deleting those whose value it already holds.

    Returns the moved primary keys, and the deleted rows as ``[pk, value]`` so
    undo can recreate them.
    """
    move = [pk for pk, value in rows if value not in held]
    drop = [[pk, value] for pk, value in rows if value in held]
    model.objects.filter(pk__in=move).update(**{field_name: new})
    model.objects.filter(pk__in=[pk for pk, _ in drop]).delete()
    return move, drop


def _move_fk(model: Any, field_name: str, old: int, new: int) -> list[int]:
    qs = model.objects.select_for_update().filter(**{field_name: old})
    pks = list(qs.values_list("pk", flat=True))
    model.objects.filter(pk__in=pks).update(**{field_name: new})
    return pks


def _move_facts(model: Any, field_name: str, old: int, new: int) -> list[int]:
    """Move stances or roles like ``_move_fk``, keeping their keys right.

    A fact the survivor already holds (same key) stays on the merged actor, hidden
    with it: the survivor's row is that fact, and undo has nothing to take apart.
    """
    rows = list(model.objects.select_for_update().filter(**{field_name: old}))
    for row in rows:
        setattr(row, field_name, new)
    wanted = {row.pk: row.compute_key() for row in rows}
    taken = set(
        model.objects.filter(key__in=set(wanted.values()))
        .exclude(pk__in=list(wanted))
        .values_list("key", flat=True)
    )
    moved = []
    for row in rows:
        if wanted[row.pk] in taken:
            continue
        taken.add(wanted[row.pk])
        row.key = wanted[row.pk]
        moved.append(row)
    model.objects.bulk_update(moved, [field_name.removesuffix("_id"), "key"])
    return [row.pk for row in moved]
