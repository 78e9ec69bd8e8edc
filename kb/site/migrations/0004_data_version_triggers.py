"""Triggers that change ``site_dataversion.token`` on every write to the knowledge base.

They cover every table of the entities, articles, claims and taggit apps
(history tables aside: they only follow the others). A test checks that every
such table has its trigger, so a new model cannot slip past the page cache.
SQLite has row triggers only; PostgreSQL gets one statement trigger per table.
"""

from django.db import migrations

APPS = ["entities", "articles", "claims", "taggit"]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION kb_bump_data_version() RETURNS trigger AS $$
BEGIN
    UPDATE site_dataversion SET token = floor(random() * 4611686018427387903)::bigint
    WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def tracked_tables(apps) -> list[str]:
    tables = set()
    for label in APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if not model.__name__.startswith("Historical"):
                tables.add(model._meta.db_table)
    return sorted(tables)


def trigger_name(table: str, op: str = "") -> str:
    return f"kbv_{table}{'_' + op if op else ''}"


def forwards(apps, schema_editor):
    import secrets

    apps.get_model("site", "DataVersion").objects.get_or_create(
        pk=1, defaults={"token": secrets.randbits(62)}
    )
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    if vendor == "postgresql":
        execute(PG_FUNCTION)
    for table in tracked_tables(apps):
        if vendor == "postgresql":
            execute(
                f'CREATE TRIGGER "{trigger_name(table)}" AFTER INSERT OR UPDATE OR DELETE '
                f'OR TRUNCATE ON "{table}" FOR EACH STATEMENT '
                "EXECUTE FUNCTION kb_bump_data_version()"
            )
        elif vendor == "sqlite":
            for op in ("insert", "update", "delete"):
                execute(
                    f'CREATE TRIGGER "{trigger_name(table, op)}" AFTER {op.upper()} ON "{table}" '
                    "BEGIN UPDATE site_dataversion SET token = random() / 2 WHERE id = 1; END"
                )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in tracked_tables(apps):
        if vendor == "postgresql":
            schema_editor.execute(f'DROP TRIGGER IF EXISTS "{trigger_name(table)}" ON "{table}"')
        elif vendor == "sqlite":
            for op in ("insert", "update", "delete"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{trigger_name(table, op)}"')
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS kb_bump_data_version()")


class Migration(migrations.Migration):
    dependencies = [
        ("site", "0003_data_version"),
        ("entities", "0002_alias_help_text"),
        ("articles", "0002_initial"),
        ("claims", "0004_claim_created_idx"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
