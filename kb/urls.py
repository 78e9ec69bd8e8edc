"""Top-level URLs: the public site, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("kb.api.urls")),
    path("", include("kb.site.urls")),
]
