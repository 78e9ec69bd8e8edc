"""Admin for countries, actors, aliases and merge records.

``kb.entities`` imports no other ``kb`` app, so what touches mentions, claims
and roles is added to these admins by the apps above, which subclass and
re-register them: the roles inline by ``kb.claims.admin``, the workflows
(merge, undo, re-link) by ``kb.curation.admin``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.text import slugify
from simple_history.admin import SimpleHistoryAdmin

from kb.entities.models import Actor, Alias, Country, MergeRecord
from kb.pipeline.fold import fold


class FoldedSearchMixin:
    """Accent-insensitive search: the term is folded and matched against alias keys.

    ``folded_search_path`` names a lookup path to an ``Alias.key`` (or any
    folded column); matches there are added to the usual ``search_fields``
    results through a subquery, so no join multiplies the rows.
    """

    folded_search_path: str = ""
    folded_slug_search: bool = False

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        results, may_have_duplicates = super().get_search_results(  # type: ignore[misc]
            request, queryset, search_term
        )
        folded = fold(search_term)
        if folded and self.folded_search_path:
            by_alias = Alias.objects.filter(key__contains=folded).values(self.folded_search_path)
            results = results | queryset.filter(pk__in=by_alias)
        if folded and self.folded_slug_search:
            # Slugs are folded too: an actor an editor just created has no alias yet.
            results = results | queryset.filter(slug__contains=slugify(folded))
        return results, may_have_duplicates


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["name", "origin", "rejected"]
    readonly_fields: list[str] = []
    verbose_name_plural = "aliases (names the importer links to this actor; rejected: never)"


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "official_name", "historical", "mention_count"]
    list_filter = ["historical"]
    search_fields = ["name", "code", "official_name"]
    ordering = ["name"]
    readonly_fields = ["mention_count"]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        results, dup = super().get_search_results(request, queryset, search_term)
        # Country names are few: fold in Python so "Peru" finds "Perú" on SQLite too.
        folded = fold(search_term)
        if folded:
            codes = [
                code
                for code, name, other in Country.objects.values_list("code", "name", "other_names")
                if folded in fold(name) or any(folded in fold(o) for o in other or [])
            ]
            results = results | queryset.filter(pk__in=codes)
        return results, dup


@admin.register(Actor)
class ActorAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "mention_count", "curated", "merged_into"]
    list_filter = [
        "kind",
        "curated",
        ("merged_into", admin.EmptyFieldListFilter),
        ("country", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["country", "merged_into"]
    search_fields = ["name", "slug"]
    folded_search_path = "actor_id"
    folded_slug_search = True
    autocomplete_fields = ["country"]
    readonly_fields = ["mention_count", "merged_into", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "created_at"
    inlines = [AliasInline]
    fieldsets = [
        (None, {"fields": ["name", "kind", "slug", "country", "description", "tags"]}),
        (
            "Curation",
            {"fields": ["curated", "merged_into", "mention_count", "created_at", "updated_at"]},
        ),
    ]

    def save_model(self, request: HttpRequest, obj: Actor, form: Any, change: bool) -> None:
        # An editor's edit of name, kind or country is a decision the importer keeps.
        if change and {"name", "kind", "country"} & set(form.changed_data):
            obj.curated = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for alias in instances:
            if isinstance(alias, Alias) and alias._state.adding:
                alias.origin = Alias.Origin.EDITOR
            alias.save()
        formset.save_m2m()


@admin.register(Alias)
class AliasAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "actor", "key", "origin", "rejected", "created_at"]
    list_filter = ["origin", "rejected"]
    list_select_related = ["actor"]
    search_fields = ["name", "actor__name"]
    folded_search_path = "pk"
    autocomplete_fields = ["actor"]
    readonly_fields = ["key", "created_at"]
    date_hierarchy = "created_at"

    def save_model(self, request: HttpRequest, obj: Alias, form: Any, change: bool) -> None:
        if not change:
            obj.origin = Alias.Origin.EDITOR
        super().save_model(request, obj, form, change)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "survivor", "merged", "performed_by", "performed_at", "undone_at"]
    list_filter = [("undone_at", admin.EmptyFieldListFilter)]
    list_select_related = ["survivor", "merged", "performed_by", "undone_by"]
    search_fields = ["survivor__name", "merged__name"]
    date_hierarchy = "performed_at"
    readonly_fields = [
        "survivor",
        "merged",
        "moved",
        "performed_by",
        "performed_at",
        "undone_by",
        "undone_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The record is what makes undo possible; it is never deleted.
        return False
