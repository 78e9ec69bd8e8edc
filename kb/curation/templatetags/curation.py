"""``{% review_counts as review %}``: what awaits review, for the admin index."""

from __future__ import annotations

from typing import Any

from django import template

from kb.curation.queue import ReviewQueue
from kb.curation.views import reviewable_kinds

register = template.Library()


@register.simple_tag(takes_context=True)
def review_counts(context: dict[str, Any]) -> dict[str, int] | None:
    """Per kind, how many items await review; None for users who may review none."""
    request = context.get("request")
    if request is None or not request.user.is_active or not request.user.is_staff:
        return None
    kinds = reviewable_kinds(request.user)
    return ReviewQueue(kinds=kinds).counts() if kinds else None
