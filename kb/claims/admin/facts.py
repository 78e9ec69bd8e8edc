"""Stances and roles: the consolidated facts, with their evidence read-only.

Editors confirm, reject or correct a fact; the importer only adds evidence.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from kb.claims.admin.claims import short
from kb.claims.facts import facts_decide
from kb.claims.models import Decision, Role, RoleEvidence, Stance, StanceEvidence


class _EvidenceInline(admin.TabularInline):
    """What shows a fact, read-only: the importer writes evidence, editors judge the fact."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StanceEvidenceInline(_EvidenceInline):
    model = StanceEvidence
    fields = ["sentence", "article", "confidence", "valid_from", "valid_to"]
    readonly_fields = fields
    verbose_name_plural = "evidence: the sentences that show it, from every article"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("claim__article")
            .order_by("claim__article__published", "claim_id")
        )

    @admin.display(description="sentence")
    def sentence(self, obj: StanceEvidence) -> str:
        return short(obj.claim.text, 160)

    @admin.display(description="article")
    def article(self, obj: StanceEvidence) -> str:
        article = obj.claim.article
        return f"{article} ({article.published or 'undated'})"


class RoleEvidenceInline(_EvidenceInline):
    model = RoleEvidence
    fields = ["words", "article", "former", "confidence", "valid_from", "valid_to"]
    readonly_fields = fields
    verbose_name_plural = "evidence: where articles name the post"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("article").order_by("article_id")

    @admin.display(description="words")
    def words(self, obj: RoleEvidence) -> str:
        return short(obj.article.body[obj.start : obj.end], 120)


class FactAdmin(SimpleHistoryAdmin):
    """Stances and roles: editors confirm, reject or correct the consolidated fact.

    A saved change is the editor's word: an extracted fact becomes confirmed (the
    importer then keeps its fields); choosing "rejected" hides it for good, and
    re-imports only add evidence to it.
    """

    actions = ["confirm_facts", "reject_facts"]
    readonly_fields = [
        "first_attested",
        "last_attested",
        "confidence",
        "article",
        "key",
        "extracted_key",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_evidence=Count("evidence", distinct=True))

    @admin.display(description="evidence", ordering="n_evidence")
    def sources(self, obj: Stance | Role) -> int:
        return int(getattr(obj, "n_evidence", 0))

    @admin.action(description="Confirm the selected facts", permissions=["change"])
    def confirm_facts(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = facts_decide(queryset, Decision.CONFIRMED, user=request.user)
        self.message_user(request, f"{n} confirmed.")

    @admin.action(
        description="Reject the selected facts (hidden; re-imports never bring them back)",
        permissions=["change"],
    )
    def reject_facts(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = facts_decide(queryset, Decision.REJECTED, user=request.user)
        self.message_user(request, f"{n} rejected.")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        edited = set(form.changed_data) - {"decision", "note"}
        if edited and obj.decision == Decision.EXTRACTED:
            obj.decision = Decision.CONFIRMED
        super().save_model(request, obj, form, change)


@admin.register(Stance)
class StanceAdmin(FactAdmin):
    list_display = [
        "__str__",
        "relation",
        "negated",
        "valid_from",
        "valid_to",
        "first_attested",
        "last_attested",
        "sources",
        "confidence",
        "decision",
    ]
    list_filter = ["relation", "decision", "negated"]
    list_select_related = [
        "subject_actor",
        "subject_country",
        "object_actor",
        "object_country",
    ]
    search_fields = [
        "subject_actor__name",
        "subject_country__name",
        "object_actor__name",
        "object_country__name",
        "note",
    ]
    autocomplete_fields = ["subject_actor", "subject_country", "object_actor", "object_country"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("subject_actor", "subject_country"),
                    "relation",
                    "negated",
                    ("object_actor", "object_country"),
                    ("valid_from", "valid_to"),
                ]
            },
        ),
        ("Editors' word", {"fields": ["decision", "note"]}),
        (
            "From the articles",
            {"fields": ["first_attested", "last_attested", "confidence", "article", "key"]},
        ),
        ("Found by the importer as", {"fields": ["extracted_key"], "classes": ["collapse"]}),
    ]
    inlines = [StanceEvidenceInline]
    date_hierarchy = "valid_from"


@admin.register(Role)
class RoleAdmin(FactAdmin):
    list_display = [
        "actor",
        "title",
        "organization",
        "country",
        "valid_from",
        "valid_to",
        "first_attested",
        "last_attested",
        "sources",
        "confidence",
        "decision",
    ]
    list_filter = ["decision", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["actor", "organization", "country"]
    search_fields = ["title", "actor__name", "organization__name"]
    autocomplete_fields = ["actor", "organization", "country"]
    fieldsets = [
        (
            None,
            {"fields": ["actor", "title", "organization", "country", ("valid_from", "valid_to")]},
        ),
        ("Editors' word", {"fields": ["decision"]}),
        (
            "From the articles",
            {"fields": ["first_attested", "last_attested", "confidence", "article", "key"]},
        ),
        ("Found by the importer as", {"fields": ["extracted_key"], "classes": ["collapse"]}),
    ]
    inlines = [RoleEvidenceInline]
    date_hierarchy = "valid_from"


class RoleInline(admin.TabularInline):
    model = Role
    fk_name = "actor"
    extra = 0
    fields = ["title", "organization", "country", "valid_from", "valid_to", "decision"]
    autocomplete_fields = ["organization", "country"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("organization", "country")
