"""Consolidated facts: one stance or role per fact, whatever the number of sources.

In: the primary keys of stances and roles whose evidence changed (an import
added or removed some, an article went away), or claims to drop.
Out: the facts' consolidated fields recomputed from their evidence, in a few
queries whatever the number of facts:

- ``first_attested`` / ``last_attested``: the earliest and latest article date;
- ``confidence``: the best confidence of its evidence;
- ``article``: the first article attesting it;
- ``valid_from`` / ``valid_to`` of facts no editor has decided on: the dates
  the texts give, otherwise ``valid_from`` is the first attested date and
  ``valid_to`` stays open (a role some text calls *former* ends, at the
  latest, on the date of the first such text).

Guarantees: an editor's word is kept. A confirmed or rejected fact keeps its
fields and is never deleted here; an extracted one left with no evidence is
deleted. A claim dropped while other outlets still report it is not deleted:
its first remaining source becomes ``Claim.article``. Callers hold the
transaction; these helpers run inside it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from kb.articles.models import Article
from kb.claims.models import (
    Claim,
    ClaimSource,
    Decision,
    Role,
    RoleEvidence,
    Stance,
    StanceEvidence,
)

CONSOLIDATED = ["first_attested", "last_attested", "confidence", "article", "key"]
DATES = ["valid_from", "valid_to"]


def _first_article(evidence: list[tuple[Any, ...]]) -> int | None:
    """The article of the earliest dated evidence (undated ones last, then by id)."""
    ordered = sorted(evidence, key=lambda e: (e[1] is None, e[1] or dt.date.min, e[0]))
    return ordered[0][0] if ordered else None


def stances_refresh(ids: Iterable[int]) -> None:
    """Recompute the consolidated fields of these stances from their evidence."""
    ids = set(ids)
    if not ids:
        return
    evidence: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for (
        stance_id,
        article_id,
        published,
        confidence,
        valid_from,
        valid_to,
    ) in StanceEvidence.objects.filter(stance_id__in=ids).values_list(
        "stance_id",
        "claim__article_id",
        "claim__article__published",
        "confidence",
        "valid_from",
        "valid_to",
    ):
        evidence[stance_id].append((article_id, published, confidence, valid_from, valid_to))
    changed, empty = [], []
    for stance in Stance.objects.filter(pk__in=ids):
        rows = evidence.get(stance.pk, [])
        if not rows and stance.decision == Decision.EXTRACTED:
            empty.append(stance.pk)
            continue
        _consolidate(stance, rows)
        if stance.decision == Decision.EXTRACTED:
            text_from = min((r[3] for r in rows if r[3]), default=None)
            text_to = max((r[4] for r in rows if r[4]), default=None)
            stance.valid_from, stance.valid_to = _ordered(text_from, stance.first_attested, text_to)
        changed.append(stance)
    Stance.objects.filter(pk__in=empty).delete()
    Stance.objects.bulk_update(changed, [*CONSOLIDATED, *DATES])


def roles_refresh(ids: Iterable[int]) -> None:
    """Recompute the consolidated fields of these roles from their evidence."""
    ids = set(ids)
    if not ids:
        return
    evidence: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for (
        role_id,
        article_id,
        published,
        confidence,
        valid_from,
        valid_to,
        former,
    ) in RoleEvidence.objects.filter(role_id__in=ids).values_list(
        "role_id",
        "article_id",
        "article__published",
        "confidence",
        "valid_from",
        "valid_to",
        "former",
    ):
        evidence[role_id].append((article_id, published, confidence, valid_from, valid_to, former))
    changed, empty = [], []
    for role in Role.objects.filter(pk__in=ids):
        rows = evidence.get(role.pk, [])
        if not rows and role.decision == Decision.EXTRACTED:
            empty.append(role.pk)
            continue
        _consolidate(role, rows)
        if role.decision == Decision.EXTRACTED:
            text_from = min((r[3] for r in rows if r[3]), default=None)
            text_to = max((r[4] for r in rows if r[4]), default=None)
            # "Former minister" in an article of that date: it had ended by then.
            ended_by = min((r[1] for r in rows if r[5] and r[1]), default=None)
            held = min((r[1] for r in rows if not r[5] and r[1]), default=None)
            role.valid_from, role.valid_to = _ordered(text_from, held, text_to or ended_by)
        changed.append(role)
    Role.objects.filter(pk__in=empty).delete()
    Role.objects.bulk_update(changed, [*CONSOLIDATED, *DATES])


def _consolidate(fact: Stance | Role, rows: list[tuple[Any, ...]]) -> None:
    dates = [r[1] for r in rows if r[1]]
    fact.first_attested = min(dates, default=None)
    fact.last_attested = max(dates, default=None)
    fact.confidence = max((r[2] for r in rows), default=fact.confidence)
    if rows:
        fact.article_id = _first_article(rows)
    fact.key = fact.compute_key()


def _ordered(
    text_from: dt.date | None, attested: dt.date | None, valid_to: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """valid_from and valid_to: the text's start, else the first attested date, and
    never after the end (a fact first attested by its own ending starts unknown)."""
    valid_from = text_from or attested
    if valid_from and valid_to and valid_from > valid_to:
        valid_from = text_from if text_from and text_from <= valid_to else None
    return valid_from, valid_to


def claims_drop(claim_ids: Iterable[int]) -> None:
    """Delete these claims, except where another outlet still reports one: that
    source becomes the claim's article (the claim, its review and links stay)."""
    ids = list(claim_ids)
    if not ids:
        return
    sources: defaultdict[int, list[ClaimSource]] = defaultdict(list)
    for source in ClaimSource.objects.filter(claim_id__in=ids).select_related("article"):
        sources[source.claim_id].append(source)
    promoted: list[Claim] = []
    for claim in Claim.objects.filter(pk__in=list(sources)):
        first = min(
            sources[claim.pk],
            key=lambda s: (s.article.published is None, s.article.published or dt.date.min, s.pk),
        )
        claim.article_id, claim.start, claim.end = first.article_id, first.start, first.end
        first.delete()
        promoted.append(claim)
    Claim.objects.bulk_update(promoted, ["article", "start", "end"])
    Claim.objects.filter(pk__in=[i for i in ids if i not in sources]).delete()


def article_evidence_clear(article: Article) -> tuple[set[int], set[int]]:
    """Remove what the importer attached from this article: the evidence its stance
    sentences give, its role spans, and its place among a quote's other sources.

    Returns the stances and roles touched, to refresh once the new evidence is in.
    Evidence an editor attached by hand (a quote, a claim an editor wrote) stays.
    """
    own = StanceEvidence.objects.filter(
        claim__article=article,
        claim__kind=Claim.Kind.STANCE,
        claim__origin=Claim.Origin.EXTRACTED,
    )
    stance_ids = set(own.values_list("stance_id", flat=True))
    StanceEvidence.objects.filter(pk__in=list(own.values_list("pk", flat=True))).delete()
    roles = RoleEvidence.objects.filter(article=article)
    role_ids = set(roles.values_list("role_id", flat=True))
    roles.delete()
    ClaimSource.objects.filter(article=article).delete()
    return stance_ids, role_ids


def article_remove(article: Article) -> None:
    """Delete an article with what only it attests: its evidence goes, extracted
    facts left without evidence go, facts an editor decided on stay; quotes other
    outlets also report stay, re-homed on the next source."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        stance_ids, role_ids = article_evidence_clear(article)
        stance_ids |= set(
            StanceEvidence.objects.filter(claim__article=article).values_list(
                "stance_id", flat=True
            )
        )
        claims_drop(Claim.objects.filter(article=article).values_list("pk", flat=True))
        article.delete()
        stances_refresh(stance_ids)
        roles_refresh(role_ids)


def facts_decide(facts: Iterable[Stance | Role], decision: str, *, user: Any = None) -> int:
    """Confirm or reject stances or roles, one ``save()`` each so history records who."""
    if decision not in Decision.values:
        raise ValueError(f"Unknown decision {decision!r}")
    changed = 0
    with transaction.atomic():
        for fact in facts:
            if fact.decision == decision:
                continue
            fact.decision = decision
            if user is not None and getattr(user, "is_authenticated", False):
                fact._history_user = user  # type: ignore[union-attr]
            fact.save(update_fields=["decision"])
            changed += 1
    return changed


__all__ = [
    "article_evidence_clear",
    "article_remove",
    "claims_drop",
    "facts_decide",
    "roles_refresh",
    "stances_refresh",
]
