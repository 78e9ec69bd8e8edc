"""What every desk workflow shares: the error an editor is shown, and who acts.

Each workflow module (``merge``, ``undo``, ``mentions``, ``relink``, ``status``,
``conflicts``, ``split``) raises ``WorkflowError`` when it refuses to run; its
message is written for the editor and shown as is, by the admin views and by
any other caller.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

User = AbstractBaseUser | AnonymousUser


class WorkflowError(Exception):
    """A workflow refused to run; the message is meant for the editor."""


def user_or_none(user: User | None) -> Any:
    """The user to record as having acted: nobody for anonymous or missing users."""
    return user if user is not None and user.is_authenticated else None
