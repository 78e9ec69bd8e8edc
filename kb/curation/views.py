"""The review queue's admin views: thin, they parse a form, call
``kb.curation.review`` and report the outcome as an admin message."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse

from kb.claims.models import Stance
from kb.curation import review
from kb.curation.forms import CORRECTIONS, BulkConfirmForm, DecisionForm, errors_text
from kb.curation.queue import PAGE_SIZE, ReviewQueue, role_words, stance_words
from kb.entities.models import Actor, Country
from kb.pipeline.fold import fold


def reviewable_kinds(user: Any) -> tuple[str, ...]:
    """The kinds this user may decide on, in queue order."""
    return tuple(k for k in review.KINDS if user.has_perm(review.PERMISSIONS[k]))


def review_queue(request: HttpRequest) -> HttpResponse:
    """GET: the queue, a page at a time. POST: one decision, a correction, or a bulk confirm."""
    kinds = reviewable_kinds(request.user)
    if not kinds:
        raise PermissionDenied
    if request.method == "POST":
        _decide(request, kinds)
        return HttpResponseRedirect(request.get_full_path())
    shown = request.GET.get("kind", "")
    counts = ReviewQueue(kinds).counts()
    queue = ReviewQueue((shown,) if shown in kinds else kinds, counts=counts)
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "page": page,
        "rows": page.object_list,
        "counts": counts,
        "kinds": kinds,
        "shown": shown if shown in kinds else "",
        "relations": Stance.Relation.choices,
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "admin/curation/review.html", context)


def _decide(request: HttpRequest, kinds: tuple[str, ...]) -> None:
    action = request.POST.get("action", "")
    try:
        if action == "bulk_confirm":
            _bulk(request, kinds)
        elif action == "correct":
            _correct(request, kinds)
        else:
            _one(request, kinds)
    except review.ReviewError as exc:
        messages.error(request, str(exc))


def _allowed(item: review.Item, kinds: tuple[str, ...]) -> None:
    if item.kind not in kinds:
        raise PermissionDenied


def _one(request: HttpRequest, kinds: tuple[str, ...]) -> None:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, errors_text(form))
        return
    item = form.cleaned_data["item"]
    _allowed(item, kinds)
    if form.cleaned_data["decision"] == "confirm":
        row = review.item_confirm(item, user=request.user)
        messages.success(request, f"Confirmed: {_name(item, row)}.")
    else:
        row = review.item_reject(item, user=request.user)
        messages.success(request, f"Rejected: {_name(item, row)}.")


def _bulk(request: HttpRequest, kinds: tuple[str, ...]) -> None:
    form = BulkConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Tick the rows to confirm first.")
        return
    items = form.cleaned_data["selected"]
    for item in items:
        _allowed(item, kinds)
    done, problems = review.items_confirm(items, user=request.user)
    messages.success(request, f"Confirmed {done} item(s).")
    for problem in problems:
        messages.warning(request, problem)


def _correct(request: HttpRequest, kinds: tuple[str, ...]) -> None:
    kind = request.POST.get("item", "").partition(":")[0]
    form_class = CORRECTIONS.get(kind)
    if form_class is None:
        messages.error(request, "Nothing to correct.")
        return
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, errors_text(form))
        return
    data = form.cleaned_data
    item = data["item"]
    _allowed(item, kinds)
    if kind == "stance":
        row = review.stance_correct(
            item,
            subject=data["subject"],
            relation=data["relation"],
            negated=data["negated"],
            obj=data["object"],
            user=request.user,
        )
    elif kind == "role":
        row = review.role_correct(item, title=data["title"], user=request.user)
    else:
        if not request.user.has_perm("claims.change_claim"):
            raise PermissionDenied
        row = review.quote_correct(item, speaker=data["speaker"], user=request.user)
    messages.success(request, f"Corrected and confirmed: {_name(item, row)}.")


def _name(item: review.Item, row: Any) -> str:
    if item.kind == "stance":
        return stance_words(row)
    if item.kind == "role":
        return role_words(row)
    speaker = row.speaker.name if row.speaker else "unknown speaker"
    return f"quote #{row.pk} by {speaker}"


def names(request: HttpRequest) -> JsonResponse:
    """Actor (and, with ``countries=1``, country) names starting with or containing ``q``."""
    if not reviewable_kinds(request.user):
        raise PermissionDenied
    term = " ".join(request.GET.get("q", "").split())[:100]
    if len(term) < 2:
        return JsonResponse({"results": []})
    actors = (
        Actor.objects.active()
        .filter(
            Q(name__icontains=term)
            | Q(aliases__key__startswith=fold(term), aliases__rejected=False)
        )
        .distinct()
        .order_by("-mention_count", "name")
        .values_list("name", "kind")[:15]
    )
    results = [{"name": name, "kind": kind} for name, kind in actors]
    if request.GET.get("countries"):
        results += [
            {"name": name, "kind": "country"}
            for name in Country.objects.filter(name__icontains=term)
            .order_by("-mention_count", "name")
            .values_list("name", flat=True)[:8]
        ]
    return JsonResponse({"results": results})
