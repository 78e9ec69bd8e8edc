"""The editors' workflows: merge and un-merge actors, split articles, re-link,
reject mentions, move claims through review, find and link conflicting figures.

In: model instances (or primary keys) and the acting user. Out: the rows
written (a ``MergeRecord``, the new ``Article``, counts), or a
``ServiceError`` with a message fit to show an editor.

Guarantees:

- every workflow runs inside one visible ``transaction.atomic()`` and takes
  ``select_for_update()`` on the rows it changes, so two editors never
  interleave a merge with a re-link; every workflow that changes which actor
  a row points at (merge, undo, mention reject/confirm/re-link, and the
  importer) first takes the one actor-linking lock on PostgreSQL, so none
  waits on another's row locks in the opposite order (no deadlock);
- a merge records every row it changes with its previous value, and
  ``merge_undo`` puts each of them back exactly (same primary keys, same
  values); nothing is deleted that undo cannot recreate;
- editors' decisions (confirmed or rejected mentions) are never overridden
  by ``actors_relink``; a rejection also records a rejected ``Alias`` so the
  importer never links that surface form to that actor again;
- ``Actor.mention_count`` and ``Country.mention_count`` are kept right inside
  the same transaction after every change to mentions (by the change's delta
  for one mention, by a recount for a merge).

``kb.claims`` sits above ``kb.articles`` and ``kb.entities``, so it may touch
all their models; it never imports ``kb.ingest``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from taggit.models import TaggedItem

from kb.articles.models import Article, Mention
from kb.articles.services import (
    add_mention_counts,
    refresh_mention_counts,
    take_actor_linking_lock,
)
from kb.claims.models import Claim, ClaimLink, ClaimSource, Role, RoleEvidence, Stance
from kb.entities.models import Actor, Alias, MergeRecord, unique_slug
from kb.pipeline.fold import fold
from kb.pipeline.frames import Frame, conflicting

User = AbstractBaseUser | AnonymousUser


class ServiceError(Exception):
    """A workflow refused to run; the message is meant for the editor."""


# --------------------------------------------------------------------------- merge


@dataclass
class MergeActorsAction:
    """Merge ``merged`` actors into ``survivor``.

    ``check()`` raises ``ServiceError`` when the merge makes no sense;
    ``execute()`` runs it and returns one ``MergeRecord`` per merged actor.
    """

    survivor: Actor
    merged: Sequence[Actor]
    user: User | None = None

    def check(self) -> None:
        others = [a for a in self.merged if a.pk != self.survivor.pk]
        if not others:
            raise ServiceError("Pick at least two actors: one to keep and one to merge into it.")
        if self.survivor.merged_into_id:
            raise ServiceError(f"{self.survivor} was itself merged; pick an active actor.")
        for actor in others:
            if actor.merged_into_id:
                raise ServiceError(f"{actor} is already merged into another actor.")

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
                raise ServiceError(f"{survivor} was merged meanwhile.")
            for pk in ids[1:]:
                actor = locked[pk]
                if actor.merged_into_id:
                    raise ServiceError(f"{actor} was merged meanwhile.")
                records.append(_merge_one(survivor, actor, self.user))
            refresh_mention_counts(actor_ids=ids)
        return records


def actors_merge(
    survivor: Actor, merged: Sequence[Actor], *, user: User | None = None
) -> list[MergeRecord]:
    """Merge ``merged`` into ``survivor``; see ``MergeActorsAction``."""
    return MergeActorsAction(survivor, merged, user).execute()


def _user_or_none(user: User | None) -> Any:
    return user if user is not None and user.is_authenticated else None


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
    move = [pk for pk, claim in rows if claim not in has_survivor]
    drop = [[pk, claim] for pk, claim in rows if claim in has_survivor]
    through.objects.filter(pk__in=move).update(actor_id=s)
    through.objects.filter(pk__in=[pk for pk, _ in drop]).delete()
    moved["claim_subjects"] = move
    moved["claim_subjects_dropped"] = drop

    # Tags, the same way.
    ct = ContentType.objects.get_for_model(Actor)
    items = TaggedItem.objects.filter(content_type=ct)
    survivor_tags = set(items.filter(object_id=s).values_list("tag_id", flat=True))
    rows = list(items.filter(object_id=m).values_list("pk", "tag_id"))
    move = [pk for pk, tag in rows if tag not in survivor_tags]
    drop = [[pk, tag] for pk, tag in rows if tag in survivor_tags]
    TaggedItem.objects.filter(pk__in=move).update(object_id=s)
    TaggedItem.objects.filter(pk__in=[pk for pk, _ in drop]).delete()
    moved["tags"] = move
    moved["tags_dropped"] = drop

    # A queryset update, not save(): undo must restore updated_at exactly too.
    Actor.objects.filter(pk=m).update(merged_into_id=s)
    return MergeRecord.objects.create(
        survivor_id=s, merged_id=m, moved=moved, performed_by=_user_or_none(user)
    )


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


def _refresh_keys(model: Any, pks: Iterable[int]) -> None:
    rows = list(model.objects.filter(pk__in=list(pks)))
    for row in rows:
        row.key = row.compute_key()
    model.objects.bulk_update(rows, ["key"])


@dataclass
class UndoMergeAction:
    """Put back every row a merge changed, as it was before the merge."""

    record: MergeRecord
    user: User | None = None

    def check(self) -> None:
        if self.record.undone_at is not None:
            raise ServiceError("This merge was already undone.")
        # A later merge that took the survivor away would leave rows stranded.
        if Actor.objects.filter(pk=self.record.survivor_id, merged_into__isnull=False).exists():
            raise ServiceError(
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
            record.undone_by = _user_or_none(self.user)
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


# --------------------------------------------------------------------------- mentions


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


def _count(mention: Mention, delta: int) -> None:
    # A delta, not a recount: recounting reads every mention of an actor that
    # appears in most articles, and one editor's click should not cost that.
    add_mention_counts(
        actors={mention.actor_id: delta} if mention.actor_id else {},
        countries={mention.country_id: delta} if mention.country_id else {},
    )


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


# --------------------------------------------------------------------------- re-link


@dataclass
class RelinkOutcome:
    created: int = 0
    linked: int = 0
    articles: set[int] = field(default_factory=set)


def _fold_chars(text: str) -> str:
    """Fold ``text`` character by character, keeping its length (offsets stay valid)."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch))
    return "".join(out)


def _alias_pattern(key: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in key.split()]
    return re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)")


def actors_relink(
    actors: Iterable[Actor], *, articles: Iterable[Article] | None = None
) -> RelinkOutcome:
    """Look again for these actors' names in existing articles and link what is found.

    A name binds when it is the actor's canonical name, a name of several
    words, or an alias an editor added (a bare surname found by the importer
    is too weak, as in the importer). Spans an editor confirmed or rejected
    are never touched; an extracted mention that is unresolved or linked
    elsewhere at exactly that span is re-pointed; a span that overlaps any
    other mention is left alone. Longer names win over shorter ones.
    """
    outcome = RelinkOutcome()
    with transaction.atomic():
        actor_list = list(
            Actor.objects.select_for_update().filter(
                pk__in=[a.pk for a in actors], merged_into__isnull=True
            )
        )
        if not actor_list:
            return outcome
        patterns: list[tuple[int, Actor, re.Pattern[str]]] = []
        for actor in actor_list:
            aliases = Alias.objects.filter(actor=actor)
            rejected = {a.key for a in aliases if a.rejected}
            keys = {fold(actor.name)}
            keys |= {
                a.key
                for a in aliases
                if not a.rejected and (len(a.key.split()) > 1 or a.origin != Alias.Origin.EXTRACTED)
            }
            for key in keys - rejected - {""}:
                patterns.append((len(key), actor, _alias_pattern(key)))
        patterns.sort(key=lambda p: -p[0])
        touched: set[int | None] = {a.pk for a in actor_list}
        qs = (
            Article.objects.all()
            if articles is None
            else Article.objects.filter(pk__in=[a.pk for a in articles])
        )
        for article in qs.select_for_update().only("pk", "body"):
            folded = _fold_chars(article.body)
            existing = {(m.start, m.end): m for m in Mention.objects.filter(article=article)}
            taken = [(s, e) for s, e in existing]
            for _, actor, pattern in patterns:
                for match in pattern.finditer(folded):
                    span = (match.start(), match.end())
                    mention = existing.get(span)
                    if mention is None:
                        if any(s < span[1] and span[0] < e for s, e in taken):
                            continue
                        mention = Mention.objects.create(
                            article=article,
                            start=span[0],
                            end=span[1],
                            surface=article.body[span[0] : span[1]][:300],
                            actor=actor,
                        )
                        existing[span] = mention
                        taken.append(span)
                        outcome.created += 1
                        outcome.articles.add(article.pk)
                    elif mention.status == Mention.Status.EXTRACTED and (
                        mention.actor_id != actor.pk and mention.country_id is None
                    ):
                        touched.add(mention.actor_id)
                        mention.actor = actor
                        mention.save(update_fields=["actor"])
                        outcome.linked += 1
                        outcome.articles.add(article.pk)
        refresh_mention_counts(actor_ids=touched)
    return outcome


# --------------------------------------------------------------------------- claims

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

    ``check()`` raises ``ServiceError`` when the user lacks the permission the
    target status needs (its message is shown to the editor as is); claims
    whose current status cannot move to ``status`` are skipped and reported,
    never forced.
    """

    claims: Iterable[Claim]
    status: str
    user: Any

    def check(self) -> None:
        if self.status not in CLAIM_TRANSITIONS:
            raise ServiceError(f"Claims cannot be moved to “{self.status}”.")
        perm = CLAIM_TRANSITIONS[self.status][1]
        if not self.user.has_perm(perm):
            raise ServiceError(f"You may not mark claims {self.status}.")

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
    return ChangeClaimStatusAction(claims, status, user).execute()


# --------------------------------------------------------------------------- conflicts


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
        raise ServiceError(f"Unknown link type “{link_type}”.")
    if first.pk == second.pk:
        raise ServiceError("A claim cannot be linked to itself.")
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
                raise ServiceError("“Updates” needs one article dated later than the other.")
            if newer.pk != from_claim.pk:
                from_claim, to_claim = to_claim, from_claim
        link, _ = ClaimLink.objects.get_or_create(
            from_claim=from_claim,
            to_claim=to_claim,
            type=link_type,
            defaults={"note": note, "created_by": _user_or_none(user)},
        )
    return link


# --------------------------------------------------------------------------- split


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
            raise ServiceError(f"Split inside the body: between 1 and {len(body) - 1}.")
        if not body[: self.position].strip() or not body[self.position :].strip():
            raise ServiceError("Both parts must hold some text.")
        p = self.position
        for model in (Mention, Claim):
            crossing = model.objects.filter(article=self.article, start__lt=p, end__gt=p).first()
            if crossing is not None:
                raise ServiceError(
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

        old.body = old.body[:p]
        old.offsets = _clip_runs(runs, 0, p)
        old.blocks = [[k, s, min(e, p)] for k, s, e in (old.blocks or []) if s < p]
        old.split_offset = 0
        old.save(update_fields=["body", "offsets", "blocks", "split_offset", "updated_at"])
        refresh_mention_counts(
            actor_ids=[a for a, _ in touched], country_codes=[c for _, c in touched]
        )
        return new


def article_split(
    article: Article, position: int, *, title: str = "", published: Any = None
) -> Article:
    """Split an article; see ``SplitArticleAction``."""
    return SplitArticleAction(article, position, title, published).execute()


__all__ = [
    "CLAIM_TRANSITIONS",
    "ChangeClaimStatusAction",
    "Conflict",
    "MergeActorsAction",
    "RelinkOutcome",
    "ServiceError",
    "SplitArticleAction",
    "UndoMergeAction",
    "actor_for_writing",
    "actors_merge",
    "actors_relink",
    "alias_reject",
    "article_split",
    "claims_set_status",
    "conflict_link",
    "conflicts_find",
    "mention_confirm",
    "mention_reject",
    "mention_relink",
    "merge_undo",
]
