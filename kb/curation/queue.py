"""The review queue: extracted stances, roles and quotes, most visible first.

In: which kinds to list (all by default).
Out: ``ReviewQueue``, a sequence a ``Paginator`` can page through. Its order:

1. stances drawn on the home page's alignment graph first;
2. then facts about the most-mentioned actors or countries (the larger
   ``mention_count`` of a stance's two ends, a role's holder, a quote's speaker);
3. then the least confident first (a quote by its speaker's confidence; one
   without a speaker counts as 0: finding who said it is the first job);
4. then kind and id, so the order is total and pages never overlap.

Guarantees: a page costs a constant number of queries whatever its length:
one count per kind for the totals, one UNION query for the page's keys, then
one query per kind present on the page, each row's evidence read in the same
query through correlated subqueries (never an evidence list per row).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Substr
from django.urls import reverse

from kb.claims.models import Claim, Decision, Role, RoleEvidence, Stance, StanceEvidence
from kb.curation.review import KINDS

PAGE_SIZE = 50
# The home page draws the first 80 of ``Stance.objects.newest_shown()``
# (kb.site.views.home); keep the number in step if it changes.
HOME_GRAPH_STANCES = 80
# Characters of article text shown either side of a role's or quote's span.
CONTEXT = 120


def home_graph_stances() -> QuerySet:
    """The ids of the stances the home page graph draws."""
    return Stance.objects.newest_shown().values("pk")[:HOME_GRAPH_STANCES]


def _seen(*paths: str) -> Any:
    """The largest mention count among these ends (a missing end counts 0)."""
    counts = [Coalesce(F(f"{p}__mention_count"), 0) for p in paths]
    return Greatest(*counts) if len(counts) > 1 else counts[0]


def pending_stances() -> QuerySet:
    return Stance.objects.filter(decision=Decision.EXTRACTED)


def pending_roles() -> QuerySet:
    return Role.objects.filter(decision=Decision.EXTRACTED)


def pending_quotes() -> QuerySet:
    return Claim.objects.quotes().filter(status=Claim.Status.EXTRACTED)


def _keys(kind: str) -> QuerySet:
    """(item_kind, pk, home, seen, conf) for one kind, unordered: a UNION part."""
    text = Value(kind, output_field=CharField())
    if kind == "stance":
        qs = pending_stances().annotate(
            item_kind=text,
            home=Case(
                When(pk__in=home_graph_stances(), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            seen=_seen("subject_actor", "subject_country", "object_actor", "object_country"),
            conf=F("confidence"),
        )
    elif kind == "role":
        qs = pending_roles().annotate(
            item_kind=text,
            home=Value(0, output_field=IntegerField()),
            seen=_seen("actor", "organization"),
            conf=F("confidence"),
        )
    else:
        qs = pending_quotes().annotate(
            item_kind=text,
            home=Value(0, output_field=IntegerField()),
            seen=_seen("speaker"),
            conf=Case(
                When(speaker__isnull=True, then=Value(0.0)),
                default=F("confidence"),
                output_field=FloatField(),
            ),
        )
    return qs.order_by().values_list("item_kind", "pk", "home", "seen", "conf")


@dataclass
class Row:
    """One line of the queue, ready for the template."""

    kind: str
    pk: int
    words: str
    confidence: float | None
    evidence: str = ""
    evidence_url: str = ""
    evidence_label: str = ""
    more_evidence: int = 0
    admin_url: str = ""
    on_home: bool = False
    seen: int = 0
    fact: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def item(self) -> str:
        return f"{self.kind}:{self.pk}"


class ReviewQueue:
    """A paginator-friendly sequence of queue rows (see the module docstring).

    ``counts`` (per kind) may be given when the caller already has them.
    """

    def __init__(self, kinds: Iterable[str] = KINDS, counts: dict[str, int] | None = None):
        self.kinds = tuple(kinds)
        self._counts = counts

    def counts(self) -> dict[str, int]:
        """How many items of each kind await review: one COUNT query per kind."""
        if self._counts is None:
            pending = {"stance": pending_stances, "role": pending_roles, "quote": pending_quotes}
            self._counts = {kind: pending[kind]().count() for kind in self.kinds}
        return self._counts

    def count(self) -> int:
        return sum(self.counts().get(kind, 0) for kind in self.kinds)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Row]:
        if not isinstance(window, slice):
            raise TypeError("The queue is read a page at a time.")
        parts = [_keys(kind) for kind in self.kinds]
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        keys = list(union.order_by("-home", "-seen", "conf", "item_kind", "pk")[window])
        return rows_for(keys)


def rows_for(keys: Iterable[tuple[str, int, int, int, float]]) -> list[Row]:
    """The queue rows for these keys, in their order: one query per kind present."""
    keys = list(keys)
    ids: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for kind, pk, *_ in keys:
        ids[kind].append(pk)
    built: dict[tuple[str, int], Row] = {}
    if ids["stance"]:
        built.update(((r.kind, r.pk), r) for r in _stance_rows(ids["stance"]))
    if ids["role"]:
        built.update(((r.kind, r.pk), r) for r in _role_rows(ids["role"]))
    if ids["quote"]:
        built.update(((r.kind, r.pk), r) for r in _quote_rows(ids["quote"]))
    rows = []
    for kind, pk, home, seen, _ in keys:
        row = built.get((kind, pk))
        if row is not None:  # decided between the two queries: gone from the queue
            row.on_home, row.seen = bool(home), seen
            rows.append(row)
    return rows


def _article_url(slug: str | None, start: int | None = None, end: int | None = None) -> str:
    if not slug:
        return ""
    url = reverse("site:article", args=[slug])
    return f"{url}#span-{start}-{end}" if start is not None and end is not None else url


def _negated(relation_words: str) -> str:
    """ "supports" → "does not support"; "is a member of" → "is not a member of"."""
    if relation_words.startswith("is "):
        return "is not " + relation_words[3:]
    verb, _, rest = relation_words.partition(" ")
    verb = verb[:-1] if verb.endswith("s") else verb
    return " ".join(filter(None, ["does not", verb, rest]))


def stance_words(stance: Stance) -> str:
    """The fact in words: "Russia supports Ana Ruiz"."""
    relation = stance.get_relation_display()
    if stance.negated:
        relation = _negated(relation)
    subject, obj = stance.subject, stance.object
    return f"{subject.name if subject else '?'} {relation} {obj.name if obj else '?'}"


def role_words(role: Role) -> str:
    where = role.organization or role.country
    return f"{role.actor.name} holds the post “{role.title}”" + (
        f" ({where.name})" if where else ""
    )


def _stance_rows(ids: list[int]) -> list[Row]:
    best = StanceEvidence.objects.filter(stance=OuterRef("pk")).order_by("-confidence", "claim_id")
    n_evidence = (
        StanceEvidence.objects.filter(stance=OuterRef("pk"))
        .order_by()
        .values("stance")
        .annotate(n=Count("pk"))
        .values("n")
    )
    stances = (
        Stance.objects.filter(pk__in=ids)
        .select_related("subject_actor", "subject_country", "object_actor", "object_country")
        .annotate(
            ev_text=Subquery(best.values("claim__text")[:1]),
            ev_start=Subquery(best.values("claim__start")[:1]),
            ev_end=Subquery(best.values("claim__end")[:1]),
            ev_slug=Subquery(best.values("claim__article__slug")[:1]),
            ev_title=Subquery(best.values("claim__article__title")[:1]),
            ev_published=Subquery(best.values("claim__article__published")[:1]),
            n_evidence=Coalesce(Subquery(n_evidence), 0),
        )
    )
    return [
        Row(
            kind="stance",
            pk=s.pk,
            words=stance_words(s),
            confidence=s.confidence,
            evidence=s.ev_text or "",
            evidence_url=_article_url(s.ev_slug, s.ev_start, s.ev_end),
            evidence_label=_label(s.ev_title, s.ev_slug, s.ev_published),
            more_evidence=max(s.n_evidence - 1, 0),
            admin_url=reverse("admin:claims_stance_change", args=[s.pk]),
            fact=s,
        )
        for s in stances
    ]


def _label(title: str | None, slug: str | None, published: Any) -> str:
    name = title or slug or ""
    return f"{name} ({published:%d %b %Y})" if published else name


def _around(prefix: str) -> dict[str, Any]:
    """The span with CONTEXT characters either side, cut in SQL (never the whole body)."""
    start = Greatest(F(f"{prefix}start") - CONTEXT, 0)
    return {
        "around": Substr(
            F(f"{prefix}article__body"), start + 1, F(f"{prefix}end") + CONTEXT - start
        ),
        "around_start": start,
    }


def _role_rows(ids: list[int]) -> list[Row]:
    best = RoleEvidence.objects.filter(role=OuterRef("pk")).order_by("-confidence", "pk")
    n_evidence = (
        RoleEvidence.objects.filter(role=OuterRef("pk"))
        .order_by()
        .values("role")
        .annotate(n=Count("pk"))
        .values("n")
    )
    around = _around("")
    best_text = best.annotate(around=around["around"])
    roles = (
        Role.objects.filter(pk__in=ids)
        .select_related("actor", "organization", "country")
        .annotate(
            ev_text=Subquery(best_text.values("around")[:1]),
            ev_start=Subquery(best.values("start")[:1]),
            ev_end=Subquery(best.values("end")[:1]),
            ev_slug=Subquery(best.values("article__slug")[:1]),
            ev_title=Subquery(best.values("article__title")[:1]),
            ev_published=Subquery(best.values("article__published")[:1]),
            n_evidence=Coalesce(Subquery(n_evidence), 0),
        )
    )
    return [
        Row(
            kind="role",
            pk=r.pk,
            words=role_words(r),
            confidence=r.confidence,
            evidence=_trim(r.ev_text or ""),
            evidence_url=_article_url(r.ev_slug, r.ev_start, r.ev_end),
            evidence_label=_label(r.ev_title, r.ev_slug, r.ev_published),
            more_evidence=max(r.n_evidence - 1, 0),
            admin_url=reverse("admin:claims_role_change", args=[r.pk]),
            fact=r,
        )
        for r in roles
    ]


def _trim(text: str) -> str:
    """Context on one line, with ellipses where it was cut from the article."""
    text = " ".join(text.split())
    return f"…{text}…" if text else ""


def _quote_rows(ids: list[int]) -> list[Row]:
    claims = (
        Claim.objects.filter(pk__in=ids)
        .select_related("speaker", "article")
        .only(
            "id",
            "text",
            "start",
            "end",
            "confidence",
            "speaker__id",
            "speaker__name",
            "speaker__slug",
            "article__id",
            "article__slug",
            "article__title",
            "article__published",
        )
        .annotate(**_around(""))
    )
    rows = []
    for c in claims:
        speaker = c.speaker.name if c.speaker else "An unknown speaker"
        rows.append(
            Row(
                kind="quote",
                pk=c.pk,
                words=f"{speaker} said “{_short(c.text)}”",
                # No speaker, no score: there is nobody to be sure of yet.
                confidence=c.confidence if c.speaker else None,
                evidence=_trim(c.around),
                evidence_url=_article_url(c.article.slug, c.start, c.end),
                evidence_label=_label(c.article.title, c.article.slug, c.article.published),
                admin_url=reverse("admin:claims_claim_change", args=[c.pk]),
                fact=c,
                extra={"claim_url": reverse("site:claim", args=[c.pk])},
            )
        )
    return rows


def _short(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = [
    "HOME_GRAPH_STANCES",
    "PAGE_SIZE",
    "ReviewQueue",
    "Row",
    "home_graph_stances",
    "pending_quotes",
    "pending_roles",
    "pending_stances",
    "role_words",
    "rows_for",
    "stance_words",
]
