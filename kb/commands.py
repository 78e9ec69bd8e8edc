"""What every management command that reads or writes the knowledge base checks first.

A command run before ``migrate`` (or against a database that is down) would
otherwise end in a traceback from deep inside the ORM. ``require_database()``
turns both into one line that says what to do, as a ``CommandError`` (exit 2:
the command was not set up to run, nothing was read or written).
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor


def _where(alias: str) -> str:
    settings = connections[alias].settings_dict
    if connections[alias].vendor == "sqlite":
        return f"the SQLite database {settings['NAME']}"
    host = settings.get("HOST") or "localhost"
    return f"the {connections[alias].vendor} database {settings['NAME']} on {host}"


def require_database(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Raise a one-line ``CommandError`` unless the database is reachable and fully migrated."""
    try:
        executor = MigrationExecutor(connections[alias])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CommandError(f"cannot open {_where(alias)}: {reason}", returncode=2) from exc
    if plan:
        raise CommandError(
            f"{_where(alias)} is not migrated ({len(plan)} migration"
            f"{'' if len(plan) == 1 else 's'} to apply): "
            "run `python manage.py migrate` (or `make run`) first",
            returncode=2,
        )
