from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IngestConfig(AppConfig):
    name = "kb.ingest"
    label = "ingest"
    verbose_name = "Import"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kb.claims.apps import ensure_editor_groups

        # Import jobs' permissions exist only once this app has migrated, after claims.
        post_migrate.connect(ensure_editor_groups, sender=self)
