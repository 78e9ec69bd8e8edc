"""Import jobs: what an editor queued from the desk, and how each file fared.

A job holds its files' bytes, so a worker on another machine needs no shared
disk, and a job whose worker died can be run again from the database alone.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_jobs",
        help_text="The editor who started the job.",
    )
    source = models.CharField(
        max_length=200, blank=True, help_text="Publisher for every file of the job, if known."
    )
    tags = models.CharField(
        max_length=500, blank=True, help_text="Comma-separated tags added to every article."
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    runner = models.CharField(
        max_length=10, blank=True, help_text="What ran the job: tasks, celery or inline."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import job"

    def __str__(self) -> str:
        return f"Import job {self.pk} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("admin:ingest_importjob_change", args=[self.pk])

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class ImportJobFile(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        NEW = "new", "New"
        UPDATED = "updated", "Updated"
        UNCHANGED = "unchanged", "Unchanged"
        FAILED = "failed", "Failed"

    FINISHED = (Status.NEW, Status.UPDATED, Status.UNCHANGED, Status.FAILED)

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=255, help_text="The uploaded file's name.")
    data = models.BinaryField(help_text="The file's bytes, as uploaded.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    error = models.CharField(max_length=500, blank=True, help_text="Why it failed, in one line.")
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "import job file"

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"
