"""The editors' workflows on the admin's pages, added on top of the lower apps' admins.

``kb.curation`` sits above ``kb.claims``, ``kb.articles`` and ``kb.entities``,
so it adds the workflows to their admins by subclassing and re-registering
them (``kb.claims.admin`` registers its own first: this module imports it):

- actors: merge (through a confirmation page) and re-link;
- merge records: undo;
- mentions, on their own page and in the article's inline: confirm, reject
  and re-point go through ``kb.curation.mentions``, so a rejection teaches
  the importer;
- articles: split (``<id>/split/``);
- claims: the status actions, and the possible-conflicts page
  (``/admin/claims/claim/conflicts/``).

Views stay thin: a form from ``kb.curation.forms`` parses the POST (its
errors are shown to the editor), one workflow call does the work, and the
outcome (or the workflow's ``WorkflowError``) is reported as a message.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from kb.articles.admin import MentionAdmin
from kb.articles.models import Article, Mention
from kb.claims.admin import ActorWithRolesAdmin, ArticleWithClaimsAdmin, ClaimAdmin
from kb.claims.models import Claim
from kb.curation.base import WorkflowError
from kb.curation.conflicts import conflict_link, conflicts_find
from kb.curation.forms import ConflictLinkForm, MergeActorsForm, SplitArticleForm, errors_text
from kb.curation.mentions import mention_confirm, mention_reject, mention_relink
from kb.curation.merge import actors_merge
from kb.curation.relink import actors_relink
from kb.curation.split import article_split
from kb.curation.status import claims_set_status
from kb.curation.undo import merge_undo
from kb.entities.admin import MergeRecordAdmin
from kb.entities.models import Actor, MergeRecord

# --------------------------------------------------------------------------- claims


def _status_action(status: str, permission: str, description: str) -> Any:
    @admin.action(description=description, permissions=[permission])
    def action(modeladmin: DeskClaimAdmin, request: HttpRequest, queryset: QuerySet) -> None:
        try:
            outcome = claims_set_status(queryset, status, user=request.user)
        except WorkflowError as exc:
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


class DeskClaimAdmin(ClaimAdmin):
    change_list_template = "admin/curation/claim_change_list.html"
    actions = [
        _status_action(Claim.Status.REVIEWED, "review", "Mark reviewed"),
        _status_action(Claim.Status.VERIFIED, "verify", "Verify"),
        _status_action(Claim.Status.DISPUTED, "verify", "Dispute"),
        _status_action(Claim.Status.DEPRECATED, "review", "Deprecate (hide from readers)"),
    ]

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.review_claim")

    def has_verify_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.verify_claim")

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
            self._link_conflict(request, ConflictLinkForm(request.POST))
            return HttpResponseRedirect(reverse("admin:claims_claim_conflicts"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Possible conflicts between figures",
            "conflicts": conflicts_find(),
            "can_link": request.user.has_perm("claims.add_claimlink"),
        }
        return TemplateResponse(request, "admin/curation/conflicts.html", context)

    def _link_conflict(self, request: HttpRequest, form: ConflictLinkForm) -> None:
        if not form.is_valid():
            self.message_user(request, errors_text(form), messages.ERROR)
            return
        data = form.cleaned_data
        try:
            link = conflict_link(
                data["first"], data["second"], data["type"], user=request.user, note=data["note"]
            )
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(request, f"Linked: {link}.")


# --------------------------------------------------------------------------- actors


class DeskActorAdmin(ActorWithRolesAdmin):
    actions = ["merge_actors", "relink_actors"]

    @admin.action(description="Merge selected actors…", permissions=["change"])
    def merge_actors(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        actors = list(queryset.select_related("country").order_by("-mention_count", "pk"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        form = MergeActorsForm(actors, request.POST)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            try:
                records = actors_merge(survivor, form.merged(), user=request.user)
            except WorkflowError as exc:
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
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_actors",
        }
        return TemplateResponse(request, "admin/curation/merge_confirm.html", context)

    @admin.action(description="Re-link: look for these actors' names in all articles")
    def relink_actors(self, request: HttpRequest, queryset: QuerySet) -> None:
        if not request.user.has_perm("articles.change_mention"):
            raise PermissionDenied
        outcome = actors_relink(queryset)
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
                merge_undo(record, user=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{record}: {exc}", messages.ERROR)
            else:
                self.message_user(request, f"Undone: {record}.")


# --------------------------------------------------------------------------- mentions


def _save_mention_form(form: Any) -> None:
    """Route an editor's change to a mention through the workflows."""
    mention = Mention.objects.get(pk=form.instance.pk)
    data = form.cleaned_data
    actor, country = data.get("actor"), data.get("country")
    if actor != mention.actor or country != mention.country:
        mention = mention_relink(mention, actor=actor, country_code=country.pk if country else None)
    status = data.get("status")
    if status == Mention.Status.REJECTED and mention.status != status:
        mention_reject(mention)
    elif status == Mention.Status.CONFIRMED and mention.status != status:
        mention_confirm(mention)


class DeskMentionAdmin(MentionAdmin):
    actions = ["confirm_mentions", "reject_mentions"]

    @admin.action(description="Confirm the selected mentions", permissions=["change"])
    def confirm_mentions(self, request: HttpRequest, queryset: QuerySet) -> None:
        for mention in queryset:
            mention_confirm(mention)
        self.message_user(request, f"{len(queryset)} mention(s) confirmed.")

    @admin.action(
        description="Reject the selected mentions (the importer will not link them again)",
        permissions=["change"],
    )
    def reject_mentions(self, request: HttpRequest, queryset: QuerySet) -> None:
        for mention in queryset:
            mention_reject(mention)
        self.message_user(request, f"{len(queryset)} mention(s) rejected.")

    def save_model(self, request: HttpRequest, obj: Mention, form: Any, change: bool) -> None:
        if change:
            _save_mention_form(form)
        else:
            super().save_model(request, obj, form, change)


# --------------------------------------------------------------------------- articles


class DeskArticleAdmin(ArticleWithClaimsAdmin):
    change_form_template = "admin/curation/article_change_form.html"

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
        form = SplitArticleForm(article, request.POST if request.method == "POST" else None)
        if form.is_valid():
            data = form.cleaned_data
            try:
                new = article_split(
                    article, data["position"], title=data["title"], published=data["published"]
                )
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                self.message_user(request, f"Split at {data['position']}: the tail is now “{new}”.")
                return HttpResponseRedirect(reverse("admin:articles_article_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": f"Split “{article}”",
            "blocks": [{"start": s, "text": article.body[s:e]} for _, s, e in article.blocks or []],
            "form": form,
        }
        return TemplateResponse(request, "admin/curation/split_article.html", context)


for model, model_admin in [
    (Claim, DeskClaimAdmin),
    (Actor, DeskActorAdmin),
    (MergeRecord, DeskMergeRecordAdmin),
    (Mention, DeskMentionAdmin),
    (Article, DeskArticleAdmin),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
