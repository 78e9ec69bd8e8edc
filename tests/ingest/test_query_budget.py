"""The import's query budget: a fixed number per article, plus a few per new actor.

The budget depends only on what is in the article (how many actors the pipeline
finds), never on how many articles, actors or mentions the knowledge base
already holds: the 30th article costs no more than the 1st. The articles come
from the benchmark's corpus generator, so they carry people, countries,
quotes, figures and stances, and the import does all its writes.
"""

from __future__ import annotations

import pytest
from django.db import connection

from bench.make_corpus import Cast, make_article, seed_sentences
from kb.ingest.services import article_import
from kb.ingest.snapshot import SnapshotIndex
from kb.pipeline import extract

pytestmark = pytest.mark.django_db

# Queries for one new article, whatever it contains. A new article has nothing
# of its own to clear or keep, so none of the update path's reads appear here.
FIXED_QUERIES = (
    1  # SELECT an article with the same content hash (idempotence), outside the transaction
    + 1  # BEGIN, or SAVEPOINT inside the test's transaction
    + 1  # the same content-hash check again, inside the write lock
    + 1  # SELECT ... FOR UPDATE the article of the same file name (an update?)
    + 1  # the article's slug: is it free?
    + 1  # INSERT the article
    + 1  # INSERT its history row
    + 1  # articles sharing a band of its story signature (a syndicated copy?)
    + 1  # INSERT its story bands, in bulk
    + 1  # the countries it names, in bulk
    + 1  # actors by the keys the snapshot gave (skipped when there are none)
    + 1  # existing actors by accepted alias
    + 1  # aliases editors rejected
    + 1  # INSERT the new aliases, in bulk
    + 1  # INSERT the mentions, in bulk
    + 1  # the same speakers' quotes from other outlets (one claim, several sources)
    + 1  # INSERT the claims, in bulk
    + 1  # the stances already known, by fact key (one row per fact, across articles)
    + 1  # INSERT the new stances, in bulk
    + 1  # INSERT the stances' evidence (one sentence each), in bulk
    + 1  # the roles already known, by fact key
    + 1  # INSERT the new roles, in bulk
    + 1  # INSERT the roles' evidence spans, in bulk
    + 3  # stances' consolidated fields: read the evidence, read the facts, UPDATE in bulk
    + 3  # roles' consolidated fields: the same three
    + 2  # the claims and mentions, to link each claim to what it is about
    + 2  # INSERT claim subjects and claim countries, in bulk
    + 2  # UPDATE the mention counts of the actors and countries it touched
    + 1  # COMMIT, or RELEASE SAVEPOINT
)
# Queries for each actor the knowledge base did not know yet:
PER_NEW_ACTOR = (
    1  # the actor's slug: is it free?
    + 1  # INSERT the actor
    + 1  # INSERT its history row
)


def budget(text: str, index: SnapshotIndex) -> int:
    # PostgreSQL serialises importers with an advisory lock: one more query.
    lock = 1 if connection.vendor == "postgresql" else 0
    found = extract(text, index.for_text(text)).actors
    return FIXED_QUERIES + lock + PER_NEW_ACTOR * len(found)


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, str]]:
    sentences, cast = seed_sentences(), Cast(seed=1)
    return [make_article(i, seed=1, sentences=sentences, cast=cast) for i in range(30)]


def test_first_article_stays_within_budget(articles, django_assert_max_num_queries) -> None:
    name, text = articles[0]
    index = SnapshotIndex.load()
    with django_assert_max_num_queries(budget(text, index)):
        outcome = article_import(text, original_name=name, snapshot=index)
    assert outcome.status == "new"


def test_thirtieth_article_costs_no_more_than_the_first(
    articles, django_assert_max_num_queries
) -> None:
    index = SnapshotIndex.load()
    for name, text in articles[:29]:
        assert article_import(text, original_name=name, snapshot=index).status == "new"
    name, text = articles[29]
    with django_assert_max_num_queries(budget(text, index)):
        outcome = article_import(text, original_name=name, snapshot=index)
    assert outcome.status == "new"
    assert outcome.extraction is not None
