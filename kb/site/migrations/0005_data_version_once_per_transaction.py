"""PostgreSQL: bump the data version once per transaction, not once per statement.

Every UPDATE of the one ``site_dataversion`` row leaves a dead row version that
an open transaction cannot prune, and the next UPDATE has to walk past all of
them. A transaction of many statements (``loaddata``, a bulk curation) became
quadratic: ``loaddata`` of 1,000 articles' rows ran for about five minutes.

A transaction-local setting remembers that this transaction already bumped;
``DataVersion.current()`` clears it, so a write after a read bumps again.
``set_config(..., true)`` is undone with a rolled-back savepoint, so a bump
that rolls back is redone by the next write. SQLite updates the row in place
and keeps its row triggers.
"""

from django.db import migrations

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION kb_bump_data_version() RETURNS trigger AS $$
BEGIN
    IF current_setting('kb.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE site_dataversion SET token = floor(random() * 4611686018427387903)::bigint
        WHERE id = 1;
        PERFORM set_config('kb.data_version_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

PG_FUNCTION_BEFORE = """
CREATE OR REPLACE FUNCTION kb_bump_data_version() RETURNS trigger AS $$
BEGIN
    UPDATE site_dataversion SET token = floor(random() * 4611686018427387903)::bigint
    WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION_BEFORE)


class Migration(migrations.Migration):
    dependencies = [("site", "0004_data_version_triggers")]

    operations = [migrations.RunPython(forwards, backwards)]
