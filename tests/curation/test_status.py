"""Claim status (kb.curation.status): editors review, reviewers verify."""

from __future__ import annotations

import pytest

from kb.claims.models import Claim
from kb.curation.base import WorkflowError
from kb.curation.status import claims_set_status

pytestmark = pytest.mark.django_db


def test_editors_review_reviewers_verify(world, editor, reviewer):
    claims = [world.quote, world.figure_one]
    outcome = claims_set_status(claims, Claim.Status.REVIEWED, user=editor)
    assert sorted(outcome.changed) == sorted(c.pk for c in claims)
    with pytest.raises(WorkflowError, match="may not"):
        claims_set_status(claims, Claim.Status.VERIFIED, user=editor)
    outcome = claims_set_status([world.quote], Claim.Status.VERIFIED, user=reviewer)
    assert outcome.changed == [world.quote.pk]
    world.quote.refresh_from_db()
    assert world.quote.status_changed_by == reviewer
    assert world.quote.status_changed_at is not None
    # Deprecated claims leave the public queryset but stay in the table.
    claims_set_status([world.quote], Claim.Status.DEPRECATED, user=editor)
    assert world.quote not in Claim.objects.public()
    assert Claim.objects.filter(pk=world.quote.pk).exists()
    # Deprecated cannot jump to verified; it is skipped, not forced.
    outcome = claims_set_status([world.quote], Claim.Status.VERIFIED, user=reviewer)
    assert outcome.skipped == [world.quote.pk]
