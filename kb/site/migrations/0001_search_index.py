"""Full-text indexes for kb.site.search, one kind per database.

PostgreSQL: GIN expression indexes on the same tsvector expressions the search
module queries with (so the planner can use them). SQLite: FTS5 external-content
tables over the article and claim tables, kept in sync by triggers, which also
fire for bulk_create and queryset updates. Each half is a no-op on the other
database.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "english"

SQLITE_UP = [
    "CREATE VIRTUAL TABLE site_article_fts USING fts5("
    "title, body, content='articles_article', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER site_article_fts_ai AFTER INSERT ON articles_article BEGIN "
    "INSERT INTO site_article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER site_article_fts_ad AFTER DELETE ON articles_article BEGIN "
    "INSERT INTO site_article_fts(site_article_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER site_article_fts_au AFTER UPDATE ON articles_article BEGIN "
    "INSERT INTO site_article_fts(site_article_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO site_article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "INSERT INTO site_article_fts(site_article_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE site_claim_fts USING fts5("
    "text, content='claims_claim', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER site_claim_fts_ai AFTER INSERT ON claims_claim BEGIN "
    "INSERT INTO site_claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER site_claim_fts_ad AFTER DELETE ON claims_claim BEGIN "
    "INSERT INTO site_claim_fts(site_claim_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER site_claim_fts_au AFTER UPDATE ON claims_claim BEGIN "
    "INSERT INTO site_claim_fts(site_claim_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO site_claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO site_claim_fts(site_claim_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS site_article_fts_ai",
    "DROP TRIGGER IF EXISTS site_article_fts_ad",
    "DROP TRIGGER IF EXISTS site_article_fts_au",
    "DROP TABLE IF EXISTS site_article_fts",
    "DROP TRIGGER IF EXISTS site_claim_fts_ai",
    "DROP TRIGGER IF EXISTS site_claim_fts_ad",
    "DROP TRIGGER IF EXISTS site_claim_fts_au",
    "DROP TABLE IF EXISTS site_claim_fts",
]


def _pg_indexes():
    # Must stay identical to the vectors in kb/site/search.py (a test checks
    # that PostgreSQL's planner uses these indexes).
    article = GinIndex(
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("body", weight="B", config=CONFIG),
        name="article_search_gin",
    )
    claim = GinIndex(SearchVector("text", config=CONFIG), name="claim_search_gin")
    return [("articles", "Article", article), ("claims", "Claim", claim)]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for app, model, index in _pg_indexes():
            schema_editor.add_index(apps.get_model(app, model), index)
    elif vendor == "sqlite":
        for sql in SQLITE_UP:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for app, model, index in _pg_indexes():
            schema_editor.remove_index(apps.get_model(app, model), index)
    elif vendor == "sqlite":
        for sql in SQLITE_DOWN:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
        ("claims", "0002_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
