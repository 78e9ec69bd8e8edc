"""Whole-page caching for readers, keyed by the knowledge base's data version.

In:  an anonymous GET or HEAD for a public page.
Out: the page as rendered for the current ``DataVersion`` token, from the
     cache when it was rendered before under that token.
Guarantees: a page never outlives the data it shows, because every write to the
knowledge base changes the token (database triggers, see ``kb.site.models``).
A cache hit costs one query. Requests that carry a session (editors) are
never cached, nor is anything but a complete 200 response.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

from kb.site.models import DataVersion

View = Callable[..., HttpResponse]


def cached_page(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        cache = caches[settings.KB_PAGE_CACHE]
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{DataVersion.current()}:{request.method == 'HEAD'}:{path}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            if hasattr(response, "render"):
                response.render()
            cache.set(key, response, settings.KB_PAGE_CACHE_SECONDS)
        return response

    return wrapper


def _cacheable(request: HttpRequest) -> bool:
    return (
        bool(settings.KB_PAGE_CACHE)
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )
