"""Production settings, checked in clean subprocesses.

Under pytest, ``kb.settings`` sees ``pytest`` in ``sys.modules`` and relaxes
the production demands; a subprocess started without ``DJANGO_DEBUG`` gets
exactly what a production server gets.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **overrides: str | None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PYTEST")) and k != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kb.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="kb.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        PYTHONDONTWRITEBYTECODE="1",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_check_deploy_passes_with_production_env(tmp_path: Path) -> None:
    done = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


@pytest.mark.parametrize("debug", [None, "0", "false", ""])
def test_refuses_to_start_without_secret_key(tmp_path: Path, debug: str | None) -> None:
    env = production_env(tmp_path, DJANGO_SECRET_KEY=None, DJANGO_DEBUG=debug)
    done = run(["manage.py", "check"], env)
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in done.stderr


def test_refuses_to_start_without_allowed_hosts(tmp_path: Path) -> None:
    done = run(["manage.py", "check"], production_env(tmp_path, DJANGO_ALLOWED_HOSTS=None))
    assert done.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in done.stderr


def test_production_cookies_and_transport_are_secure(tmp_path: Path) -> None:
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_CONTENT_TYPE_NOSNIFF', "
        "'X_FRAME_OPTIONS', 'SECRET_KEY']}))"
    )
    env = production_env(tmp_path)
    done = run(["-c", script], env)
    assert done.returncode == 0, done.stderr
    values = json.loads(done.stdout)
    assert values.pop("SECRET_KEY") == env["DJANGO_SECRET_KEY"]
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": values["SECURE_HSTS_SECONDS"],
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
    }
    assert values["SECURE_HSTS_SECONDS"] >= 3600


def test_no_secret_key_is_committed() -> None:
    tracked = subprocess.run(
        ["git", "grep", "-nE", r"DJANGO_SECRET_KEY\s*=\s*['\"]?[A-Za-z0-9_\-]{20,}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if tracked.returncode == 128:
        pytest.skip("not a git checkout")
    assert tracked.stdout == "", tracked.stdout
