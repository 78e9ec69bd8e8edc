from django.apps import AppConfig


class CurationConfig(AppConfig):
    """The editors' desk workflows that span apps (for now: the review queue).

    No models of its own: it reads and writes ``kb.claims`` facts and claims.
    """

    name = "kb.curation"
    label = "curation"
    verbose_name = "Curation"
    default_auto_field = "django.db.models.BigAutoField"
