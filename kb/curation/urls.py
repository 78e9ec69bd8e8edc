"""The review queue under /admin/review/ (kb.urls includes it before the admin's own
URLs); every view goes through ``admin.site.admin_view``: staff only, then each
view checks the editor's permissions."""

from django.contrib import admin
from django.urls import path

from kb.curation import views

app_name = "curation"

urlpatterns = [
    path("", admin.site.admin_view(views.review_queue), name="review"),
    path("names/", admin.site.admin_view(views.names), name="names"),
]
