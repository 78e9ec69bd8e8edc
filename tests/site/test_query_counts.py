"""Every page issues the same number of queries for 1 row as for 50.

The budgets are exact maxima, each query accounted for in a comment. A page
that starts issuing a query per row fails at 50 rows. Each budget is for a
page rendered afresh (a cache miss), plus the one query every page makes for
the data version its cache key holds; a cache hit makes that query alone.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

BUDGETS = {
    # stances (with both ends), their evidence, four counts, latest articles,
    # most-mentioned actors, verified claims
    "home": ("/", 9),
    # count, page (with source), tags of the page (the filters here are text
    # boxes: no query for choices)
    "article_list": ("/articles/", 3),
    # article + source, accepted mentions with targets, public claims with
    # speakers, tags
    "article": ("/articles/{article}/", 4),
    # the raw text only
    "raw": ("/articles/{article}/raw/", 1),
    # count, page (with country), tags of the page
    "actor_list": ("/actors/", 3),
    # actor (+ country, merged_into), up to DENSE of its mentions' articles (rare
    # or frequent?), ids of its newest articles, the shown articles, their
    # mentions of the actor, stances, stance evidence, claims made, claims
    # about, co-mentioned actors, aliases, tags, roles (+ organization, country,
    # article), member_of stances either way (+ both ends, article), their
    # evidence (+ article)
    "actor": ("/actors/{actor}/", 15),
    # the same queries, each narrowed to the day (valid_on): no more of them
    "actor_as_of": ("/actors/{actor}/?as_of=2019-06-01", 15),
    # a bad day is ignored: the page as without it
    "actor_bad_as_of": ("/actors/{actor}/?as_of=June", 15),
    # count, page (annotated with actor counts)
    "country_list": ("/countries/", 2),
    # country, stances, stance evidence, up to DENSE of its mentions' articles
    # (rare or frequent?), articles, claims, actors, member_of stances either
    # way (+ both ends, article), their evidence (+ article)
    "country": ("/countries/ve/", 9),
    # the same queries, stances and memberships narrowed to the day
    "country_as_of": ("/countries/ve/?as_of=2019-06-01", 9),
    # count, page (with speaker and article), tags, and one query per <select>
    # of names: the speakers, the countries claims are about
    "claim_list": ("/claims/", 5),
    # claim (+ speaker, article, source), links (+ both ends), subjects,
    # countries, tags
    "claim": ("/claims/{claim}/", 5),
    # tag, up to DENSE of its articles (rare or frequent?), articles, actors,
    # claims (the content types are cached)
    "tag": ("/tags/venezuela/", 5),
    # articles, claims, actors, their accepted aliases
    "search": ("/search/?q=Guaido", 4),
    # the latest articles (with source)
    "feed_articles": ("/feeds/articles/", 1),
    # the latest claims (with speaker)
    "feed_claims": ("/feeds/claims/atom/", 1),
    # one count and one page per section (static sections query nothing):
    # articles, actors, countries, claims
    "sitemap": ("/sitemap.xml", 8),
}


@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_query_budget_is_constant(client, world, django_assert_max_num_queries, name, rows):
    world.grow(rows)
    path, budget = BUDGETS[name]
    url = path.format(article=world.article.slug, actor=world.guaido.slug, claim=world.quote.pk)
    # +1: the data version (kb.site.cache), read before rendering.
    with django_assert_max_num_queries(budget + 1):
        response = client.get(url)
    assert response.status_code == 200
