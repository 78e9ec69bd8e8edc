"""PostgreSQL: stored tsvector columns for search, so ranking never re-parses text.

With only the expression indexes of 0001, ``ts_rank`` had to run
``to_tsvector`` over every matching article body again (1.75 s for a common
name at 1k articles). Generated columns hold the parsed documents, are kept
right by PostgreSQL on every insert and update (bulk or not, import or admin),
and are indexed with GIN (replacing 0001's expression indexes). They are not
model fields: only kb/site/search.py reads them. SQLite keeps its FTS5 tables from 0001; this migration is a no-op
there.
"""

from django.db import migrations

CONFIG = "english"

PG_UP = [
    "ALTER TABLE articles_article ADD COLUMN search_document tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')), 'A') || "
    f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(body, '')), 'B')) STORED",
    "CREATE INDEX article_document_gin ON articles_article USING gin (search_document)",
    "ALTER TABLE claims_claim ADD COLUMN search_document tsvector GENERATED ALWAYS AS ("
    f"to_tsvector('{CONFIG}'::regconfig, COALESCE(text, ''))) STORED",
    "CREATE INDEX claim_document_gin ON claims_claim USING gin (search_document)",
    # The expression indexes of 0001 are no longer read; dropping them saves
    # the import a second parse of every body.
    "DROP INDEX IF EXISTS article_search_gin",
    "DROP INDEX IF EXISTS claim_search_gin",
]
PG_DOWN = [
    "CREATE INDEX article_search_gin ON articles_article USING gin (("
    f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')::text), 'A') || "
    f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(body, '')), 'B')))",
    "CREATE INDEX claim_search_gin ON claims_claim USING gin (("
    f"to_tsvector('{CONFIG}'::regconfig, COALESCE(text, ''))))",
    "DROP INDEX IF EXISTS article_document_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document",
    "DROP INDEX IF EXISTS claim_document_gin",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_document",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_UP:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_DOWN:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("site", "0001_search_index")]

    operations = [migrations.RunPython(forwards, backwards)]
