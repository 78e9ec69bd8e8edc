"""Move claims through review: extracted → reviewed → verified / disputed / deprecated.

In: the claims, the target status and the editor. Out: a ``ClaimStatusOutcome``
naming the claims changed and those skipped; or a ``WorkflowError`` when the
status is unknown or the editor lacks the permission it needs.

Guarantees: one ``transaction.atomic()`` that locks the claims; a claim whose
current status cannot move to the target is skipped and reported, never
forced; each change is saved with ``save()`` so django-simple-history records
who made it; claims are deprecated, never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from kb.claims.models import Claim
from kb.curation.base import WorkflowError

# Which status may follow which, and the permission each target needs. A reviewer
# holds the editors' rights too, so verifying an extracted claim directly is
# allowed: it is reviewed and verified in one step, by someone entitled to both.
CLAIM_TRANSITIONS: dict[str, tuple[set[str], str]] = {
    Claim.Status.REVIEWED: (
        {Claim.Status.EXTRACTED, Claim.Status.DEPRECATED},
        "claims.review_claim",
    ),
    Claim.Status.VERIFIED: (
        {Claim.Status.EXTRACTED, Claim.Status.REVIEWED, Claim.Status.DISPUTED},
        "claims.verify_claim",
    ),
    Claim.Status.DISPUTED: (
        {Claim.Status.EXTRACTED, Claim.Status.REVIEWED, Claim.Status.VERIFIED},
        "claims.verify_claim",
    ),
    Claim.Status.DEPRECATED: (
        {
            Claim.Status.EXTRACTED,
            Claim.Status.REVIEWED,
            Claim.Status.VERIFIED,
            Claim.Status.DISPUTED,
        },
        "claims.review_claim",
    ),
}


@dataclass
class ClaimStatusOutcome:
    changed: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)


@dataclass
class ChangeClaimStatusAction:
    """Move claims to ``status``, recording who and when.

    ``check()`` raises ``WorkflowError`` when the user lacks the permission the
    target status needs (its message is shown to the editor as is); claims
    whose current status cannot move to ``status`` are skipped and reported,
    never forced.
    """

    claims: Iterable[Claim]
    status: str
    user: Any

    def check(self) -> None:
        if self.status not in CLAIM_TRANSITIONS:
            raise WorkflowError(f"Claims cannot be moved to “{self.status}”.")
        perm = CLAIM_TRANSITIONS[self.status][1]
        if not self.user.has_perm(perm):
            raise WorkflowError(f"You may not mark claims {self.status}.")

    def execute(self) -> ClaimStatusOutcome:
        self.check()
        allowed_from = CLAIM_TRANSITIONS[self.status][0]
        outcome = ClaimStatusOutcome()
        now = timezone.now()
        with transaction.atomic():
            rows = Claim.objects.select_for_update().filter(pk__in=[c.pk for c in self.claims])
            for claim in rows:
                if claim.status not in allowed_from:
                    outcome.skipped.append(claim.pk)
                    continue
                claim.status = self.status
                claim.status_changed_by = self.user
                claim.status_changed_at = now
                # save(), not update(): django-simple-history records who did it.
                claim.save(update_fields=["status", "status_changed_by", "status_changed_at"])
                outcome.changed.append(claim.pk)
        return outcome


def claims_set_status(claims: Iterable[Claim], status: str, *, user: Any) -> ClaimStatusOutcome:
    """Move ``claims`` to ``status``; see ``ChangeClaimStatusAction``."""
    return ChangeClaimStatusAction(claims, status, user).execute()
