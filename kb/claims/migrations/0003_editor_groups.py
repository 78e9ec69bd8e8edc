"""Create the Editors and Reviewers groups.

Editors curate everything in the knowledge base (entities, articles, claims,
tags) but manage no users; claims are deprecated, never deleted, so no group
may delete them. Reviewers have the editors' rights plus ``verify_claim``.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_APPS = ["entities", "articles", "claims", "taggit"]
EDITORS = "Editors"
REVIEWERS = "Reviewers"


def _editor_perms(apps):
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations run; make sure they
    # exist now, on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    perms = (
        Permission.objects.filter(content_type__app_label__in=CURATED_APPS)
        .exclude(content_type__app_label="claims", codename__in=["delete_claim", "verify_claim"])
        # History and merge records are written by the system, only read by people.
        .exclude(codename__regex=r"^(add|change|delete)_(historical|mergerecord)")
    )
    return Permission, list(perms)


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission, perms = _editor_perms(apps)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*perms)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        *perms, *Permission.objects.filter(content_type__app_label="claims", codename="verify_claim")
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0002_initial"),
        ("entities", "0001_initial"),
        ("claims", "0002_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
