"""``evaluate_extraction GOLD_DIR``: score the pipeline against hand-made gold files.

Each gold file names the text it annotates (its ``file`` key). The text is
looked for in ``--texts`` (default: the ``seeds`` folder beside GOLD_DIR, then
this repository's ``seeds/``). Extraction sees the knowledge base's current
snapshot of names, exactly as an import would. Nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kb.commands import require_database
from kb.ingest.reading import BadInput, read_article
from kb.ingest.snapshot import SnapshotIndex
from kb.pipeline import extract
from kb.pipeline.evaluate import evaluate
from kb.pipeline.jsonout import to_json


class Command(BaseCommand):
    help = "Score extraction (people, organizations, countries, quotes, speakers) against gold."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", help="Folder of gold JSON files.")
        parser.add_argument("--texts", help="Folder holding the annotated text files.")

    def handle(self, *args: Any, **options: Any) -> None:
        gold_dir = Path(options["gold"])
        if not gold_dir.is_dir():
            raise CommandError(f"{gold_dir}: no such folder")
        folders = (
            [Path(options["texts"])]
            if options["texts"]
            else [
                gold_dir.parent / "seeds",
                Path(settings.BASE_DIR) / "seeds",
            ]
        )
        require_database()
        index = SnapshotIndex.load()
        predictions: dict[str, dict[str, Any]] = {}
        for gold_file in sorted(gold_dir.glob("*.json")):
            name = json.loads(gold_file.read_text("utf-8")).get("file") or gold_file.stem + ".txt"
            text_path = next((f / name for f in folders if (f / name).is_file()), None)
            if text_path is None:
                self.stderr.write(
                    f"{gold_file}: text {name} not found in {', '.join(map(str, folders))}"
                )
                continue
            try:
                raw = read_article(str(text_path), max_bytes=settings.KB_MAX_FILE_BYTES).text
            except BadInput as exc:
                self.stderr.write(f"{text_path}: {exc}")
                continue
            extraction = extract(raw, index.for_text(raw))
            # The figure scorer finds the gold phrases in the clean body.
            predictions[gold_file.stem] = {**to_json(extraction), "body": extraction.body}
        if not predictions:
            raise CommandError(f"{gold_dir}: no gold file with a readable text")
        report = evaluate(gold_dir, predictions)
        self.stdout.write(report.as_table())
