from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EntitiesConfig(AppConfig):
    name = "kb.entities"
    label = "entities"
    verbose_name = "Actors and countries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kb.entities.reference import sync_countries

        # Countries are reference data: keep the table equal to it after every migrate.
        post_migrate.connect(sync_countries, sender=self)
