"""Figures that disagree: find the pairs, and link a pair as the editor decides.

In: nothing (``conflicts_find``), or two figure claims, a link type and the
editor (``conflict_link``). Out: ``Conflict`` pairs, or the ``ClaimLink``
written; or a ``WorkflowError`` for an unknown type, a claim linked to
itself, or "updates" between articles not dated apart.

Guarantees: ``conflicts_find`` issues two queries, whatever the number of
figures, and leaves out pairs from one story (one article, or a syndicated
copy and its original), deprecated claims, and pairs already linked;
``conflict_link`` is one ``transaction.atomic()`` that locks both claims, is
idempotent (the same link is never written twice), and points "updates" from
the newer claim to the older one whichever order it is given.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from kb.claims.models import Claim, ClaimLink
from kb.curation.base import WorkflowError, user_or_none
from kb.pipeline.frames import Frame, conflicting


@dataclass(frozen=True)
class Conflict:
    """Two figure claims about the same thing that disagree, from different articles."""

    first: Claim
    second: Claim
    key: tuple[str, str]  # the frame in words, and the unit

    @property
    def pair(self) -> tuple[Claim, Claim]:
        return self.first, self.second

    @property
    def newer(self) -> Claim | None:
        a, b = self.first.article.published, self.second.article.published
        if a and b and a != b:
            return self.first if a > b else self.second
        return None

    @property
    def suggested_type(self) -> str:
        return ClaimLink.Type.UPDATES if self.newer else ClaimLink.Type.CONTRADICTS


def conflicts_find(*, limit: int = 200) -> list[Conflict]:
    """Pairs of counts in one frame, from different articles, whose ranges do not meet.

    A frame is what a figure counts: event, thing and place, read from its
    sentence ("people who left Venezuela"); durations, ages, money, rates and
    percentages have none, so they are never set against counts. "About three
    million" is 2.7 to 3.3 million and "hundreds of thousands" 200,000 to
    999,999: two figures conflict only when those ranges do not meet. Pairs from
    one article or from a syndicated copy and its original, deprecated claims
    and pairs already linked are left out. Two queries, whatever the size.
    """
    figures = list(
        Claim.objects.figures()
        .public()
        .filter(figure_kind="count", low__isnull=False, high__isnull=False)
        .exclude(frame="")
        .select_related("article", "article__source")
        .order_by("frame", "pk")
    )
    linked = {
        frozenset(pair)
        for pair in ClaimLink.objects.filter(
            Q(from_claim__kind=Claim.Kind.FIGURE) | Q(to_claim__kind=Claim.Kind.FIGURE)
        ).values_list("from_claim_id", "to_claim_id")
    }
    groups: defaultdict[str, list[Claim]] = defaultdict(list)
    for claim in figures:
        groups[claim.frame].append(claim)
    result: list[Conflict] = []
    for frame, claims in sorted(groups.items()):
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if _same_story(a, b) or frozenset((a.pk, b.pk)) in linked:
                    continue
                if not conflicting(_frame(a), _frame(b)):
                    continue
                result.append(Conflict(a, b, (a.frame_label or frame, a.unit)))
                if len(result) >= limit:
                    return result
    return result


def _same_story(a: Claim, b: Claim) -> bool:
    """One article, or a syndicated copy and its original: one source, not two."""
    first, second = a.article, b.article
    return (
        first.pk == second.pk
        or first.same_story_as_id == second.pk
        or second.same_story_as_id == first.pk
        or (
            first.same_story_as_id is not None and first.same_story_as_id == second.same_story_as_id
        )
    )


def _frame(claim: Claim) -> Frame:
    return Frame(claim.figure_kind, claim.low, claim.high, claim.frame)


def conflict_link(
    first: Claim, second: Claim, link_type: str, *, user: Any = None, note: str = ""
) -> ClaimLink:
    """Link two figure claims. ``updates`` points from the newer to the older claim."""
    if link_type not in ClaimLink.Type.values:
        raise WorkflowError(f"Unknown link type “{link_type}”.")
    if first.pk == second.pk:
        raise WorkflowError("A claim cannot be linked to itself.")
    with transaction.atomic():
        a, b = (
            Claim.objects.select_for_update()
            .select_related("article")
            .filter(pk__in=[first.pk, second.pk])
            .order_by("pk")
        )
        from_claim, to_claim = (a, b) if a.pk == first.pk else (b, a)
        if link_type == ClaimLink.Type.UPDATES:
            newer = Conflict(from_claim, to_claim, ("", "")).newer
            if newer is None:
                raise WorkflowError("“Updates” needs one article dated later than the other.")
            if newer.pk != from_claim.pk:
                from_claim, to_claim = to_claim, from_claim
        link, _ = ClaimLink.objects.get_or_create(
            from_claim=from_claim,
            to_claim=to_claim,
            type=link_type,
            defaults={"note": note, "created_by": user_or_none(user)},
        )
    return link
