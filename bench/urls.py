"""The site's URLs plus ``/bench/floor/``: a bare view, the floor pages are compared with."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def floor_view(request: HttpRequest) -> HttpResponse:
    # Same middleware, same server, no database and no template: what Django
    # itself costs per request on this machine.
    return HttpResponse("<!doctype html><title>floor</title><p>ok</p>")


urlpatterns = [
    path("bench/floor/", floor_view),
    path("", include("kb.urls")),
]
