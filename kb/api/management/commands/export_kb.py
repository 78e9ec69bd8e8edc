"""``export_kb [--output FILE]``: the whole knowledge base as JSON Lines (stdout by default).

Writes to a temporary file next to ``FILE`` and renames it when complete, so a
crash never leaves a truncated backup under the final name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kb.api.transfer import kb_export
from kb.commands import require_database


class Command(BaseCommand):
    help = "Export the whole knowledge base (with editors' decisions and history) as JSON Lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", metavar="FILE", help="Write here instead of stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        require_database()
        output = options["output"]
        if not output or output == "-":
            report = kb_export(self.stdout._out)
            self.stderr.write(f"exported {report.total} rows")
            return
        target = Path(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                report = kb_export(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stdout.write(f"{target}: {report.total} rows")

    def execute(self, *args: Any, **options: Any) -> Any:
        # Rows go to stdout untouched: no colour codes, no style.
        options.setdefault("no_color", True)
        return super().execute(*args, **options)
