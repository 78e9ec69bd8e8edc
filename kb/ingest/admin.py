"""The desk's import jobs: upload or paste at /admin/ingest/importjob/add/, watch them run."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from kb.ingest import jobs
from kb.ingest.forms import ImportJobForm
from kb.ingest.models import ImportJob, ImportJobFile


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("__str__", "progress", "created_by", "created_at", "finished_at")
    list_filter = ("status",)
    list_select_related = ("created_by",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return (
            super()
            .get_queryset(request)
            .annotate(
                file_count=Count("files"),
                done_count=Count("files", filter=Q(files__status__in=ImportJobFile.FINISHED)),
            )
        )

    @admin.display(description="Files done")
    def progress(self, job: ImportJob) -> str:
        return f"{job.done_count} of {job.file_count}"  # type: ignore[attr-defined]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a job is a record of what happened; it is read, not edited

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = ImportJobForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = jobs.job_create(
                files=form.payload(timezone.now().strftime("%Y%m%d-%H%M%S")),
                source=form.cleaned_data.get("source") or "",
                tags=form.tag_list(),
                user=request.user,
            )
            messages.success(request, f"{job} queued.")
            return HttpResponseRedirect(job.get_absolute_url())
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import articles",
            "form": form,
        }
        return TemplateResponse(request, "admin/ingest/importjob_add.html", context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        job = self.get_object(request, object_id)
        if job is None or not self.has_view_permission(request, job):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if request.method == "POST" and "resume" in request.POST:
            n = jobs.jobs_recover()
            messages.info(request, f"{n} stalled file(s) queued again.")
            return HttpResponseRedirect(job.get_absolute_url())
        files = (
            ImportJobFile.objects.filter(job=job)
            .defer("data")
            .select_related("article")
            .order_by("id")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(job),
            "job": job,
            "files": files,
            "progress": jobs.job_progress(job),
        }
        return TemplateResponse(request, "admin/ingest/importjob_detail.html", context)
