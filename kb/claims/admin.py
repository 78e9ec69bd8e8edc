"""The editors' desk: claims, links, stances, roles, and the cross-app workflows.

``kb.claims`` sits above ``kb.entities`` and ``kb.articles``, so the admin
features that need its services are added here by subclassing the lower
apps' admins and re-registering them: merge / re-link on actors, undo on
merge records, reject with a rejected alias on mentions, split and the claims
inline on articles. Views stay thin: they parse the form, call
``kb.claims.services`` and report the outcome as a message.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.dateparse import parse_date
from simple_history.admin import SimpleHistoryAdmin
from taggit.admin import TagAdmin
from taggit.models import Tag

from kb.articles.admin import ArticleAdmin, MentionAdmin, Span
from kb.articles.models import Article, Mention
from kb.claims import services
from kb.claims.facts import article_remove, facts_decide
from kb.claims.models import (
    Claim,
    ClaimLink,
    ClaimSource,
    Decision,
    Role,
    RoleEvidence,
    Stance,
    StanceEvidence,
)
from kb.entities.admin import ActorAdmin, FoldedSearchMixin, MergeRecordAdmin
from kb.entities.models import Actor, MergeRecord

TAGS_JS = "admin-kb/tags.js"


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- claims


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
        return _short(obj.article.body[obj.start : obj.end], 120)


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


def _status_action(status: str, permission: str, description: str) -> Any:
    @admin.action(description=description, permissions=[permission])
    def action(modeladmin: ClaimAdmin, request: HttpRequest, queryset: QuerySet) -> None:
        try:
            outcome = services.claims_set_status(queryset, status, user=request.user)
        except services.ServiceError as exc:
            modeladmin.message_user(request, str(exc), messages.ERROR)
            return
        modeladmin.message_user(request, f"{len(outcome.changed)} claim(s) marked {status}.")
        if outcome.skipped:
            modeladmin.message_user(
                request,
                f"{len(outcome.skipped)} claim(s) skipped: their status cannot move to {status}.",
                messages.WARNING,
            )

    action.__name__ = f"mark_{status}"
    return action


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
    actions = [
        _status_action(Claim.Status.REVIEWED, "review", "Mark reviewed"),
        _status_action(Claim.Status.VERIFIED, "verify", "Verify"),
        _status_action(Claim.Status.DISPUTED, "verify", "Dispute"),
        _status_action(Claim.Status.DEPRECATED, "review", "Deprecate (hide from readers)"),
    ]

    class Media:
        js = [TAGS_JS]

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.review_claim")

    def has_verify_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.verify_claim")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Claims are deprecated, never deleted (superusers keep the escape hatch).
        return bool(request.user.is_superuser)

    @admin.display(description="claim", ordering="text")
    def short_text(self, obj: Claim) -> str:
        return _short(obj.text)

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

    def get_urls(self) -> list[Any]:
        return [
            path(
                "conflicts/",
                self.admin_site.admin_view(self.conflicts_view),
                name="claims_claim_conflicts",
            ),
            *super().get_urls(),
        ]

    def conflicts_view(self, request: HttpRequest) -> HttpResponse:
        """Figures about the same thing that disagree; POST links a pair."""
        if not request.user.has_perm("claims.view_claim"):
            raise PermissionDenied
        if request.method == "POST":
            if not request.user.has_perm("claims.add_claimlink"):
                raise PermissionDenied
            first = get_object_or_404(Claim, pk=request.POST.get("first"))
            second = get_object_or_404(Claim, pk=request.POST.get("second"))
            try:
                link = services.conflict_link(
                    first,
                    second,
                    request.POST.get("type", ""),
                    user=request.user,
                    note=request.POST.get("note", ""),
                )
            except services.ServiceError as exc:
                self.message_user(request, str(exc), messages.ERROR)
            else:
                self.message_user(request, f"Linked: {link}.")
            return HttpResponseRedirect(reverse("admin:claims_claim_conflicts"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Possible conflicts between figures",
            "conflicts": services.conflicts_find(),
            "can_link": request.user.has_perm("claims.add_claimlink"),
        }
        return TemplateResponse(request, "admin/kb/conflicts.html", context)


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
        return _short(obj.claim.text, 160)

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
        return _short(obj.article.body[obj.start : obj.end], 120)


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

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_evidence=Count("evidence", distinct=True))

    @admin.display(description="evidence", ordering="n_evidence")
    def sources(self, obj: Stance) -> int:
        return int(getattr(obj, "n_evidence", 0))


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

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_evidence=Count("evidence", distinct=True))

    @admin.display(description="evidence", ordering="n_evidence")
    def sources(self, obj: Role) -> int:
        return int(getattr(obj, "n_evidence", 0))


class RoleInline(admin.TabularInline):
    model = Role
    fk_name = "actor"
    extra = 0
    fields = ["title", "organization", "country", "valid_from", "valid_to", "decision"]
    autocomplete_fields = ["organization", "country"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("organization", "country")


# --------------------------------------------------------------------------- actors


class DeskActorAdmin(ActorAdmin):
    actions = ["merge_actors", "relink_actors"]
    inlines = [*ActorAdmin.inlines, RoleInline]

    class Media:
        js = [TAGS_JS]

    @admin.action(description="Merge selected actors…", permissions=["change"])
    def merge_actors(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        actors = list(queryset.select_related("country").order_by("-mention_count", "pk"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        if request.POST.get("post") == "yes":
            survivor = next((a for a in actors if str(a.pk) == request.POST.get("survivor")), None)
            if survivor is None:
                self.message_user(request, "Pick the actor to keep.", messages.ERROR)
                return None
            try:
                records = services.actors_merge(
                    survivor, [a for a in actors if a.pk != survivor.pk], user=request.user
                )
            except services.ServiceError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            names = ", ".join(str(r.merged) for r in records)
            self.message_user(request, f"Merged {names} into {survivor}. Undo from Merge records.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Merge actors",
            "actors": actors,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_actors",
        }
        return TemplateResponse(request, "admin/kb/merge_confirm.html", context)

    @admin.action(description="Re-link: look for these actors' names in all articles")
    def relink_actors(self, request: HttpRequest, queryset: QuerySet) -> None:
        if not request.user.has_perm("articles.change_mention"):
            raise PermissionDenied
        outcome = services.actors_relink(queryset)
        self.message_user(
            request,
            f"Re-link: {outcome.created} new mention(s), {outcome.linked} re-pointed, "
            f"in {len(outcome.articles)} article(s). Confirmed and rejected links were kept.",
        )


class DeskMergeRecordAdmin(MergeRecordAdmin):
    actions = ["undo_merges"]

    def has_undo_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("entities.change_actor")

    @admin.action(description="Undo the selected merges", permissions=["undo"])
    def undo_merges(self, request: HttpRequest, queryset: QuerySet) -> None:
        # Newest first: a later merge may build on an earlier one.
        for record in queryset.order_by("-performed_at", "-pk"):
            try:
                services.merge_undo(record, user=request.user)
            except services.ServiceError as exc:
                self.message_user(request, f"{record}: {exc}", messages.ERROR)
            else:
                self.message_user(request, f"Undone: {record}.")


# --------------------------------------------------------------------------- articles


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
        return _short(obj.text, 120)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _save_mention_form(form: Any) -> None:
    """Route an editor's change to a mention through the services."""
    mention = Mention.objects.get(pk=form.instance.pk)
    data = form.cleaned_data
    actor, country = data.get("actor"), data.get("country")
    if actor != mention.actor or country != mention.country:
        mention = services.mention_relink(
            mention, actor=actor, country_code=country.pk if country else None
        )
    status = data.get("status")
    if status == Mention.Status.REJECTED and mention.status != status:
        services.mention_reject(mention)
    elif status == Mention.Status.CONFIRMED and mention.status != status:
        services.mention_confirm(mention)


class DeskArticleAdmin(ArticleAdmin):
    inlines = [*ArticleAdmin.inlines, ClaimInline]
    change_form_template = "admin/kb/article_change_form.html"

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

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not Mention:
            super().save_formset(request, form, formset, change)
            return
        changed = [f for f in formset.forms if f.instance.pk and f.has_changed()]
        for mention_form in changed:
            _save_mention_form(mention_form)
        # What formset.save() would have left for the admin's change message.
        formset.new_objects, formset.deleted_objects = [], []
        formset.changed_objects = [(f.instance, f.changed_data) for f in changed]

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<path:object_id>/split/",
                self.admin_site.admin_view(self.split_view),
                name="articles_article_split",
            ),
            *super().get_urls(),
        ]

    def split_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = get_object_or_404(Article, pk=object_id)
        if not (
            request.user.has_perm("articles.add_article")
            and request.user.has_perm("articles.change_article")
        ):
            raise PermissionDenied
        error = ""
        if request.method == "POST":
            position, error = _split_position(article, request.POST)
            if position is not None:
                try:
                    new = services.article_split(
                        article,
                        position,
                        title=request.POST.get("title", "").strip(),
                        published=parse_date(request.POST.get("published", "") or ""),
                    )
                except services.ServiceError as exc:
                    error = str(exc)
                else:
                    self.message_user(request, f"Split at {position}: the tail is now “{new}”.")
                    return HttpResponseRedirect(
                        reverse("admin:articles_article_change", args=[new.pk])
                    )
        blocks = [
            {"start": s, "text": _short(article.body[s:e], 140)}
            for _, s, e in (article.blocks or [])
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": f"Split “{article}”",
            "blocks": blocks,
            "error": error,
            "post": request.POST,
        }
        return TemplateResponse(request, "admin/kb/split_article.html", context)


def _split_position(article: Article, data: Any) -> tuple[int | None, str]:
    marker = (data.get("marker") or "").strip()
    if marker:
        position = article.body.find(marker)
        if position <= 0:
            return None, "That text is not in the body (or is at its very start)."
        return position, ""
    try:
        return int(data.get("position", "")), ""
    except ValueError:
        return None, "Give the text the second part starts with, or a position."


class DeskMentionAdmin(MentionAdmin):
    actions = ["confirm_mentions", "reject_mentions"]

    @admin.action(description="Confirm the selected mentions", permissions=["change"])
    def confirm_mentions(self, request: HttpRequest, queryset: QuerySet) -> None:
        for mention in queryset:
            services.mention_confirm(mention)
        self.message_user(request, f"{len(queryset)} mention(s) confirmed.")

    @admin.action(
        description="Reject the selected mentions (the importer will not link them again)",
        permissions=["change"],
    )
    def reject_mentions(self, request: HttpRequest, queryset: QuerySet) -> None:
        for mention in queryset:
            services.mention_reject(mention)
        self.message_user(request, f"{len(queryset)} mention(s) rejected.")

    def save_model(self, request: HttpRequest, obj: Mention, form: Any, change: bool) -> None:
        if change:
            _save_mention_form(form)
        else:
            super().save_model(request, obj, form, change)


# --------------------------------------------------------------------------- tags


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
    (Actor, DeskActorAdmin),
    (MergeRecord, DeskMergeRecordAdmin),
    (Article, DeskArticleAdmin),
    (Mention, DeskMentionAdmin),
    (Tag, DeskTagAdmin),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)

__all__ = ["ClaimAdmin", "DeskActorAdmin", "DeskArticleAdmin"]
