"""Review-queue decisions: confirm, reject or correct one extracted fact.

In: a stance, a role or a quote claim (status ``extracted``) the queue showed,
the editor who decides, and for a correction the new values.
Out: the row saved once, as the editor's word:

- a stance or role becomes ``confirmed`` or ``rejected``; a correction
  (stance: subject, relation, negated, object; role: title) becomes confirmed
  and keeps the key it was extracted under, so the importer attaches new
  evidence to it instead of bringing the old reading back;
- a quote becomes ``reviewed`` (its speaker confirmed, or corrected first) or
  ``deprecated`` when rejected (hidden from readers, never deleted); the
  importer keeps any claim no longer ``extracted``.

Guarantees: each call is one ``transaction.atomic()`` that re-reads and locks
the row, so two editors deciding at once never overwrite each other silently:
the second one gets a ``ReviewError`` when the row was decided meanwhile. Every
save writes a history row with the editor as history user and a change reason
starting "Review queue:".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from kb.claims.models import Claim, Decision, Role, Stance
from kb.entities.models import Actor, Country

KINDS = ("stance", "role", "quote")
REASON = "Review queue: {}"
# Which permission each kind of decision needs (the Editors group has them all).
PERMISSIONS = {
    "stance": "claims.change_stance",
    "role": "claims.change_role",
    "quote": "claims.review_claim",
}


class ReviewError(Exception):
    """A decision that cannot be made; the message is shown to the editor as is."""


@dataclass(frozen=True)
class Item:
    """One queue entry: ``stance:12``, ``role:4`` or ``quote:9``."""

    kind: str
    pk: int

    @classmethod
    def parse(cls, value: str) -> Item:
        kind, _, pk = (value or "").partition(":")
        if kind not in KINDS or not pk.isdigit():
            raise ReviewError(f"Not a review item: {value!r}.")
        return cls(kind, int(pk))

    def __str__(self) -> str:
        return f"{self.kind}:{self.pk}"


def _stamp(row: Any, user: Any, reason: str) -> None:
    """What simple_history records with the next save: who, and why."""
    if user is not None and getattr(user, "is_authenticated", False):
        row._history_user = user
    row._change_reason = REASON.format(reason)


def _locked(item: Item) -> Stance | Role | Claim:
    """The row, re-read under lock; it must still await review."""
    if item.kind == "quote":
        row = Claim.objects.select_for_update().filter(pk=item.pk, kind=Claim.Kind.QUOTE).first()
        if row is None:
            raise ReviewError(f"Quote #{item.pk} no longer exists.")
        if row.status != Claim.Status.EXTRACTED:
            raise ReviewError(f"Quote #{item.pk} was already {row.get_status_display().lower()}.")
        return row
    model = Stance if item.kind == "stance" else Role
    fact = model.objects.select_for_update().filter(pk=item.pk).first()
    if fact is None:
        raise ReviewError(f"{item.kind.title()} #{item.pk} no longer exists.")
    if fact.decision != Decision.EXTRACTED:
        raise ReviewError(
            f"{item.kind.title()} #{item.pk} was already {fact.get_decision_display().lower()}."
        )
    return fact


def _quote_status(claim: Claim, status: str, user: Any) -> None:
    claim.status = status
    claim.status_changed_by = user if getattr(user, "is_authenticated", False) else None
    claim.status_changed_at = timezone.now()


def item_confirm(item: Item, *, user: Any) -> Stance | Role | Claim:
    """Confirm a stance or role; for a quote, confirm its speaker (status reviewed)."""
    with transaction.atomic():
        row = _locked(item)
        if isinstance(row, Claim):
            _quote_status(row, Claim.Status.REVIEWED, user)
            _stamp(
                row, user, "speaker confirmed" if row.speaker_id else "reviewed, speaker unknown"
            )
            row.save(update_fields=["status", "status_changed_by", "status_changed_at"])
        else:
            row.decision = Decision.CONFIRMED
            _stamp(row, user, "confirmed")
            row.save(update_fields=["decision"])
    return row


def item_reject(item: Item, *, user: Any) -> Stance | Role | Claim:
    """Reject a stance or role (hidden for good); deprecate a quote (hidden, kept)."""
    with transaction.atomic():
        row = _locked(item)
        if isinstance(row, Claim):
            _quote_status(row, Claim.Status.DEPRECATED, user)
            _stamp(row, user, "rejected (deprecated)")
            row.save(update_fields=["status", "status_changed_by", "status_changed_at"])
        else:
            row.decision = Decision.REJECTED
            _stamp(row, user, "rejected")
            row.save(update_fields=["decision"])
    return row


def items_confirm(items: Iterable[Item], *, user: Any) -> tuple[int, list[str]]:
    """Confirm several items at once, all or nothing; returns (confirmed, problems).

    Items decided meanwhile are skipped and named in ``problems``; the rest are
    confirmed in one transaction.
    """
    done, problems = 0, []
    with transaction.atomic():
        for item in items:
            try:
                # A savepoint each: a skipped item leaves the others' work intact.
                with transaction.atomic():
                    item_confirm(item, user=user)
            except ReviewError as exc:
                problems.append(str(exc))
            else:
                done += 1
    return done, problems


def stance_correct(
    item: Item,
    *,
    subject: Actor | Country,
    relation: str,
    negated: bool,
    obj: Actor | Country,
    user: Any,
) -> Stance:
    """Correct a stance's subject, relation, negation and object; it becomes confirmed.

    Refused when the corrected fact already exists (correct or reject that one
    instead) or when subject and object are the same.
    """
    if relation not in Stance.Relation.values:
        raise ReviewError(f"Unknown relation {relation!r}.")
    if type(subject) is type(obj) and subject.pk == obj.pk:
        raise ReviewError("A stance needs two different ends.")
    with transaction.atomic():
        stance = _locked(item)
        assert isinstance(stance, Stance)
        before = str(stance)
        for side, target in (("subject", subject), ("object", obj)):
            is_actor = isinstance(target, Actor)
            setattr(stance, f"{side}_actor", target if is_actor else None)
            setattr(stance, f"{side}_country", None if is_actor else target)
        stance.relation, stance.negated = relation, negated
        _save_corrected(
            stance,
            user,
            f"corrected from “{before}”",
            "reject this one instead, or correct it differently.",
        )
    return stance


def role_correct(item: Item, *, title: str, user: Any) -> Role:
    """Correct a role's title; it becomes confirmed (refused when that post exists)."""
    title = " ".join(title.split())[:200]
    if not title:
        raise ReviewError("A role needs a title.")
    with transaction.atomic():
        role = _locked(item)
        assert isinstance(role, Role)
        before = role.title
        role.title = title
        _save_corrected(role, user, f"title corrected from “{before}”", "reject this one instead.")
    return role


def _save_corrected(fact: Stance | Role, user: Any, note: str, advice: str) -> None:
    """Save an editor's correction as confirmed, unless it turns the fact into one that
    already exists; the importer's key is kept, so re-imports still find the fact."""
    kind = fact._meta.model_name
    same = type(fact).objects.filter(key=fact.compute_key()).exclude(pk=fact.pk).first()
    if same is not None:
        raise ReviewError(
            f"“{same}” is already {kind} #{same.pk} ({same.get_decision_display().lower()}): "
            + advice
        )
    if fact.extracted_key is None:
        fact.extracted_key = fact.key
    fact.decision = Decision.CONFIRMED
    _stamp(fact, user, note)
    fact.save()


def quote_correct(item: Item, *, speaker: Actor | None, user: Any) -> Claim:
    """Give a quote its right speaker (or none: unknown); it becomes reviewed.

    A reviewed claim is an editor's word: re-importing its article keeps it,
    speaker included.
    """
    with transaction.atomic():
        claim = _locked(item)
        assert isinstance(claim, Claim)
        before = claim.speaker.name if claim.speaker else "unknown"
        claim.speaker = speaker
        _quote_status(claim, Claim.Status.REVIEWED, user)
        _stamp(claim, user, f"speaker corrected from {before}")
        claim.save(update_fields=["speaker", "status", "status_changed_by", "status_changed_at"])
    return claim


__all__ = [
    "KINDS",
    "PERMISSIONS",
    "Item",
    "ReviewError",
    "item_confirm",
    "item_reject",
    "items_confirm",
    "quote_correct",
    "role_correct",
    "stance_correct",
]
