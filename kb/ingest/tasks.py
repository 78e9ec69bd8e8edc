"""The import job's task for django-tasks (the embedded runner: ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from kb.ingest.jobs import job_file_run


@task()
def import_job_file(file_id: int) -> str:
    return job_file_run(file_id)
