"""SQLite search matches whole words, stemmed, as PostgreSQL's 'english' search does.

The FTS5 tables of 0001 split words (``unicode61``) but did not stem them, so
the search module matched every term as a prefix (``"venezuela"*``) to find
"Venezuelan" too. A prefix merges the postings of every word that starts with
it, over the whole index: at 50k articles one common prefix cost 10-20 ms
before any ranking. Stemming (``porter``) finds "sanction" for "sanctions"
the way PostgreSQL does, and a whole-word term reads one posting list, newest
first. The tables are rebuilt from the article and claim tables they index;
the triggers of 0001 keep writing to them by name. PostgreSQL: nothing to do.
"""

from django.db import migrations

TABLES = [
    ("site_article_fts", "title, body, content='articles_article', content_rowid='id'"),
    ("site_claim_fts", "text, content='claims_claim', content_rowid='id'"),
]


def _rebuild(tokenizer):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for table, columns in TABLES:
            schema_editor.execute(f"DROP TABLE {table}")
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, tokenize='{tokenizer}')"
            )
            schema_editor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")

    return run


class Migration(migrations.Migration):
    dependencies = [("site", "0005_data_version_once_per_transaction")]

    operations = [
        migrations.RunPython(
            _rebuild("porter unicode61 remove_diacritics 2"),
            _rebuild("unicode61 remove_diacritics 2"),
        )
    ]
