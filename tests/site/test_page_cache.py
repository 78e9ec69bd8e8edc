"""Whole-page caching never shows readers stale data.

Every write to a knowledge-base table changes the data version (database
triggers), so a page cached before a write is never served after it, whoever
wrote: the ORM, a bulk update, raw SQL, or another process.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.entities.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def article() -> Article:
    return Article.objects.create(
        title="Before",
        slug="story",
        original_name="story.txt",
        raw_text="Body text here.",
        body="Body text here.",
        content_hash="a" * 64,
    )


def test_a_repeat_request_is_served_from_the_cache(client, article, django_assert_num_queries):
    assert "Before" in client.get("/articles/story/").content.decode()
    with django_assert_num_queries(1):  # the data version; the page comes from the cache
        again = client.get("/articles/story/")
    assert "Before" in again.content.decode()


@pytest.mark.parametrize(
    "write",
    [
        lambda a: Article.objects.filter(pk=a.pk).update(title="After"),
        lambda a: (setattr(a, "title", "After"), a.save()),
        lambda a: connection.cursor().execute(
            "UPDATE articles_article SET title = 'After' WHERE id = %s", [a.pk]
        ),
    ],
    ids=["queryset-update", "save", "raw-sql"],
)
def test_any_write_shows_at_once(client, article, write):
    assert "Before" in client.get("/articles/story/").content.decode()
    write(article)
    page = client.get("/articles/story/").content.decode()
    assert "After" in page and "Before" not in page


def test_a_write_to_another_table_invalidates_lists(client, article):
    claim = Claim.objects.create(article=article, start=0, end=4, kind="quote", text="Body")
    assert "Body" in client.get("/claims/").content.decode()
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.DEPRECATED)
    assert f"/claims/{claim.pk}/" not in client.get("/claims/").content.decode()
    Actor.objects.create(kind="person", name="Newly Named")
    assert "Newly Named" in client.get("/actors/").content.decode()


def test_editors_with_a_session_are_never_served_cached_pages(client, article, admin_user):
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin_user)
    client.get("/articles/story/")
    with CaptureQueriesContext(connection) as second:
        assert client.get("/articles/story/").status_code == 200
    # Rendered again: the session, the user, then the article page's own queries.
    assert len(second.captured_queries) > 3
    assert not any("site_dataversion" in q["sql"] for q in second.captured_queries)


def test_every_knowledge_base_table_has_its_trigger() -> None:
    tables = set()
    for label in ("entities", "articles", "claims", "taggit"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if not model.__name__.startswith("Historical"):
                tables.add(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kbv_%%'"
            )
        else:
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE 'kbv_%%'"
            )
        triggered = {row[0] for row in cursor.fetchall()}
    assert tables <= triggered, f"tables without a data-version trigger: {tables - triggered}"


def _token() -> int:
    from kb.site.models import DataVersion

    return DataVersion.current()


@pytest.mark.django_db(transaction=True)
def test_a_write_in_a_rolled_back_savepoint_does_not_hide_a_later_one(article) -> None:
    from django.db import transaction

    before = _token()
    with transaction.atomic():
        try:
            with transaction.atomic():
                Article.objects.filter(pk=article.pk).update(title="Rolled back")
                raise RuntimeError
        except RuntimeError:
            pass
        assert _token() == before
        Article.objects.filter(pk=article.pk).update(title="Kept")
    assert _token() != before


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row versions are PostgreSQL's")
def test_postgres_bumps_once_per_transaction(article) -> None:
    """Many statements in one transaction update the version row once (migration 0005)."""
    from django.db import transaction

    def row_version() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT ctid::text FROM site_dataversion WHERE id = 1")
            return cursor.fetchone()[0]

    from kb.site.models import DataVersion

    DataVersion.current()  # a flushed database has no version row until it is read
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(title="One")
        first = row_version()
        for n in range(5):
            Article.objects.filter(pk=article.pk).update(title=f"Again {n}")
        assert row_version() == first
