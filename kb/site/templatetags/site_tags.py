"""Template helpers for the readers' site."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kb.site import rendering

register = template.Library()


@register.filter
def jsonld(data: Any) -> SafeString:
    """``{{ data|jsonld }}``: a JSON-LD script element, escaped against ``</script>``."""
    return rendering.jsonld(data)


@register.filter
def highlight(text: str | None) -> SafeString:
    """Escape, then mark the search backend's matches."""
    return rendering.highlight(text or "")


@register.simple_tag(takes_context=True)
def sort_url(context: dict[str, Any], value: str) -> str:
    """The current query string with ``o`` set to ``value`` and the page reset."""
    request: HttpRequest = context["request"]
    params = request.GET.copy()
    params["o"] = value
    params.pop("page", None)
    return "?" + params.urlencode()


@register.filter
def claim_words(claim: Any, length: int = 0) -> str:
    """A claim's words as readers see them: in quote marks only when someone said
    them (a quote), never for the sentence a stance or a figure was read from."""
    text = str(claim.text)
    if length and len(text) > length:
        text = text[: length - 1].rstrip() + "\u2026"
    if claim.kind == "quote":
        return format_html("\u201c{}\u201d", text)
    return format_html("{}", text)


@register.simple_tag
def machine_read(fact: Any) -> str:
    """A mark on a fact no editor has checked yet (shown because it is confident enough)."""
    if getattr(fact, "machine_read", False):
        return format_html(
            '<span class="machine-read" title="{}">machine-read</span>',
            "Read from the text by the importer; no editor has checked it yet.",
        )
    return ""


@register.filter
def relation_phrase(stance: Any) -> str:
    """The stance's relation in words, negation included: "is not a member of", "does not
    support" (not "does not is a member of" or "does not supports")."""
    label = stance.get_relation_display()
    if not stance.negated:
        return label
    if label.startswith("is "):
        return "is not " + label[3:]
    verb, _, rest = label.partition(" ")
    return " ".join(["does not", verb.removesuffix("s"), rest]).strip()
