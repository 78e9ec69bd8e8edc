"""``import_kb FILE``: load an ``export_kb`` file into an empty, migrated database.

All or nothing: any problem rolls the whole import back and exits 1 with one
line saying why.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kb.api.transfer import TransferError, kb_import
from kb.commands import require_database


class Command(BaseCommand):
    help = "Import a knowledge base exported by export_kb into an empty database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help="An export_kb file ('-' for stdin).")

    def handle(self, *args: Any, **options: Any) -> None:
        require_database()
        path = options["file"]
        try:
            if path == "-":
                report = kb_import(sys.stdin)
            else:
                with open(path, encoding="utf-8") as fh:
                    report = kb_import(fh)
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        except (TransferError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(f"{path}: imported {report.total} rows")
