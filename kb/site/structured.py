"""Machine-readable descriptions of pages: schema.org JSON-LD dictionaries.

In: model instances (already loaded by the view) and the request's absolute
URL builder. Out: plain dicts ready for ``rendering.jsonld``, which escapes
them for a ``<script>`` element. No queries are made here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.entities.models import Actor, Country

Absolute = Callable[[str], str]
CONTEXT = "https://schema.org"


def country_ld(country: Country, absolute: Absolute) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@type": "Country",
        "@id": absolute(country.get_absolute_url()),
        "name": country.name,
        "identifier": country.code,
        "url": absolute(country.get_absolute_url()),
    }


def actor_ld(actor: Actor, absolute: Absolute, aliases: Iterable[str] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Person" if actor.kind == Actor.Kind.PERSON else "Organization",
        "@id": absolute(actor.get_absolute_url()),
        "name": actor.name,
        "url": absolute(actor.get_absolute_url()),
    }
    names = sorted({a for a in aliases if a != actor.name})
    if names:
        data["alternateName"] = names
    if actor.description:
        data["description"] = actor.description
    if actor.country_id:
        key = "nationality" if actor.kind == Actor.Kind.PERSON else "location"
        data[key] = {"@type": "Country", "name": actor.country.name}
    return data


def article_ld(
    article: Article, absolute: Absolute, *, actors: Iterable[Actor] = (), tags: Iterable[str] = ()
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": absolute(article.get_absolute_url()),
        "headline": article.display_title[:110],
        "url": absolute(article.get_absolute_url()),
        "inLanguage": article.language,
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.source_id:
        data["publisher"] = {"@type": "Organization", "name": article.source.name}
    mentions = [
        {"@type": "Person" if a.kind == Actor.Kind.PERSON else "Organization", "name": a.name}
        for a in actors
    ]
    if mentions:
        data["mentions"] = mentions
    keywords = list(tags)
    if keywords:
        data["keywords"] = keywords
    return data


def claim_ld(claim: Claim, absolute: Absolute) -> dict[str, Any]:
    """A Claim; verified and disputed ones are wrapped in a ClaimReview."""
    url = absolute(claim.get_absolute_url())
    appearance: dict[str, Any] = {
        "@type": "NewsArticle",
        "url": absolute(claim.article.get_absolute_url()),
        "headline": claim.article.display_title[:110],
    }
    if claim.article.published:
        appearance["datePublished"] = claim.article.published.isoformat()
    item: dict[str, Any] = {
        "@type": "Claim",
        "@id": url,
        "text": claim.text,
        "appearance": appearance,
    }
    speaker = claim.shown_speaker  # none for a speaker the importer was unsure of
    if speaker is not None:
        item["author"] = {
            "@type": "Person" if speaker.kind == Actor.Kind.PERSON else "Organization",
            "name": speaker.name,
            "url": absolute(speaker.get_absolute_url()),
        }
    if claim.status not in (Claim.Status.VERIFIED, Claim.Status.DISPUTED):
        return {"@context": CONTEXT, **item}
    verified = claim.status == Claim.Status.VERIFIED
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": "Editorial knowledge base"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 5 if verified else 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": claim.get_status_display(),
        },
    }


def collection_ld(name: str, url: str) -> dict[str, Any]:
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name, "url": url}
