from django.apps import AppConfig


class CurationConfig(AppConfig):
    """The editors' desk workflows that span apps, one module per workflow.

    Merge (``merge``) and its undo (``undo``), one mention's decisions
    (``mentions``), re-link (``relink``), split (``split``), claim status
    (``status``), figure conflicts (``conflicts``) and the review queue
    (``queue``, ``review``); their POSTs are parsed by ``forms`` and their
    admin pages added by ``admin``. No models of its own: it reads and writes
    the rows of ``kb.entities``, ``kb.articles`` and ``kb.claims``.
    """

    name = "kb.curation"
    label = "curation"
    verbose_name = "Curation"
    default_auto_field = "django.db.models.BigAutoField"
