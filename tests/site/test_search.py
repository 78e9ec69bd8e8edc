"""Search: whichever backend connection.vendor picks (run the suite on both databases)."""

from __future__ import annotations

import pytest
from django.db import connection

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.entities.models import Actor, Alias
from kb.site.rendering import MARK_END, MARK_START, highlight
from kb.site.search import search
from tests.site.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["Guaido", "guaidó", "GUAIDÓ", "juan guaido", "Guaidó Márquez"])
def test_actors_found_through_any_alias_ignoring_accents_and_case(world, query):
    found = list(search(query).actors)
    assert found[0] == world.guaido
    assert world.merged not in found  # merged actors never appear


def test_rejected_aliases_are_not_searched(world):
    assert list(search("Rejectedname").actors) == []
    Alias.objects.filter(name="Guaido").update(rejected=True)
    assert world.guaido in search("Guaido").actors  # still found by name
    Alias.objects.filter(name__startswith="Juan Gerardo").update(rejected=True)
    assert world.guaido not in search("Gerardo").actors


def test_articles_ranked_with_highlighted_headline(world):
    other = make_article(
        "Unrelated", "A report on oil. Caracas is mentioned once.", published=None, source=None
    )
    results = search("Caracas")
    articles = list(results.articles)
    assert set(articles) == {world.article, other}
    # The title weighs more than the body: a title hit outranks body hits.
    titled = make_article("Caracas today", "Nothing else here.", published=None, source=None)
    assert next(iter(search("Caracas").articles)) == titled
    headline = next(a.headline for a in search("Caracas").articles if a.pk == world.article.pk)
    assert MARK_START in headline and MARK_END in headline
    assert "<mark>Caracas</mark>" in str(highlight(headline))


def test_claims_searched_but_never_deprecated(world):
    assert list(search("Deprecatedclaimtext").claims) == []
    claims = list(search("stop until free").claims)
    assert claims == [world.quote]
    assert "<mark>" in str(highlight(claims[0].headline))


def test_filters_restrict_to_one_kind(world):
    results = search("Guaido", {"kind": "actors"})
    assert list(results.articles) == [] and list(results.claims) == []
    assert list(results.actors) == [world.guaido]
    results = search("Guaido", {"kind": "nonsense"})
    assert list(results.actors) == [world.guaido]


def test_index_follows_updates_deletes_and_bulk_create(world):
    Article.objects.filter(pk=world.article.pk).update(body="Zyxwords only now.")
    assert list(search("Zyxwords").articles) == [world.article]
    assert list(search("Caracas").articles) == []
    Article.objects.bulk_create(
        [
            Article(
                title=f"Bulk {i}",
                slug=f"bulk-{i}",
                original_name=f"bulk-{i}.txt",
                raw_text="x",
                body=f"Qwvbulk item {i}",
                content_hash=f"bulk{i}",
            )
            for i in range(3)
        ]
    )
    assert len(list(search("Qwvbulk").articles)) == 3
    Article.objects.filter(slug="bulk-0").delete()
    assert len(list(search("Qwvbulk").articles)) == 2
    Claim.objects.filter(pk=world.quote.pk).update(text="Newclaimwording here")
    assert list(search("Newclaimwording").claims) == [world.quote]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "NEAR(a b)",
        "a AND OR NOT",
        "*",
        "-",
        "title:x",
        "\x00",
        "'; DROP TABLE x; --",
        "",
        "   ",
    ],
)
def test_any_query_is_safe(world, query):
    results = search(query)
    list(results.articles), list(results.claims), list(results.actors)


def test_backend_uses_its_index(world):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a handful of rows the planner may prefer any plan; rule out the
            # table scan and plain index scans (GIN serves bitmap scans) so the
            # plan shows whether the match can use the GIN index at all.
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("SET enable_indexscan = off")
            sql, params = search("Caracas").articles.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "article_document_gin" in plan
            sql, params = search("Caracas").claims.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            assert "claim_document_gin" in "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_indexscan")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'site_%_fts'")
            assert {row[0] for row in cursor.fetchall()} == {"site_article_fts", "site_claim_fts"}


def test_search_page_escapes_and_highlights(client, world):
    Actor.objects.create(kind=Actor.Kind.PERSON, name="<img src=x onerror=alert(1)> Guaido fan")
    hostile = client.get("/search/", {"q": "<script>alert(1)</script> Caracas"}).content.decode()
    assert "<script>alert" not in hostile and "&lt;script&gt;alert(1)" in hostile
    assert "<mark>Caracas</mark>" in client.get("/search/", {"q": "caracas"}).content.decode()
    html = client.get("/search/", {"q": "guaido fan"}).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert world.guaido.get_absolute_url() in client.get("/search/?q=Guaido").content.decode()


def test_only_the_newest_matches_are_ranked(world, monkeypatch):
    """A word in most of the knowledge base costs what a rare one does: the
    newest CANDIDATES matches are ranked, older ones are left out."""
    from kb.site import search as search_module

    made = [
        make_article(f"Zinc report {n}", f"Zinc output {n}.", published=None, source=None)
        for n in range(5)
    ]
    assert len(list(search("Zinc").articles)) == 5
    monkeypatch.setattr(search_module, "CANDIDATES", 2)
    assert {a.pk for a in search("Zinc").articles} == {made[-1].pk, made[-2].pk}
    claims = list(search("stop until free").claims)
    assert claims == [world.quote]  # fewer matches than candidates: all of them


def test_whole_words_stemmed_alike_on_both_backends(world):
    """Both backends match whole words, stemmed: "sanction" finds "sanctions",
    and a word's beginning finds nothing (a prefix would read the postings of
    every word it starts)."""
    article = make_article(
        "Oil measures", "New sanctions were announced in Caracas.", published=None, source=None
    )
    assert article in search("sanction").articles
    assert article in search("SANCTIONED").articles
    assert article not in search("sanc").articles
    assert world.article not in search("Cara").articles


def test_stopwords_are_ignored_alike_on_both_backends(world):
    results = search("the of and")
    assert list(results.articles) == [] and list(results.claims) == []
    assert set(search("the Caracas").articles) == set(search("Caracas").articles)


def test_the_stopwords_are_postgresqls():
    from kb.site.search import STOPWORDS

    assert {"the", "of", "until", "and"} <= STOPWORDS and "caracas" not in STOPWORDS
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for word in sorted(STOPWORDS):
                cursor.execute("SELECT to_tsvector('english', %s)::text", [word])
                assert cursor.fetchone() == ("",), word
            # ... and no other common word is one of its stopwords.
            cursor.execute("SELECT to_tsvector('english', 'caracas sanctions oil')::text")
            assert cursor.fetchone()[0] != ""
