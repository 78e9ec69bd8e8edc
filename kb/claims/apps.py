from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

CURATED_APPS = ["entities", "articles", "claims", "taggit", "ingest"]


def ensure_editor_groups(**kwargs: Any) -> None:
    """Keep the Editors and Reviewers groups as migration 0003 defines them.

    The migration creates them on a fresh database; running this after every
    migrate (and every test flush, which re-emits post_migrate) restores them
    when a flush has emptied the auth tables. Django has created the
    permissions by now: its own post_migrate handler runs first.
    """
    from django.contrib.auth.models import Group, Permission

    perms = list(
        Permission.objects.filter(content_type__app_label__in=CURATED_APPS)
        .exclude(content_type__app_label="claims", codename__in=["delete_claim", "verify_claim"])
        .exclude(codename__regex=r"^(add|change|delete)_(historical|mergerecord)")
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*perms)
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    reviewers.permissions.add(
        *perms,
        *Permission.objects.filter(content_type__app_label="claims", codename="verify_claim"),
    )


class ClaimsConfig(AppConfig):
    name = "kb.claims"
    label = "claims"
    verbose_name = "Claims, stances and roles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(ensure_editor_groups, sender=self)
