"""The editors' and reviewers' groups, from the migration and from create_editor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_groups_from_the_migration(db):
    editors = Group.objects.get(name="Editors")
    reviewers = Group.objects.get(name="Reviewers")
    codes = set(editors.permissions.values_list("codename", flat=True))
    assert {"change_actor", "change_article", "review_claim", "add_claimlink"} <= codes
    assert "verify_claim" not in codes and "delete_claim" not in codes
    assert not editors.permissions.filter(content_type__app_label="auth").exists()
    assert set(reviewers.permissions.values_list("codename", flat=True)) == codes | {"verify_claim"}
    assert Permission.objects.filter(codename="verify_claim").count() == 1


def test_create_editor_joins_the_editors_group(db, django_user_model):
    call_command("create_editor", "--username", "newed", "--password", "pw-123456789")
    user = django_user_model.objects.get(username="newed")
    assert user.is_staff and not user.is_superuser
    assert user.has_perm("claims.review_claim") and not user.has_perm("claims.verify_claim")
