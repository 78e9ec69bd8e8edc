"""Split an article: a file that holds two articles becomes two ``Article`` rows.

In: the article, the body position where the second part starts, and the new
part's title and publication date (both optional). Out: the new ``Article``;
or a ``WorkflowError`` when the position is outside the body, leaves one part
empty, or falls inside a mention or claim span.

Guarantees: one ``transaction.atomic()`` that locks the article; the raw text
is never altered (the original keeps it whole; the new part gets the raw text
from the matching raw offset); mentions, claims, other outlets' places of a
quote, role evidence and the stances whose evidence all moved go with the
tail, offsets rebased; the new part's ``content_hash`` is derived from the
original's and the offset, so re-importing the file still finds the original
unchanged; mention counts are recounted in the same transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F

from kb.articles.models import Article, Mention
from kb.articles.services import refresh_mention_counts
from kb.claims.models import Claim, ClaimSource, RoleEvidence, Stance
from kb.curation.base import WorkflowError
from kb.entities.models import unique_slug


@dataclass
class SplitArticleAction:
    """Split ``article`` at ``position`` of its body: a new article holds the tail.

    The original keeps its raw text whole and its body up to ``position``; the
    new part gets the raw text from the matching raw offset, the body tail,
    and every mention, claim (and the stances they evidence) whose span lies
    in the tail, with offsets rebased. Both parts record the split:
    ``split_from`` on the new part, ``split_offset`` on both (0 and
    ``position``). The new part's ``content_hash`` is derived from the raw
    hash and the offset, so the unique constraint holds and re-importing the
    file still finds the original as unchanged.
    """

    article: Article
    position: int
    title: str = ""
    published: Any = None

    def check(self) -> None:
        body = self.article.body
        if not 0 < self.position < len(body):
            raise WorkflowError(f"Split inside the body: between 1 and {len(body) - 1}.")
        if not body[: self.position].strip() or not body[self.position :].strip():
            raise WorkflowError("Both parts must hold some text.")
        p = self.position
        for model in (Mention, Claim):
            crossing = model.objects.filter(article=self.article, start__lt=p, end__gt=p).first()
            if crossing is not None:
                raise WorkflowError(
                    f"Position {p} falls inside {model._meta.verbose_name} “{crossing}”; "
                    "pick a position between spans."
                )

    def execute(self) -> Article:
        with transaction.atomic():
            self.article = Article.objects.select_for_update().get(pk=self.article.pk)
            self.check()
            return self._split()

    def _split(self) -> Article:
        old, p = self.article, self.position
        runs = old.offsets or []
        raw_p = _raw_position(runs, p, old.raw_text) if runs else 0
        tail_body = old.body[p:]
        new = Article(
            title=(self.title or old.title)[:500],
            source_id=old.source_id,
            published=self.published,
            original_name=f"{old.original_name}#{p}"[:500],
            raw_text=old.raw_text[raw_p:] if runs else tail_body,
            body=tail_body,
            offsets=[[b - p, r - raw_p, n] for b, r, n in _clip_runs(runs, p, len(old.body))],
            blocks=[[kind, max(s, p) - p, e - p] for kind, s, e in (old.blocks or []) if e > p],
            content_hash=hashlib.sha256(f"{old.content_hash}:{p}".encode()).hexdigest(),
            language=old.language,
            split_from=old,
            split_offset=p,
        )
        new.slug = unique_slug(Article, new.title or f"{old.slug}-part-2")
        new.save()
        new.tags.set(list(old.tags.all()))
        touched = self._move_spans(new)

        old.body = old.body[:p]
        old.offsets = _clip_runs(runs, 0, p)
        old.blocks = [[k, s, min(e, p)] for k, s, e in (old.blocks or []) if s < p]
        old.split_offset = 0
        old.save(update_fields=["body", "offsets", "blocks", "split_offset", "updated_at"])
        refresh_mention_counts(
            actor_ids=[a for a, _ in touched], country_codes=[c for _, c in touched]
        )
        return new

    def _move_spans(self, new: Article) -> list[tuple[int | None, str | None]]:
        """Move what lies in the tail onto ``new``; the (actor, country) of each mention moved."""
        old, p = self.article, self.position
        mentions = list(Mention.objects.select_for_update().filter(article=old, start__gte=p))
        touched = [(m.actor_id, m.country_id) for m in mentions]
        for m in mentions:
            m.article, m.start, m.end = new, m.start - p, m.end - p
        Mention.objects.bulk_update(mentions, ["article", "start", "end"])
        claims = list(Claim.objects.select_for_update().filter(article=old, start__gte=p))
        for c in claims:
            c.article, c.start, c.end = new, c.start - p, c.end - p
        Claim.objects.bulk_update(claims, ["article", "start", "end"])
        # Other outlets' places of a quote, and roles' evidence spans, in the tail move too.
        for model in (ClaimSource, RoleEvidence):
            model.objects.filter(article=old, start__gte=p).update(
                article=new, start=F("start") - p, end=F("end") - p
            )
        # A stance follows its evidence: it moves when all its evidence moved.
        moved_claims = {c.pk for c in claims}
        for stance in Stance.objects.filter(article=old).prefetch_related("evidence"):
            evidence = {c.pk for c in stance.evidence.all()}
            if evidence and evidence <= moved_claims:
                Stance.objects.filter(pk=stance.pk).update(article=new)
        return touched


def article_split(
    article: Article, position: int, *, title: str = "", published: Any = None
) -> Article:
    """Split an article; see ``SplitArticleAction``."""
    return SplitArticleAction(article, position, title, published).execute()


def _clip_runs(runs: Sequence[Sequence[Any]], lo: int, hi: int) -> list[list[Any]]:
    """Offset runs ``[body_start, raw_start, length]`` restricted to body ``[lo, hi)``."""
    result = []
    for body_start, raw_start, length in runs:
        start, end = max(body_start, lo), min(body_start + length, hi)
        if start < end:
            result.append([start, raw_start + (start - body_start), end - start])
    return result


def _raw_position(runs: Sequence[Sequence[Any]], position: int, raw: str) -> int:
    for body_start, raw_start, length in runs:
        if body_start <= position < body_start + length:
            return int(raw_start + (position - body_start))
    later = [r[1] for r in runs if r[0] >= position]
    return int(min(later)) if later else len(raw)
