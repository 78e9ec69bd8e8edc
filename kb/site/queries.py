"""The queries the readers' pages share: the newest articles and claims about an
actor or a country, the stances and memberships valid on a day, a country's
actors, the stance graph. Each is bounded by the limits below, so no page's query
count or cost grows with the data (tests/site/test_bounded_reads.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kb.articles.models import Article
from kb.claims.models import Claim, Role, Stance
from kb.entities.models import Actor, Country
from kb.site.facts import group_memberships
from kb.site.graphs import Edge, Event, Node, alignment_svg

SHORT_LIST = 50
# An actor page shows this many of the actor's newest articles (the rest are
# one click away in the article list filtered by actor) ...
RECENT_ARTICLES = 20
# ... and counts co-mentions over this many newest articles.
CO_MENTION_WINDOW = 100
# An actor's or country's page shows its newest stances, up to this many.
STANCE_LIMIT = 60
# A target linked from fewer than DENSE rows is rare: its articles are sorted
# whole. Above, they are met by walking the articles newest first.
DENSE = 500
# An actor's roles: distinct posts among the newest ROLE_WINDOW role rows.
ROLE_WINDOW = 200
ROLE_LIMIT = 25
# Memberships read per side (members of the target, groups it belongs to).
MEMBER_LIMIT = 200
# Large text columns a list never shows; lists joining articles leave them out.
ARTICLE_TEXT = ("article__raw_text", "article__body", "article__offsets", "article__blocks")


# Query helpers shared by several pages ---------------------------------------


def stances() -> QuerySet[Stance]:
    """Public stances (confirmed, or confident enough) with both ends and evidence."""
    return (
        Stance.objects.newest_shown()
        .select_related(
            "subject_actor", "subject_country", "object_actor", "object_country", "article"
        )
        .defer("article__raw_text", "article__body", "article__offsets", "article__blocks")
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Claim.objects.public().only("id", "text", "kind", "status"),
            )
        )
    )


def node(target: Actor | Country) -> Node:
    if isinstance(target, Actor):
        return Node(f"actor:{target.pk}", target.name, target.get_absolute_url(), target.kind)
    return Node(f"country:{target.pk}", target.name, target.get_absolute_url(), "country")


def graph(stances: list[Stance], centre: Actor | Country | None = None) -> str:
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for stance in stances:
        subject, obj = stance.subject, stance.object
        if subject is None or obj is None:
            continue
        a, b = node(subject), node(obj)
        nodes[a.key], nodes[b.key] = a, b
        edges.append(Edge(a.key, b.key, stance.relation, str(stance), stance.negated))
    return alignment_svg(
        list(nodes.values()), edges, centre=node(centre).key if centre is not None else None
    )


def events(articles: Iterable[Article], claims: Iterable[Claim]) -> list[Event]:
    """Timeline points for the dated articles and claims (a claim is dated by its article)."""
    return [
        Event(a.published, a.display_title, a.get_absolute_url(), "article")
        for a in articles
        if a.published
    ] + [
        Event(c.article.published, c.text[:100], c.get_absolute_url(), "claim")
        for c in claims
        if c.article.published
    ]


def newest_articles(links: QuerySet, field: str) -> QuerySet[Article]:
    """The articles ``links`` point to (by ``field``), newest first; slice it.

    Reads a bounded number of rows however often the target occurs: a rare
    target's links (fewer than DENSE) are read whole and only their articles are
    sorted; a frequent target's articles are met soon by walking the
    published-date index, because they are common. Sorting every linked
    article, as a plain join would, grows with the knowledge base.
    """
    few = list(links.order_by().values_list(field, flat=True)[:DENSE])
    newest = Article.objects.all()  # newest first, on article_latest_idx
    if len(few) < DENSE:
        return newest.filter(pk__in=set(few))
    return newest.filter(Exists(links.filter(**{field: OuterRef("pk")})))


def in_order(queryset: QuerySet, ids: list[int]) -> list[Any]:
    rank = {pk: n for n, pk in enumerate(ids)}
    return sorted(queryset.filter(pk__in=ids), key=lambda row: rank[row.pk])


def newest_claims_about(target: Actor | Country) -> QuerySet[Claim]:
    """Public claims about ``target``, newest first, read from the newest links only.

    The link table is walked backwards on its (target, claim) index (migration
    claims 0005), so the page never sorts every claim ever made about a much
    discussed actor. Deprecated claims are dropped after the walk; the
    window is twice the list, which leaves room for them.
    """
    through = Claim.subjects.through if isinstance(target, Actor) else Claim.countries.through
    field = "actor" if isinstance(target, Actor) else "country"
    newest = (
        through.objects.filter(**{field: target})
        .order_by("-claim_id")
        .values("claim_id")[: 2 * SHORT_LIST]
    )
    return Claim.objects.public().filter(pk__in=newest).order_by("-id")


def time_bound(model: type[Stance] | type[Role], day: dt.date | None) -> QuerySet:
    """Public rows of ``model`` (confirmed, or unreviewed and confident enough); with a
    day, those that held on it.

    The API's ``valid_on`` filter calls the same ``valid_on``, so a page
    ``?as_of=D`` and ``/api/...?valid_on=D`` always agree.
    """
    rows = model.objects.public()  # type: ignore[attr-defined]
    return rows.valid_on(day) if day else rows


def stances_of(target: Actor | Country, day: dt.date | None = None) -> list[Stance]:
    """The target's newest accepted stances (as subject or object), up to STANCE_LIMIT + 1.

    With ``day``, only those that held on it. Each side is read newest first
    from its own index and capped, so the final sort handles at most twice the
    limit, not every stance of the target.
    """
    side = "actor" if isinstance(target, Actor) else "country"
    newest = time_bound(Stance, day).order_by("-valid_from", "id").values("pk")
    as_subject = newest.filter(**{f"subject_{side}": target})[: STANCE_LIMIT + 1]
    as_object = newest.filter(**{f"object_{side}": target})[: STANCE_LIMIT + 1]
    return list(stances().filter(Q(pk__in=as_subject) | Q(pk__in=as_object))[: STANCE_LIMIT + 1])


def memberships(target: Actor | Country, day: dt.date | None) -> dict[str, Any]:
    """Whom the target is a member of, and who are its members (on ``day``, if given).

    Read from ``member_of`` stances that do not say the opposite, in two
    queries whatever their number: the stances (each side newest first on its
    index, capped at MEMBER_LIMIT + 1), and their public evidence with its
    articles. Grouped by :func:`kb.site.facts.group_memberships`.
    """
    side = "actor" if isinstance(target, Actor) else "country"
    newest = (
        time_bound(Stance, day)
        .filter(relation=Stance.Relation.MEMBER_OF, negated=False)
        .order_by("-valid_from", "id")
        .values("pk")
    )
    as_member = newest.filter(**{f"subject_{side}": target})[: MEMBER_LIMIT + 1]
    as_group = newest.filter(**{f"object_{side}": target})[: MEMBER_LIMIT + 1]
    rows = list(
        Stance.objects.filter(Q(pk__in=as_member) | Q(pk__in=as_group))
        .select_related(
            "subject_actor", "subject_country", "object_actor", "object_country", "article"
        )
        .defer(*ARTICLE_TEXT)
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Claim.objects.public()
                .select_related("article")
                .only("id", "article__slug", "article__title", "article__published"),
            )
        )
        .exclude(subject_actor__merged_into__isnull=False)
        .exclude(object_actor__merged_into__isnull=False)
        .order_by("-valid_from", "id")
    )
    key = f"{side}_id"
    groups = [s for s in rows if getattr(s, f"subject_{key}") == target.pk]
    members = [s for s in rows if getattr(s, f"object_{key}") == target.pk]
    return {
        "memberships": group_memberships(groups[:MEMBER_LIMIT]),
        "memberships_more": len(groups) > MEMBER_LIMIT,
        "members": group_memberships(members[:MEMBER_LIMIT]),
        "members_more": len(members) > MEMBER_LIMIT,
    }


def country_actors(country: Country) -> QuerySet[Actor]:
    """A country's actors, most mentioned first: a walk of actor_country_mentions_idx."""
    return country.actors.filter(merged_into__isnull=True).order_by("-mention_count", "name")
