"""What claims add to the lower apps' pages: roles on actors, claims on articles, tag suggestions.

The entity and article admins are subclassed and re-registered here;
``kb.curation.admin`` subclasses these in turn to add the editors' workflows.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import path
from taggit.admin import TagAdmin
from taggit.models import Tag

from kb.articles.admin import ArticleAdmin, Span
from kb.articles.models import Article
from kb.claims.admin.claims import TAGS_JS, short
from kb.claims.admin.facts import RoleInline
from kb.claims.facts import article_remove
from kb.claims.models import Claim
from kb.entities.admin import ActorAdmin
from kb.entities.models import Actor


class ActorWithRolesAdmin(ActorAdmin):
    """Actors with the posts they hold (``kb.curation.admin`` adds merge and re-link)."""

    inlines = [*ActorAdmin.inlines, RoleInline]

    class Media:
        js = [TAGS_JS]


class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    fields = ["kind", "claim_link", "speaker", "status", "value", "unit", "start", "end"]
    readonly_fields = fields
    show_change_link = True
    verbose_name_plural = "claims (open one to review, link or tag it)"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("speaker").order_by("start")

    @admin.display(description="claim")
    def claim_link(self, obj: Claim) -> str:
        return short(obj.text, 120)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ArticleWithClaimsAdmin(ArticleAdmin):
    """Articles with their claims (``kb.curation.admin`` adds split and mention decisions)."""

    inlines = [*ArticleAdmin.inlines, ClaimInline]

    class Media:
        js = [TAGS_JS]

    def highlight_spans(self, obj: Article) -> list[Span]:
        css = {Claim.Kind.QUOTE: "kb-quote", Claim.Kind.FIGURE: "kb-figure"}
        claims = [
            Span(
                c.start,
                c.end,
                css.get(c.kind, "kb-other"),
                f"{c.get_kind_display()}"
                + (f" by {c.speaker}" if c.speaker else "")
                + f" ({c.get_status_display().lower()})",
                False,
                f"claim-{c.pk}",
            )
            for c in Claim.objects.filter(article=obj).select_related("speaker")
        ]
        return claims + super().highlight_spans(obj)

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        # Its evidence goes; facts only it attested go unless an editor decided on them.
        article_remove(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for article in queryset:
            article_remove(article)


class DeskTagAdmin(TagAdmin):
    def get_urls(self) -> list[Any]:
        return [
            path(
                "suggest/",
                self.admin_site.admin_view(self.suggest_view),
                name="taggit_tag_suggest",
            ),
            *super().get_urls(),
        ]

    def suggest_view(self, request: HttpRequest) -> JsonResponse:
        """Tag names starting with ``q`` (then containing it), for the tags field."""
        term = request.GET.get("q", "").strip()
        qs = Tag.objects.order_by("name")
        names = list(qs.filter(name__istartswith=term).values_list("name", flat=True)[:15])
        if len(names) < 15 and term:
            names += [
                n
                for n in qs.filter(name__icontains=term).values_list("name", flat=True)[:15]
                if n not in names
            ][: 15 - len(names)]
        return JsonResponse({"results": names})


for model, model_admin in [
    (Actor, ActorWithRolesAdmin),
    (Article, ArticleWithClaimsAdmin),
    (Tag, DeskTagAdmin),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
