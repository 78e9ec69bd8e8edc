"""Figure conflicts (kb.curation.conflicts) on the hand-built desk world."""

from __future__ import annotations

import pytest

from kb.articles.models import Article
from kb.claims.models import Claim, ClaimLink
from kb.curation.base import WorkflowError
from kb.curation.conflicts import conflict_link, conflicts_find

pytestmark = pytest.mark.django_db


def test_conflicts_found_linked_and_then_gone(world, editor):
    conflicts = conflicts_find()
    assert [(c.first, c.second) for c in conflicts] == [(world.figure_one, world.figure_two)]
    conflict = conflicts[0]
    assert conflict.newer == world.figure_two
    assert conflict.suggested_type == ClaimLink.Type.UPDATES
    link = conflict_link(world.figure_one, world.figure_two, ClaimLink.Type.UPDATES, user=editor)
    # "Updates" points from the newer claim to the older one, whatever the order given.
    assert (link.from_claim, link.to_claim) == (world.figure_two, world.figure_one)
    assert link.created_by == editor
    assert conflicts_find() == []


def test_conflicts_ignore_same_article_equal_values_and_deprecated(world):
    # Ranges that meet ("about 2.3 million" and "2.4 million") do not conflict.
    Claim.objects.filter(pk=world.figure_two.pk).update(low=2_350_000, high=2_450_000)
    assert conflicts_find() == []
    Claim.objects.filter(pk=world.figure_two.pk).update(value=1, status="deprecated")
    assert conflicts_find() == []
    Claim.objects.filter(pk=world.figure_two.pk).update(status="reviewed", article=world.one)
    assert conflicts_find() == []


def test_updates_needs_dates(world):
    Article.objects.filter(pk=world.two.pk).update(published=None)
    with pytest.raises(WorkflowError, match="dated later"):
        conflict_link(world.figure_one, world.figure_two, ClaimLink.Type.UPDATES)
    link = conflict_link(world.figure_one, world.figure_two, "contradicts")
    assert (link.from_claim, link.to_claim) == (world.figure_one, world.figure_two)
