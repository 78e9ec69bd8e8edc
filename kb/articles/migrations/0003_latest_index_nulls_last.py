"""PostgreSQL: an index in the articles' default ordering, NULLS LAST included.

``article_latest_idx`` is (published DESC, id DESC); PostgreSQL sorts DESC with
NULLs first, so it cannot serve ``published DESC NULLS LAST`` and every "newest
articles" list sorted the whole table. SQLite puts NULLs last anyway (and has no
NULLS LAST in CREATE INDEX), so it keeps using its own indexes.
"""

from django.db import migrations

NAME = "article_latest_nl_idx"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{NAME}" ON "articles_article" '
            '("published" DESC NULLS LAST, "id" DESC)'
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
