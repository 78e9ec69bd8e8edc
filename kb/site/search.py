"""Full-text search over articles, claims and actors: one function, two backends.

In: the reader's query string (any text at all) and optional filters
(``{"kind": "articles" | "claims" | "actors"}``). Out: a ``SearchResults``
holding three QuerySets, each ordered best first and annotated with ``rank``;
articles and claims also carry ``headline``, a snippet with the matched words
between ``MARK_START``/``MARK_END`` sentinels (render it with
``rendering.highlight``, which escapes first and highlights after).

Guarantees: the backend follows ``connection.vendor`` (PostgreSQL full text
over stored, GIN-indexed tsvector columns, or SQLite FTS5 tables kept in sync
by triggers, both created by ``kb/site/migrations``); both match whole words,
stemmed, and ignore the same English stopwords; the cost of a search is
bounded on both: results are ranked among the newest ``CANDIDATES`` matches
(FTS5 lists matches by rowid, newest first, without ranking them); no query
string raises (reader input never reaches FTS syntax unquoted);
deprecated claims, merged actors and aliases an editor rejected never
appear. Actors match through every accepted alias, ignoring accents and
case ("Ibanez" finds Ramón Ibáñez).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.fields import FloatField

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.entities.models import Actor, Alias
from kb.pipeline.fold import fold
from kb.site.rendering import MARK_END, MARK_START

KINDS = ("articles", "claims", "actors")
MAX_TERMS = 12
MAX_TERM_LENGTH = 60
# The same text-search configuration is used by the GIN index (migration 0001).
PG_CONFIG = "english"
# Matches are ranked among the newest CANDIDATES of them (by id: import
# order), so a word found in most of the knowledge base costs the same as a
# rare one. A newsroom reader looks for recent coverage first.
CANDIDATES = 200

_TERM = re.compile(r"\w+")
# The words PostgreSQL's 'english' configuration ignores; SQLite ignores the same.
STOPWORDS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "data" / "english.stop").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


@dataclass(frozen=True)
class SearchResults:
    query: str
    articles: QuerySet[Article]
    claims: QuerySet[Claim]
    actors: QuerySet[Actor]


def terms_of(query: str) -> list[str]:
    """The words of a query, bounded in number and length."""
    return [t[:MAX_TERM_LENGTH] for t in _TERM.findall(query)][:MAX_TERMS]


def search(query: str, filters: Mapping[str, str] | None = None) -> SearchResults:
    """Ranked matches for ``query`` in articles, claims and actors."""
    filters = filters or {}
    kind = filters.get("kind")
    wanted = {kind} if kind in KINDS else set(KINDS)
    terms = terms_of(query or "")
    if not terms:
        return SearchResults(
            query, Article.objects.none(), Claim.objects.none(), Actor.objects.none()
        )
    backend = _postgres if connection.vendor == "postgresql" else _sqlite
    articles, claims = backend(query, terms)
    return SearchResults(
        query=query,
        articles=(articles if "articles" in wanted else Article.objects.none()),
        claims=(claims if "claims" in wanted else Claim.objects.none()),
        actors=(_actors(query) if "actors" in wanted else Actor.objects.none()),
    )


def _actors(query: str) -> QuerySet[Actor]:
    """Active actors whose accepted aliases (or name) contain every folded word."""
    key = fold(query)
    words = key.split()[:MAX_TERMS]
    if not words:
        return Actor.objects.none()
    aliases = Alias.objects.accepted().filter(actor=OuterRef("pk"))
    matches = Q()
    for word in words:
        matches &= Exists(aliases.filter(key__contains=word)) | Q(name__icontains=word)
    return (
        Actor.objects.active()
        .filter(matches)
        .annotate(
            # An alias equal to the whole query ranks first ("Ibanez" → Ramón Ibáñez).
            exact=Exists(aliases.filter(key=key)),
            rank=Value(1.0, output_field=FloatField()),
        )
        .select_related("country")
        .order_by("-exact", "-mention_count", "name")
    )


def _postgres(query: str, terms: list[str]) -> tuple[QuerySet[Article], QuerySet[Claim]]:
    # websearch_to_tsquery accepts any input without syntax errors. The stored
    # documents (migration 0002) are matched through their GIN indexes and
    # ranked without re-parsing; only the newest CANDIDATES matches are ranked.
    ts_query = SearchQuery(" ".join(terms), config=PG_CONFIG, search_type="websearch")
    headline = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": PG_CONFIG}
    tsq = f"websearch_to_tsquery('{PG_CONFIG}'::regconfig, %s)"
    text = " ".join(terms)
    articles = (
        Article.objects.extra(  # noqa: S610 (reader input only as bound params)
            where=[
                "articles_article.id IN (SELECT id FROM articles_article"  # noqa: S608
                f" WHERE search_document @@ {tsq} ORDER BY id DESC LIMIT {CANDIDATES})"
            ],
            params=[text],
            select={"rank": f"ts_rank(articles_article.search_document, {tsq})"},
            select_params=[text],
        )
        # Headlines are computed after the LIMIT: PostgreSQL evaluates them
        # only for the rows a page shows.
        .annotate(headline=SearchHeadline("body", ts_query, max_words=35, min_words=15, **headline))
        .select_related("source")
        .defer("raw_text", "offsets", "blocks")
        .order_by("-rank", "-id")
    )
    claims = (
        Claim.objects.public()
        .extra(  # noqa: S610 (reader input only as bound params)
            where=[
                "claims_claim.id IN (SELECT id FROM claims_claim"  # noqa: S608
                f" WHERE search_document @@ {tsq} AND status <> %s"
                f" ORDER BY id DESC LIMIT {CANDIDATES})"
            ],
            params=[text, Claim.Status.DEPRECATED],
            select={"rank": f"ts_rank(claims_claim.search_document, {tsq})"},
            select_params=[text],
        )
        .annotate(headline=SearchHeadline("text", ts_query, highlight_all=True, **headline))
        .select_related("speaker", "article")
        .defer("article__raw_text", "article__body", "article__offsets", "article__blocks")
        .order_by("-rank", "-id")
    )
    return articles, claims


def _sqlite(query: str, terms: list[str]) -> tuple[QuerySet[Article], QuerySet[Claim]]:
    # Every term becomes a quoted string, so no FTS5 operator from the reader's
    # input is ever interpreted. Whole words, stemmed by the tables' tokenizer
    # (migration 0006), as on PostgreSQL; a prefix would read the postings of
    # every word it starts, over the whole index.
    words = [t for t in terms if t.casefold() not in STOPWORDS]
    if not words:
        return Article.objects.none(), Claim.objects.none()
    match = " ".join(f'"{t}"' for t in words)
    articles = (
        Article.objects.extra(  # noqa: S610 (reader input only as bound params)
            tables=["site_article_fts"],
            where=[
                "site_article_fts.rowid = articles_article.id",
                "site_article_fts MATCH %s",
                # From the newest CANDIDATES matches on: FTS5 walks rowids
                # newest first and bounds its scan by this range.
                f"site_article_fts.rowid >= (SELECT min(rowid) FROM (SELECT rowid"  # noqa: S608
                f" FROM site_article_fts WHERE site_article_fts MATCH %s"
                f" ORDER BY rowid DESC LIMIT {CANDIDATES}))",
            ],
            params=[match, match],
            select={
                # bm25 is lower-is-better; negate so rank reads like PostgreSQL's.
                "rank": "-bm25(site_article_fts, 10.0, 1.0)",
                "headline": "snippet(site_article_fts, 1, char(2), char(3), '…', 30)",
            },
        )
        .select_related("source")
        .defer("raw_text", "offsets", "blocks")
        .order_by("-rank", "-id")
    )
    claims = (
        Claim.objects.public()
        .extra(  # noqa: S610 (reader input only as bound params)
            tables=["site_claim_fts"],
            where=[
                "site_claim_fts.rowid = claims_claim.id",
                "site_claim_fts MATCH %s",
                # From the newest CANDIDATES matches on: FTS5 walks rowids
                # newest first and bounds its scan by this range.
                f"site_claim_fts.rowid >= (SELECT min(rowid) FROM (SELECT rowid"  # noqa: S608
                f" FROM site_claim_fts WHERE site_claim_fts MATCH %s"
                f" ORDER BY rowid DESC LIMIT {CANDIDATES}))",
            ],
            params=[match, match],
            select={
                "rank": "-bm25(site_claim_fts)",
                "headline": "highlight(site_claim_fts, 0, char(2), char(3))",
            },
        )
        .select_related("speaker", "article")
        .defer("article__raw_text", "article__body", "article__offsets", "article__blocks")
        .order_by("-rank", "-id")
    )
    return articles, claims
