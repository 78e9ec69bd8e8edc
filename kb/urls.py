"""Top-level URLs: the public site, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # The review queue lives under the admin, so it comes before the admin's catch-all.
    path("admin/review/", include("kb.curation.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("kb.api.urls")),
    path("", include("kb.site.urls")),
]
