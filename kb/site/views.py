"""The readers' pages. Views stay thin: pick rows, hand them to templates.

Every query a view makes is listed in tests/site/test_query_counts.py with its
budget; none depends on the number of rows shown.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from taggit.models import Tag, TaggedItem

from kb.articles.models import Article, Mention, public_confidence
from kb.claims.models import Claim, ClaimLink, Role, RoleEvidence
from kb.entities.models import Actor, Alias, Country
from kb.paging import BoundedPaginator, tally
from kb.site import queries, structured
from kb.site.facts import Post, group_posts, parse_as_of
from kb.site.filters import ActorFilter, ArticleFilter, ClaimFilter, CountryFilter
from kb.site.graphs import timeline_svg
from kb.site.queries import (
    ARTICLE_TEXT,
    CO_MENTION_WINDOW,
    RECENT_ARTICLES,
    ROLE_LIMIT,
    ROLE_WINDOW,
    SHORT_LIST,
    STANCE_LIMIT,
)
from kb.site.rendering import Link, paragraph_around, render_body, snippet
from kb.site.search import KINDS, search

PAGE_SIZE = 25


def _page(request: HttpRequest, queryset: QuerySet) -> Page:
    # get_page turns any odd ?page= value into a valid page.
    return BoundedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _list(
    request: HttpRequest,
    filterset_class: type,
    queryset: QuerySet,
    template: str,
    title: str,
) -> HttpResponse:
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    page = _page(request, filterset.qs)
    return render(
        request,
        template,
        {
            "title": title,
            "filter": filterset,
            "page": page,
            "querystring": _querystring_without_page(request),
            "jsonld": structured.collection_ld(title, request.build_absolute_uri()),
        },
    )


# Pages -------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    stances = list(queries.stances()[:80])
    # body stays: display_title falls back to it for untitled articles.
    latest = list(
        Article.objects.select_related("source").defer("raw_text", "offsets", "blocks")[:8]
    )
    verified = list(
        Claim.objects.public()
        .filter(status=Claim.Status.VERIFIED)
        .select_related("speaker", "article")
        .defer(*ARTICLE_TEXT)[:8]
    )
    events = queries.events(latest, verified)
    context = {
        "counts": {
            "articles": tally(Article.objects.all()),
            "actors": tally(Actor.objects.active()),
            "countries": tally(Country.objects.filter(mention_count__gt=0)),
            "claims": tally(Claim.objects.public()),
        },
        "latest": latest,
        "top_actors": Actor.objects.active()
        .select_related("country")
        .order_by("-mention_count", "name")[:10],
        "verified": verified,
        "timeline": timeline_svg(events),
        "events": sorted(events, key=lambda e: e.day),
        "stances": stances,
        "graph": queries.graph(stances),
        "jsonld": {
            "@context": structured.CONTEXT,
            "@type": "WebSite",
            "name": "Editorial knowledge base",
            "url": request.build_absolute_uri("/"),
            "potentialAction": {
                "@type": "SearchAction",
                "target": request.build_absolute_uri("/search/") + "?q={query}",
                "query-input": "required name=query",
            },
        },
    }
    return render(request, "site/home.html", context)


def article_list(request: HttpRequest) -> HttpResponse:
    queryset = (
        Article.objects.select_related("source")
        .defer("raw_text", "offsets", "blocks")
        .prefetch_related("tags")
    )
    return _list(request, ArticleFilter, queryset, "site/article_list.html", "Articles")


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), slug=slug)
    # Links readers follow: an unsure, unconfirmed one stays plain text.
    mentions = list(
        Mention.objects.public()
        .filter(article=article)
        .filter(Q(actor__isnull=True) | Q(actor__merged_into__isnull=True))
        .select_related("actor", "country")
    )
    claims = list(
        Claim.objects.public().filter(article=article).select_related("speaker").order_by("start")
    )
    tags = list(article.tags.all())
    links = (
        [
            Link(m.start, m.end, m.target.get_absolute_url(), m.target.name, "mention")  # type: ignore[union-attr]
            for m in mentions
        ]
        + [Link(c.start, c.end, c.get_absolute_url(), c.text[:120], "claim") for c in claims]
    )
    actors = list(OrderedDict((m.actor.pk, m.actor) for m in mentions if m.actor).values())
    countries = list(OrderedDict((m.country.pk, m.country) for m in mentions if m.country).values())
    return render(
        request,
        "site/article_detail.html",
        {
            "article": article,
            "body": render_body(
                article.body, _without_title(article), links, [(c.start, c.end) for c in claims]
            ),
            "actors": sorted(actors, key=lambda a: a.name.casefold()),
            "countries": sorted(countries, key=lambda c: c.name),
            "claims": claims,
            "tags": tags,
            "jsonld": structured.article_ld(
                article, request.build_absolute_uri, actors=actors, tags=[t.name for t in tags]
            ),
        },
    )


def _without_title(article: Article) -> list[list[Any]]:
    """The body's blocks minus a leading heading that repeats the title (the page's h1)."""
    blocks = list(article.blocks)
    if blocks and blocks[0][0] == "heading" and article.title:
        first = article.body[blocks[0][1] : blocks[0][2]]
        if " ".join(first.split()) == " ".join(article.title.split()):
            return blocks[1:]
    return blocks


def article_raw(request: HttpRequest, slug: str) -> HttpResponse:
    raw = get_object_or_404(Article.objects.only("raw_text"), slug=slug).raw_text
    response = HttpResponse(raw, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def actor_list(request: HttpRequest) -> HttpResponse:
    queryset = Actor.objects.active().select_related("country").prefetch_related("tags")
    return _list(request, ActorFilter, queryset, "site/actor_list.html", "Actors")


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("country", "merged_into"), slug=slug)
    if actor.merged_into_id:
        # A merged actor's URL keeps working: it leads to whom it was merged into.
        survivor = actor.merged_into
        while survivor.merged_into_id:  # type: ignore[union-attr]
            survivor = survivor.merged_into  # type: ignore[union-attr]
        return redirect(survivor, permanent=False)  # type: ignore[arg-type]
    as_of = parse_as_of(request.GET.get("as_of"))
    # Bounded by design: the page reads the actor's RECENT_ARTICLES newest
    # articles and works out co-mentions from the CO_MENTION_WINDOW newest only,
    # so its cost does not grow with how often the actor appears.
    window = list(
        queries.newest_articles(
            Mention.objects.public().filter(actor=actor), "article_id"
        ).values_list("pk", flat=True)[:CO_MENTION_WINDOW]
    )
    shown = window[:RECENT_ARTICLES]
    articles = queries.in_order(
        Article.objects.select_related("source").defer("raw_text", "offsets", "blocks"), shown
    )
    by_article: OrderedDict[int, dict[str, Any]] = OrderedDict(
        (a.pk, {"article": a, "count": 0}) for a in articles
    )
    for m in (
        Mention.objects.public()
        .filter(actor=actor, article_id__in=shown)
        .only("article_id", "start", "end")
        .order_by("article_id", "start")
    ):
        entry = by_article[m.article_id]
        entry["count"] += 1
        entry.setdefault("snippet", snippet(entry["article"].body, m.start, m.end))
    stances = queries.stances_of(actor, as_of.day)
    stances_more = len(stances) > STANCE_LIMIT
    stances = stances[:STANCE_LIMIT]
    claims_made = list(
        Claim.objects.public()
        .said_by(actor)
        .select_related("article", "speaker")
        .defer(*ARTICLE_TEXT)
        .order_by("-id")[:SHORT_LIST]
    )
    claims_about = list(
        queries.newest_claims_about(actor)
        .select_related("article", "speaker")
        .defer(*ARTICLE_TEXT)[:SHORT_LIST]
    )
    threshold = public_confidence()
    co_mentioned = (
        Actor.objects.active()
        .exclude(pk=actor.pk)
        # Only actors met in the window, each counted on its (actor, article)
        # index: not every actor in the knowledge base.
        .filter(pk__in=Mention.objects.filter(article__in=window).values("actor_id"))
        .filter(
            Q(mentions__status=Mention.Status.CONFIRMED)
            | Q(mentions__status=Mention.Status.EXTRACTED, mentions__confidence__gte=threshold),
            mentions__article__in=window,
        )
        .select_related("country")
        .annotate(shared=Count("mentions__article", distinct=True))
        .order_by("-shared", "name")[:15]
    )
    aliases = list(actor.aliases.accepted().order_by("name"))
    events = queries.events([e["article"] for e in by_article.values()], claims_made)
    return render(
        request,
        "site/actor_detail.html",
        {
            "actor": actor,
            "as_of": as_of,
            "aliases": aliases,
            "tags": list(actor.tags.all()),
            "roles": _latest_posts(actor, as_of.day),
            **queries.memberships(actor, as_of.day),
            "stances": stances,
            "stances_more": stances_more,
            "graph": queries.graph(stances, centre=actor),
            "claims_made": claims_made,
            "claims_about": claims_about,
            "articles": list(by_article.values()),
            "articles_more": len(window) > len(shown),
            "co_mentioned": co_mentioned,
            "co_window": len(window),
            "timeline": timeline_svg(events),
            "events": sorted(events, key=lambda e: e.day),
            "jsonld": structured.actor_ld(
                actor, request.build_absolute_uri, [a.name for a in aliases]
            ),
        },
    )


def _latest_posts(actor: Actor, day: dt.date | None = None) -> list[Post]:
    """The actor's posts, each once, from its ROLE_WINDOW latest role rows (held on ``day``).

    A post is one role row whatever the number of articles naming it; its
    evidence (one query for all rows) gives every article that attests it.
    """
    rows = (
        queries.time_bound(Role, day)
        .filter(actor=actor)
        .select_related("organization", "country", "article")
        .defer(*ARTICLE_TEXT)
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=RoleEvidence.objects.select_related("article")
                .defer(*(f"article__{f}" for f in ("raw_text", "body", "offsets", "blocks")))
                .order_by("article_id"),
            )
        )
        .order_by("-id")[:ROLE_WINDOW]
    )
    return group_posts(rows)[:ROLE_LIMIT]


def country_list(request: HttpRequest) -> HttpResponse:
    queryset = (
        Country.objects.annotate(
            actor_count=Count("actors", filter=Q(actors__merged_into__isnull=True))
        )
        .filter(Q(mention_count__gt=0) | Q(actor_count__gt=0))
        .order_by("name")
    )
    return _list(request, CountryFilter, queryset, "site/country_list.html", "Countries")


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        return redirect("site:country", code=code.lower(), permanent=True)
    country = get_object_or_404(Country, code=code.upper())
    as_of = parse_as_of(request.GET.get("as_of"))
    stances = queries.stances_of(country, as_of.day)
    stances_more = len(stances) > STANCE_LIMIT
    stances = stances[:STANCE_LIMIT]
    articles = list(
        queries.newest_articles(Mention.objects.public().filter(country=country), "article_id")
        .select_related("source")
        .defer("raw_text", "offsets", "blocks")[:SHORT_LIST]
    )
    claims = list(
        queries.newest_claims_about(country)
        .select_related("speaker", "article")
        .defer(*ARTICLE_TEXT)[:SHORT_LIST]
    )
    events = queries.events(articles, claims)
    return render(
        request,
        "site/country_detail.html",
        {
            "country": country,
            "as_of": as_of,
            "actors": list(queries.country_actors(country)[:SHORT_LIST]),
            **queries.memberships(country, as_of.day),
            "stances": stances,
            "stances_more": stances_more,
            "graph": queries.graph(stances, centre=country),
            "articles": articles,
            "claims": claims,
            "timeline": timeline_svg(events),
            "events": sorted(events, key=lambda e: e.day),
            "jsonld": structured.country_ld(country, request.build_absolute_uri),
        },
    )


def claim_list(request: HttpRequest) -> HttpResponse:
    queryset = (
        Claim.objects.public()
        .select_related("speaker", "article", "article__source")
        .defer(*ARTICLE_TEXT)
        .prefetch_related("tags")
    )
    return _list(request, ClaimFilter, queryset, "site/claim_list.html", "Claims")


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.public().select_related("speaker", "article", "article__source"), pk=pk
    )
    linked = list(
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
        .filter(
            from_claim__in=Claim.objects.public().values("pk"),
            to_claim__in=Claim.objects.public().values("pk"),
        )
        .select_related(
            "from_claim",
            "from_claim__speaker",
            "from_claim__article",
            "to_claim",
            "to_claim__speaker",
            "to_claim__article",
        )
        .order_by("type", "id")
    )
    links = [
        {
            "type": link.type,
            "label": link.get_type_display(),
            "outgoing": link.from_claim_id == claim.pk,
            "other": link.to_claim if link.from_claim_id == claim.pk else link.from_claim,
            "note": link.note,
        }
        for link in linked
    ]
    body = claim.article.body
    lo, hi = paragraph_around(body, claim.article.blocks, claim.start, claim.end)
    return render(
        request,
        "site/claim_detail.html",
        {
            "claim": claim,
            "subjects": list(claim.subjects.filter(merged_into__isnull=True)),
            "countries": list(claim.countries.all()),
            "tags": list(claim.tags.all()),
            "links": links,
            "conflicts": [x for x in links if x["type"] == ClaimLink.Type.CONTRADICTS],
            "paragraph": snippet(body[lo:hi], claim.start - lo, claim.end - lo, context=10_000),
            "span_anchor": f"span-{claim.start}-{claim.end}",
            "jsonld": structured.claim_ld(claim, request.build_absolute_uri),
        },
    )


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    return render(
        request,
        "site/tag_detail.html",
        {
            "tag": tag,
            "articles": list(
                queries.newest_articles(
                    TaggedItem.objects.filter(
                        tag=tag, content_type=ContentType.objects.get_for_model(Article)
                    ),
                    "object_id",
                )
                .select_related("source")
                .defer("raw_text", "offsets", "blocks")[:SHORT_LIST]
            ),
            "actors": list(
                Actor.objects.active().filter(tags=tag).select_related("country")[:SHORT_LIST]
            ),
            "claims": list(
                Claim.objects.public()
                .filter(tags=tag)
                .select_related("speaker", "article")
                .defer(*ARTICLE_TEXT)[:SHORT_LIST]
            ),
            "jsonld": structured.collection_ld(f"Tagged {tag.name}", request.build_absolute_uri()),
        },
    )


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200].replace("\x00", "")
    kind = request.GET.get("kind", "")
    results = search(query, {"kind": kind} if kind in KINDS else None)
    return render(
        request,
        "site/search.html",
        {
            "query": query,
            "kind": kind if kind in KINDS else "",
            "kinds": KINDS,
            "articles": list(results.articles[:20]),
            "claims": list(results.claims[:20]),
            "actors": list(
                results.actors.prefetch_related(
                    Prefetch("aliases", queryset=Alias.objects.accepted().order_by("name"))
                )[:20]
            ),
            "jsonld": structured.collection_ld(
                f"Search: {query}" if query else "Search", request.build_absolute_uri()
            ),
        },
    )
