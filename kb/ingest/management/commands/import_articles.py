"""``import_articles PATH...``: parse arguments, call the import service, report.

Each file goes through ``jobs.import_read_text``, the code path the desk's
import jobs use too.

Exit status: 0 when every file is fine, 1 when any file failed (the others are
still imported), 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kb.commands import require_database
from kb.ingest.jobs import import_read_text
from kb.ingest.reading import BadInput, iter_paths, read_article
from kb.ingest.services import ImportOutcome
from kb.ingest.snapshot import SnapshotIndex


class Command(BaseCommand):
    help = "Import article text files (or folders of them) into the knowledge base."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders.")
        parser.add_argument("--dry-run", action="store_true", help="Extract only; write nothing.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--source", help="Publisher name for every file imported.")
        parser.add_argument(
            "--tag", action="append", default=[], dest="tags", help="Tag to add (repeatable)."
        )
        parser.add_argument("--quiet", action="store_true", help="Print only errors.")

    def handle(self, *args: Any, **options: Any) -> None:
        as_json = options["format"] == "json"
        quiet = options["quiet"]
        require_database()
        snapshot = SnapshotIndex.load()
        counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0, "dry-run": 0}
        progress = self._progress(options["paths"], quiet=quiet or as_json)
        # Walked lazily, not listed: a folder of 50,000 articles costs no memory.
        for path, name, problem in iter_paths(options["paths"]):
            outcome = self._import_one(path, name, problem, options, snapshot)
            counts[outcome.status] += 1
            if outcome.error:
                self.stderr.write(f"{path}: {outcome.error}")
            for warning in outcome.warnings:
                self.stderr.write(f"{path}: warning: {warning}")
            if as_json:
                self.stdout.write(json.dumps(outcome.as_json(), ensure_ascii=False))
            elif not quiet and progress is None:
                self.stdout.write(f"{outcome.status:9} {path}")
            if progress is not None:
                progress.update(1)
        if progress is not None:
            progress.close()
        summary = (
            f"{counts['new']} new, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed"
        )
        if counts["dry-run"]:
            summary += f", {counts['dry-run']} dry-run"
        if not as_json and not quiet:
            self.stdout.write(summary)
        elif not as_json and counts["failed"]:
            self.stderr.write(summary)
        if counts["failed"]:
            sys.exit(1)

    def _import_one(
        self,
        path: str,
        name: str,
        problem: BadInput | None,
        options: dict[str, Any],
        snapshot: SnapshotIndex,
    ) -> ImportOutcome:
        if problem is not None:
            return ImportOutcome(path, "failed", error=str(problem))
        try:
            text = read_article(path, max_bytes=settings.KB_MAX_FILE_BYTES)
        except BadInput as exc:
            return ImportOutcome(path, "failed", error=str(exc))
        return import_read_text(
            text,
            name=name,
            source=options["source"],
            tags=options["tags"],
            dry_run=options["dry_run"],
            snapshot=snapshot,
        )

    def _progress(self, paths: list[str], *, quiet: bool) -> Any:
        if quiet or not self.stdout.isatty():
            return None
        total = sum(1 for _ in iter_paths(paths))  # a walk of names only; no file is read
        if total < 20:
            return None
        from tqdm import tqdm

        return tqdm(total=total, unit="file", file=sys.stderr)

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # A usage error exits 2 (argparse's convention), distinct from a failed file (1).
        parser.called_from_command_line = True  # type: ignore[attr-defined]
        return parser


__all__ = ["Command", "CommandError"]
