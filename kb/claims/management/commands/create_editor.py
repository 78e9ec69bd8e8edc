"""``create_editor``: make (or reset) the editor login and print it."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser

from kb.commands import require_database


class Command(BaseCommand):
    help = "Create or reset a staff account in the Editors group, and print its login."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default=os.environ.get("KB_EDITOR_USER", "editor"))
        parser.add_argument(
            "--password",
            default=os.environ.get("KB_EDITOR_PASSWORD"),
            help="Defaults to $KB_EDITOR_PASSWORD, or a new random password.",
        )
        parser.add_argument("--group", default="Editors", choices=["Editors", "Reviewers"])

    def handle(self, *args: Any, **options: Any) -> None:
        require_database()
        password = options["password"] or secrets.token_urlsafe(12)
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(username=options["username"])
        user.is_staff = True
        user.is_superuser = False
        user.set_password(password)
        user.save()
        group = Group.objects.filter(name=options["group"]).first()
        if group is not None:
            user.groups.add(group)
        self.stdout.write(
            f"Editor login: {options['username']} / {password}  "
            f"(http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/)"
        )
