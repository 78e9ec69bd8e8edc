"""The Celery app, for import jobs at scale: ``KB_JOB_RUNNER=celery``.

Start a worker with ``celery -A kb.ingest.celery_app worker`` (see the README);
the broker is ``KB_CELERY_BROKER`` (Redis or RabbitMQ). The task runs the same
``job_file_run`` as the embedded runner.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")

app = Celery("kb")
app.config_from_object("django.conf:settings", namespace="CELERY")


@app.task(name="kb.ingest.import_job_file")
def import_job_file(file_id: int) -> str:
    from kb.ingest.jobs import job_file_run

    return job_file_run(file_id)
