"""Move a whole knowledge base between databases as JSON Lines.

``kb_export(stream)`` writes one header line, then one line per row of every
table that holds knowledge-base data or an editor's work: sources, articles,
mentions, countries, actors, aliases, merge records, claims (with their
subjects and countries), claim links, stances (with their evidence), roles,
tags and tagged items, every ``Historical*`` row kept by django-simple-history,
the admin log, and the users and groups those rows point to. Each row is
Django's JSON Lines form, ``{"model": "app.model", "pk": ..., "fields": {...}}``,
so ``model`` is the row's type tag. Models come in dependency order (a row's
foreign keys point to rows written earlier, self-references aside) and rows
by primary key, so two exports of equal databases are equal line for line.
Primary keys are kept; users, groups, content types and permissions are
named by natural key (``username``, group name, ``app_label.model``), because
their ids differ between databases. Password hashes are included: a backup is
as secret as the database.

``kb_import(stream)`` reads such a file into a migrated database that holds
no articles, actors or claims yet, in one transaction: the whole file or
nothing. It checks every row count against the header (a truncated file is
refused), and resets PostgreSQL sequences afterwards so new rows get fresh ids.
Reference rows that ``migrate`` itself creates (countries, the editors'
groups) are overwritten with the exported values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction

FORMAT = "kb-jsonl"
VERSION = 1

# Apps whose every model is exported. Other apps hold caches, sessions or
# login-throttling state (axes), which a restored site rebuilds by itself.
_APPS = ("entities", "articles", "claims", "site", "ingest", "api", "taggit")
# Rows from Django's own apps that the knowledge base's rows point to.
_EXTRA = ("auth.User", "auth.Group", "admin.LogEntry")
# Derived state a restored site rebuilds by itself: the page cache's data
# version changes on every write anyway (database triggers).
_SKIP = {"site.dataversion"}
# Named by natural key instead of primary key: a migrated database already
# has its own ids for these (the editors' groups come from a migration).
_NATURAL_PRIMARY = {"auth.user", "auth.group"}


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but keeping microseconds (its default rounds to milliseconds)."""

    def default(self, o: object) -> object:
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time):
            return o.isoformat()
        return super().default(o)


class TransferError(Exception):
    """The file cannot be imported; the message says why, in one line."""


@dataclass
class TransferReport:
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def exported_models() -> list[type[models.Model]]:
    """Every exported model, dependencies first (then by label, for a stable order)."""
    chosen: list[type[models.Model]] = []
    for label in _APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        chosen.extend(
            m for m in config.get_models() if not m._meta.proxy and m._meta.label_lower not in _SKIP
        )
    chosen.extend(apps.get_model(label) for label in _EXTRA)
    return _in_dependency_order(chosen)


def _in_dependency_order(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    pending = {m._meta.label_lower: m for m in chosen}
    needs: dict[str, set[str]] = {}
    for label, model in pending.items():
        targets = {
            f.related_model._meta.label_lower
            for f in model._meta.get_fields()
            if (f.many_to_one or f.one_to_one or f.many_to_many)
            and f.concrete
            and f.related_model is not None
            and f.related_model is not model
        }
        needs[label] = targets & set(pending)
    ordered: list[type[models.Model]] = []
    done: set[str] = set()
    while pending:
        ready = sorted(label for label in pending if needs[label] <= done)
        if not ready:
            # A cycle between models: break it at the first label; deferred
            # foreign key checks make the import work in any order anyway.
            ready = [sorted(pending)[0]]
        for label in ready:
            ordered.append(pending.pop(label))
            done.add(label)
    return ordered


def kb_export(stream: IO[str]) -> TransferReport:
    """Write the whole knowledge base to ``stream``; see the module docstring."""
    report = TransferReport()
    chosen = exported_models()
    with transaction.atomic():
        # One transaction, so the header's counts and the rows agree even while
        # an import is running (a consistent snapshot on PostgreSQL; SQLite's
        # transaction holds the write lock).
        querysets = [(m, m._base_manager.order_by("pk")) for m in chosen]
        counts = {m._meta.label_lower: qs.count() for m, qs in querysets}
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": dt.datetime.now(tz=dt.UTC).isoformat(),
            "database": connection.vendor,
            "models": list(counts),
            "counts": counts,
        }
        stream.write(json.dumps(header) + "\n")
        for model, queryset in querysets:
            label = model._meta.label_lower
            serializers.serialize(
                "jsonl",
                queryset.iterator(chunk_size=500),
                stream=stream,
                use_natural_foreign_keys=True,
                use_natural_primary_keys=label in _NATURAL_PRIMARY,
                cls=_ExactEncoder,
            )
            report.counts[label] = counts[label]
    return report


def kb_import(stream: Iterable[str]) -> TransferReport:
    """Read a ``kb_export`` file into an empty knowledge base; all or nothing."""
    lines = iter(stream)
    header = _read_header(lines)
    expected: dict[str, int] = header["counts"]
    known = {m._meta.label_lower for m in exported_models()}
    unknown = sorted(set(expected) - known)
    if unknown:
        raise TransferError(f"the file holds tables this site does not have: {', '.join(unknown)}")
    _check_empty()
    report = TransferReport()
    touched: set[type[models.Model]] = set()
    with transaction.atomic():
        try:
            for item in serializers.deserialize(
                "jsonl", _rows(lines), handle_forward_references=False
            ):
                # The file carries its own history rows; setting the claims'
                # subjects must not write new ones (simple-history's m2m hook
                # honours this flag, and skips raw saves by itself).
                item.object.skip_history_when_saving = True
                item.save()
                model = type(item.object)
                touched.add(model)
                report.counts[model._meta.label_lower] += 1
        except serializers.base.DeserializationError as exc:
            raise TransferError(f"unreadable row: {exc}".splitlines()[0]) from exc
        missing = {
            label: (report.counts[label], n)
            for label, n in expected.items()
            if report.counts[label] != n
        }
        if missing:
            first = ", ".join(f"{k} {got} of {n}" for k, (got, n) in sorted(missing.items())[:3])
            raise TransferError(f"the file is incomplete or altered: {first} rows")
        _reset_sequences(touched)
    return report


def _read_header(lines: Iterator[str]) -> dict:
    try:
        header = json.loads(next(lines))
    except StopIteration:
        raise TransferError("the file is empty") from None
    except json.JSONDecodeError as exc:
        raise TransferError("the first line is not JSON: not a knowledge-base export") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise TransferError("not a knowledge-base export (no kb-jsonl header)")
    if header.get("version") != VERSION:
        raise TransferError(f"export format version {header.get('version')} is not supported")
    return header


def _rows(lines: Iterator[str]) -> Iterator[str]:
    for number, line in enumerate(lines, start=2):
        if line.strip() and not line.lstrip().startswith("{"):
            raise TransferError(f"line {number} is not a JSON object")
        yield line


def _check_empty() -> None:
    from kb.articles.models import Article
    from kb.claims.models import Claim
    from kb.entities.models import Actor

    held = [m._meta.verbose_name_plural for m in (Article, Actor, Claim) if m.objects.exists()]
    if held:
        raise TransferError(
            f"the database already holds {', '.join(held)}; import into an empty, migrated "
            "database (a new DATABASE_URL, or delete the SQLite file and migrate)"
        )


def _reset_sequences(touched: set[type[models.Model]]) -> None:
    """Let PostgreSQL hand out ids after the imported ones (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), sorted(touched, key=str))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


__all__ = ["TransferError", "TransferReport", "exported_models", "kb_export", "kb_import"]
