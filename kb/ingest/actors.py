"""Who and where an article names: the import's resolving half.

In: an ``Extraction``'s actors (with the snapshot keys the pipeline gave them)
and the ISO codes and display names of the countries it names.
Out: the ``Actor`` and ``Country`` rows they mean, by the names the extraction
uses, with new actors and aliases written inside the caller's transaction.

Guarantees: an editor's decisions hold (a rejected alias never binds, a
curated name is never renamed, a merged actor hands over to its survivor);
only a full name binds to an existing actor, never a bare surname; the number
of queries depends on the article, not on the size of the knowledge base.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from kb.entities.models import Actor, Alias, Country, unique_slug
from kb.pipeline.fold import fold
from kb.pipeline.geo import gazetteer
from kb.pipeline.types import ActorFound, Extraction


def countries_resolve(extraction: Extraction) -> dict[str, Country]:
    """Countries by ISO code; a stance names its countries by display name
    ("Venezuela"), so those map to their row too (the result holds both keys)."""
    codes = {c.code for c in extraction.countries}
    codes |= {r.country for r in extraction.roles if r.country}
    codes |= {a.country for a in extraction.actors if a.country}
    names = {
        r.name for s in extraction.stances for r in (s.subject, s.object) if r.type == "country"
    }
    code_of = _display_codes()
    by_name = {name: code_of.get(name, name) for name in names}
    codes |= set(by_name.values())
    countries = Country.objects.in_bulk(codes)
    for name, code in by_name.items():
        if code in countries:
            countries.setdefault(name, countries[code])
    return countries


@cache
def _display_codes() -> dict[str, str]:
    """ISO code by the display name the pipeline gives a country (and by its code)."""
    display = gazetteer().display
    return {**{name: code for code, name in display.items()}, **{c: c for c in display}}


def actors_resolve(found: Sequence[ActorFound], countries: dict[str, Country]) -> dict[str, Actor]:
    """The actor each ``ActorFound`` means, by its name: an existing one (by snapshot
    key, then by accepted alias) or a new one; every surface form becomes an alias."""
    actors_by_name: dict[str, Actor] = {}
    if not found:
        return actors_by_name
    keys = {a.known_key for a in found if a.known_key}
    by_slug = Actor.objects.in_bulk(keys, field_name="slug") if keys else {}
    folded = {fold(a.name) for a in found} | {fold(s) for a in found for s in a.surface_forms}
    folded.discard("")
    # Existing actors by accepted alias, most-mentioned first, skipping merged ones.
    alias_rows = (
        Alias.objects.filter(key__in=folded, rejected=False, actor__merged_into__isnull=True)
        .select_related("actor")
        .order_by("-actor__mention_count", "actor_id")
    )
    by_key: dict[str, Actor] = {}
    for alias in alias_rows:
        by_key.setdefault(alias.key, alias.actor)
    rejected = set(
        Alias.objects.filter(key__in=folded, rejected=True).values_list("actor_id", "key")
    )
    new_aliases: list[Alias] = []
    for item in found:
        actor = _match(item, by_slug, by_key, rejected)
        if actor is None:
            actor = _create_actor(item, countries)
        else:
            _prefer_accented_name(actor, item)
        actors_by_name[item.name] = actor
        new_aliases.extend(
            Alias(actor=actor, name=form[:200], key=fold(form)[:200])
            for form in {item.name, *item.surface_forms}
            if fold(form) and (actor.pk, fold(form)) not in rejected
        )
    Alias.objects.bulk_create(new_aliases, ignore_conflicts=True)
    return actors_by_name


def _match(
    item: ActorFound,
    by_slug: dict[str, Actor],
    by_key: dict[str, Actor],
    rejected: set[tuple[int, str]],
) -> Actor | None:
    if item.known_key and item.known_key in by_slug:
        actor = by_slug[item.known_key]
        return _follow_merges(actor)
    for form in (item.name, *item.surface_forms):
        actor = by_key.get(fold(form))
        # Only a full name may bind to an existing actor: a bare surname
        # ("Ruiz") is too weak to link across articles on its own.
        strong = form == item.name or len(fold(form).split()) > 1
        if (
            actor is not None
            and strong
            and actor.kind == item.kind
            and (actor.pk, fold(form)) not in rejected
        ):
            return actor
    return None


def _create_actor(item: ActorFound, countries: dict[str, Country]) -> Actor:
    actor = Actor(
        kind=item.kind,
        name=item.name[:200],
        country=countries.get(item.country or ""),
    )
    actor.slug = unique_slug(Actor, item.name)
    actor.save()
    return actor


def _accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)


def _prefer_accented_name(actor: Actor, item: ActorFound) -> None:
    """Keep the canonical name with its accents: a later article that writes
    "Nicolás" upgrades an actor first seen as "Nicolas". Editors' names stay."""
    if actor.curated:
        return
    key = fold(actor.name)
    best = max(
        (f for f in (item.name, *item.surface_forms) if fold(f) == key),
        key=_accents,
        default=actor.name,
    )
    if _accents(best) > _accents(actor.name):
        actor.name = best[:200]
        actor.save(update_fields=["name"])


def _follow_merges(actor: Actor) -> Actor:
    seen = set()
    while actor.merged_into_id and actor.pk not in seen:
        seen.add(actor.pk)
        actor = Actor.objects.get(pk=actor.merged_into_id)
    return actor


__all__ = ["actors_resolve", "countries_resolve"]
