"""Undo a merge: put back every row it changed, as it was before.

In: a ``MergeRecord`` written by ``kb.curation.merge`` and the editor.
Out: the record, stamped ``undone_at`` / ``undone_by``; or a ``WorkflowError``
when it was undone already, or when its survivor was merged since (undo that
later merge first).

Guarantees: one ``transaction.atomic()`` that takes the actor-linking lock,
then locks the record and both actors; only rows still where the merge put
them go back (a row an editor has since re-linked elsewhere, or deleted, keeps
the editor's decision); deduplicated subject links and tags are recreated
with their primary keys; fact keys are recomputed and mention counts
recounted in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import TaggedItem

from kb.articles.models import Mention
from kb.articles.services import refresh_mention_counts, take_actor_linking_lock
from kb.claims.models import Claim, Role, Stance
from kb.curation.base import User, WorkflowError, user_or_none
from kb.entities.models import Actor, Alias, MergeRecord


@dataclass
class UndoMergeAction:
    """Put back every row a merge changed, as it was before the merge."""

    record: MergeRecord
    user: User | None = None

    def check(self) -> None:
        if self.record.undone_at is not None:
            raise WorkflowError("This merge was already undone.")
        # A later merge that took the survivor away would leave rows stranded.
        if Actor.objects.filter(pk=self.record.survivor_id, merged_into__isnull=False).exists():
            raise WorkflowError(
                f"{self.record.survivor} was merged into another actor since; undo that first."
            )

    def execute(self) -> MergeRecord:
        with transaction.atomic():
            take_actor_linking_lock()
            record = MergeRecord.objects.select_for_update().get(pk=self.record.pk)
            self.record = record
            self.check()
            Actor.objects.select_for_update().filter(
                pk__in=[record.survivor_id, record.merged_id]
            ).count()
            _undo_one(record)
            record.undone_at = timezone.now()
            record.undone_by = user_or_none(self.user)
            record.save(update_fields=["undone_at", "undone_by"])
            refresh_mention_counts(actor_ids=[record.survivor_id, record.merged_id])
        return record


def merge_undo(record: MergeRecord, *, user: User | None = None) -> MergeRecord:
    """Undo one merge; see ``UndoMergeAction``."""
    return UndoMergeAction(record, user).execute()


def _undo_one(record: MergeRecord) -> None:
    # Only rows still where the merge put them go back: a row an editor has
    # since re-linked elsewhere (or deleted) keeps the editor's decision.
    moved, m, s = record.moved, record.merged_id, record.survivor_id
    Alias.objects.filter(pk__in=moved.get("aliases_created", []), actor_id=s).delete()
    Alias.objects.filter(pk__in=moved.get("aliases", []), actor_id=s).update(actor_id=m)
    for model, field_name, key in [
        (Mention, "actor_id", "mentions"),
        (Claim, "speaker_id", "claims_speaker"),
        (Role, "actor_id", "roles_actor"),
        (Role, "organization_id", "roles_organization"),
        (Stance, "subject_actor_id", "stances_subject"),
        (Stance, "object_actor_id", "stances_object"),
    ]:
        model.objects.filter(pk__in=moved.get(key, []), **{field_name: s}).update(**{field_name: m})
        if model in (Role, Stance):
            _refresh_keys(model, moved.get(key, []))
    through = Claim.subjects.through
    through.objects.filter(pk__in=moved.get("claim_subjects", []), actor_id=s).update(actor_id=m)
    dropped = moved.get("claim_subjects_dropped", [])
    alive = set(Claim.objects.filter(pk__in=[c for _, c in dropped]).values_list("pk", flat=True))
    through.objects.bulk_create(
        [through(pk=pk, claim_id=c, actor_id=m) for pk, c in dropped if c in alive],
        ignore_conflicts=True,
    )
    ct = ContentType.objects.get_for_model(Actor)
    TaggedItem.objects.filter(pk__in=moved.get("tags", []), object_id=s).update(object_id=m)
    TaggedItem.objects.bulk_create(
        [
            TaggedItem(pk=pk, tag_id=t, content_type=ct, object_id=m)
            for pk, t in moved.get("tags_dropped", [])
        ],
        ignore_conflicts=True,
    )
    Actor.objects.filter(pk=m).update(merged_into_id=None)


def _refresh_keys(model: Any, pks: Iterable[int]) -> None:
    rows = list(model.objects.filter(pk__in=list(pks)))
    for row in rows:
        row.key = row.compute_key()
    model.objects.bulk_update(rows, ["key"])
