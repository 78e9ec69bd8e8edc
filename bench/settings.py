"""Settings for the benchmark: the production configuration, plus a floor view.

Imports ``kb.settings`` with DEBUG off (as readers get it), bench-only secrets,
no HTTPS redirect (the benchmark talks plain HTTP on loopback), and static files
served from the finders so no ``collectstatic`` is needed. ``ROOT_URLCONF``
adds ``/bench/floor/``, the bare view every page is compared with.
"""

import os
import warnings

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.pop("DJANGO_DEBUG", None)

from kb.settings import *  # noqa: F403
from kb.settings import STORAGES

DEBUG = False
ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
# WhiteNoise warns that STATIC_ROOT does not exist; the finders serve instead.
warnings.filterwarnings("ignore", message="No directory at")
