"""Claims and the links between them: list, search, edit, history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from kb.claims.models import Claim, ClaimLink, ClaimSource
from kb.entities.admin import FoldedSearchMixin

TAGS_JS = "admin-kb/tags.js"


def short(text: str, n: int = 90) -> str:
    """``text`` cut to ``n`` characters, the last one an ellipsis when cut."""
    return text if len(text) <= n else text[: n - 1] + "…"


class ClaimSourceInline(admin.TabularInline):
    model = ClaimSource
    extra = 0
    fields = ["article", "start", "end", "words"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "also reported by (Claim.article is the first source)"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="words")
    def words(self, obj: ClaimSource) -> str:
        return short(obj.article.body[obj.start : obj.end], 120)


class ClaimLinkInline(admin.TabularInline):
    model = ClaimLink
    fk_name = "from_claim"
    extra = 1
    fields = ["type", "to_claim", "note", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]
    autocomplete_fields = ["to_claim"]
    verbose_name_plural = "links to other claims"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("to_claim", "created_by")


@admin.register(Claim)
class ClaimAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = [
        "short_text",
        "kind",
        "status",
        "speaker",
        "article",
        "reported_by",
        "value",
        "unit",
        "status_changed_by",
        "status_changed_at",
    ]
    list_filter = ["status", "kind", "origin", "article__source"]
    list_select_related = ["speaker", "article", "status_changed_by"]
    search_fields = ["text", "counted", "speaker__name", "article__title"]
    folded_search_path = "actor__claims_made"
    autocomplete_fields = ["article", "speaker", "subjects", "countries"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "status",
        "status_changed_by",
        "status_changed_at",
        "created_at",
        "reported_by",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "article",
                    "reported_by",
                    "kind",
                    "text",
                    "start",
                    "end",
                    "speaker",
                    "refers_to",
                ]
            },
        ),
        ("About", {"fields": ["subjects", "countries", "tags"]}),
        ("Figure", {"fields": ["value", "unit", "counted"]}),
        (
            "Review",
            {"fields": ["status", "status_changed_by", "status_changed_at", "origin", "note"]},
        ),
    ]
    inlines = [ClaimSourceInline, ClaimLinkInline]

    class Media:
        js = [TAGS_JS]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Claims are deprecated, never deleted (superusers keep the escape hatch).
        return bool(request.user.is_superuser)

    @admin.display(description="claim", ordering="text")
    def short_text(self, obj: Claim) -> str:
        return short(obj.text)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_source_count()

    @admin.display(description="reported by", ordering="n_sources")
    def reported_by(self, obj: Claim) -> str:
        if obj.pk is None:
            return "-"
        n = obj.source_count
        return "1 source" if n == 1 else f"{n} sources"

    def save_model(self, request: HttpRequest, obj: Claim, form: Any, change: bool) -> None:
        if not change:
            obj.origin = Claim.Origin.EDITOR
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            if isinstance(obj, ClaimLink) and obj._state.adding:
                obj.created_by = request.user
            obj.save()
        formset.save_m2m()


@admin.register(ClaimLink)
class ClaimLinkAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "type", "from_claim", "to_claim", "created_by", "created_at"]
    list_filter = ["type"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    search_fields = ["from_claim__text", "to_claim__text", "note"]
    autocomplete_fields = ["from_claim", "to_claim"]
    readonly_fields = ["created_by", "created_at"]
    date_hierarchy = "created_at"

    def save_model(self, request: HttpRequest, obj: ClaimLink, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
