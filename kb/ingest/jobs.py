"""Import jobs: files queued from the desk, each imported once, whatever runs it.

In:  uploaded files (name and bytes) or pasted text, a source and tags, and the
     editor who queued them.
Out: an ``ImportJob`` whose files are imported one by one through the same
     ``import_read_text`` the ``import_articles`` command uses, each in its own
     transaction (``article_import``), on the runner ``settings.KB_JOB_RUNNER``
     names: ``tasks`` (django-tasks' database backend, the embedded default,
     run by ``manage.py db_worker``), ``celery`` (Celery workers over Redis or
     RabbitMQ) or ``inline`` (in the caller).
Guarantees: one worker at a time holds a file (a conditional UPDATE claims it);
a file whose worker died (running for longer than ``KB_JOB_STALE_SECONDS``) may
be claimed again, at most ``MAX_ATTEMPTS`` times, then fails with its reason. A
bad file fails alone with a one-line reason; an article is written whole or
not at all, so a killed worker leaves no half-written article.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from kb.ingest.models import ImportJob, ImportJobFile
from kb.ingest.reading import BadInput, ReadText, decode
from kb.ingest.services import ImportOutcome, article_import
from kb.ingest.snapshot import SnapshotIndex

MAX_ATTEMPTS = 2
# A worker keeps its snapshot of known names this long between files: loading
# it for every file tripled the cost of a queued import; an editor's decision
# reaches the workers within this many seconds.
SNAPSHOT_SECONDS = 10.0
_snapshot: tuple[float, SnapshotIndex] | None = None


def snapshot_forget() -> None:
    """Drop the worker's snapshot (tests, whose database is rolled back between them)."""
    global _snapshot
    _snapshot = None


def _worker_snapshot() -> SnapshotIndex:
    global _snapshot
    now = time.monotonic()
    if _snapshot is None or now - _snapshot[0] > SNAPSHOT_SECONDS:
        _snapshot = (now, SnapshotIndex.load())
    return _snapshot[1]


def import_read_text(
    text: ReadText,
    *,
    name: str,
    source: str | None,
    tags: Sequence[str],
    dry_run: bool = False,
    snapshot: SnapshotIndex | None = None,
) -> ImportOutcome:
    """Import one decoded file; a database error fails this file only."""
    try:
        outcome = article_import(
            text.text,
            original_name=name,
            source_name=source,
            tags=tags,
            dry_run=dry_run,
            snapshot=snapshot,
        )
    except DatabaseError as exc:
        # The article's own transaction rolled back; the next file goes on.
        return ImportOutcome(name, "failed", error=f"database error: {exc}".splitlines()[0])
    if text.warning:
        outcome.warnings.append(text.warning)
    return outcome


def job_create(
    *,
    files: Iterable[tuple[str, bytes]],
    source: str = "",
    tags: Sequence[str] = (),
    user: Any = None,
    enqueue: bool = True,
) -> ImportJob:
    """Store the files and queue the job once the transaction commits."""
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=user if getattr(user, "pk", None) else None,
            source=source.strip(),
            tags=", ".join(t.strip() for t in tags if t.strip()),
            runner=settings.KB_JOB_RUNNER,
        )
        ImportJobFile.objects.bulk_create(
            [ImportJobFile(job=job, name=name[:255], data=data) for name, data in files]
        )
        if enqueue:
            transaction.on_commit(lambda: job_enqueue(job))
    return job


def job_enqueue(job: ImportJob) -> None:
    for file_id in job.files.filter(status=ImportJobFile.Status.PENDING).values_list(
        "pk", flat=True
    ):
        dispatch(file_id)


def dispatch(file_id: int) -> None:
    """Hand one file to the configured runner."""
    runner = settings.KB_JOB_RUNNER
    if runner == "celery":
        from kb.ingest.celery_app import import_job_file as celery_task

        celery_task.delay(file_id)
    elif runner == "tasks":
        from kb.ingest.tasks import import_job_file

        import_job_file.enqueue(file_id)
    else:
        job_file_run(file_id)


def _claim(file_id: int) -> ImportJobFile | None:
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.KB_JOB_STALE_SECONDS)
    claimed = (
        ImportJobFile.objects.filter(pk=file_id)
        .filter(
            Q(status=ImportJobFile.Status.PENDING)
            | Q(status=ImportJobFile.Status.RUNNING, started_at__lt=stale)
        )
        .update(status=ImportJobFile.Status.RUNNING, started_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return None
    job_file = ImportJobFile.objects.select_related("job").get(pk=file_id)
    ImportJob.objects.filter(pk=job_file.job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING
    )
    return job_file


def job_file_run(file_id: int) -> str:
    """Import one queued file; returns its status ("skipped" if another worker has it)."""
    job_file = _claim(file_id)
    if job_file is None:
        return "skipped"
    if job_file.attempts > MAX_ATTEMPTS:
        outcome = ImportOutcome(
            job_file.name,
            "failed",
            error=f"gave up after {MAX_ATTEMPTS} attempts: the worker stopped while importing it",
        )
    else:
        outcome = _import_bytes(job_file)
    job_file.status = outcome.status
    job_file.error = (outcome.error or "")[:500]
    job_file.article = outcome.article
    job_file.finished_at = timezone.now()
    job_file.save(update_fields=["status", "error", "article", "finished_at"])
    job_refresh(job_file.job)
    return outcome.status


def _import_bytes(job_file: ImportJobFile) -> ImportOutcome:
    data = bytes(job_file.data)
    if len(data) > settings.KB_MAX_FILE_BYTES:
        return ImportOutcome(
            job_file.name,
            "failed",
            error=f"file too large ({len(data):,} bytes; "
            f"the limit is {settings.KB_MAX_FILE_BYTES:,})",
        )
    try:
        text = decode(data)
    except BadInput as exc:
        return ImportOutcome(job_file.name, "failed", error=str(exc))
    job = job_file.job
    return import_read_text(
        text,
        name=job_file.name,
        source=job.source or None,
        tags=job.tag_list,
        snapshot=_worker_snapshot(),
    )


def job_refresh(job: ImportJob) -> None:
    """Mark the job done once every file has finished."""
    left = job.files.exclude(status__in=ImportJobFile.FINISHED).exists()
    if not left:
        ImportJob.objects.filter(pk=job.pk).exclude(status=ImportJob.Status.DONE).update(
            status=ImportJob.Status.DONE, finished_at=timezone.now()
        )


def jobs_recover() -> int:
    """Queue again the files whose worker died; returns how many."""
    stale = timezone.now() - dt.timedelta(seconds=settings.KB_JOB_STALE_SECONDS)
    ids = list(
        ImportJobFile.objects.filter(
            Q(status=ImportJobFile.Status.RUNNING, started_at__lt=stale)
            | Q(status=ImportJobFile.Status.PENDING, job__created_at__lt=stale)
        ).values_list("pk", flat=True)
    )
    for file_id in ids:
        dispatch(file_id)
    return len(ids)


def job_progress(job: ImportJob) -> dict[str, int]:
    """Files per status, plus ``done`` and ``total``, in one query."""
    counts = dict(
        job.files.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    total = sum(counts.values())
    done = sum(counts.get(s, 0) for s in ImportJobFile.FINISHED)
    return {**counts, "done": done, "total": total}
