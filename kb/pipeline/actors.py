"""Actors: clean body in, people and organisations with their mentions out.

In:  the clean body, spans to ignore (photo credits, bylines), heading spans
     (names there are linked, never discovered), quote spans, the country
     mentions, and the read-only ``Snapshot`` of known actors.
Out: ``ActorFound``s, each with a kind, a canonical name, its surface forms,
     every mention span, an optional country and an optional ``known_key``.
How: ``candidates`` cuts capitalised name sequences out of the text, strips
their titles ("Mexican Foreign Minister", "Mr") and keeps them only with
evidence (``classify``): a title or honorific, a common first name, a reporting
verb, an appositive role noun, "X administration", an organisation head word
("Group", "Court"), or an acronym defined in brackets. ``linking`` then joins
short forms ("Ortega", "Mr Ibáñez") and misspellings ("Ibanes") to the full name
seen in the article through accent/case folding and a guarded fuzzy match, and
resolves names to known actors by their Snapshot aliases (forms an editor
rejected for an actor never link to it; a generic form such as "armed forces"
only within the known actor's country). ``merging`` joins an organisation's
acronym and short name to its full name, ``reference_orgs`` names international
organisations by the reference table ("UN" is "United Nations"), and
``actor_countries`` adds a country's armed forces, each actor's country, and a
country to a generic body's name ("Congress (Peru)").
Guarantees: never raises; every mention satisfies ``body[s:e]`` equal to one
of the actor's surface forms, and spans never overlap.
"""

from __future__ import annotations

from kb.pipeline import known_links, linking
from kb.pipeline.actor_countries import (
    armed_forces,
    assign_countries,
    dateline_country,
    join_named_bodies,
    main_country,
    name_generic_bodies,
    national_bodies,
)
from kb.pipeline.candidates import candidates
from kb.pipeline.entity import Entity, Lexicon, shared_lexicon
from kb.pipeline.fold import fold
from kb.pipeline.geo import GeoMention
from kb.pipeline.known import known_index
from kb.pipeline.merging import (
    merge_acronym_titles,
    merge_acronyms,
    merge_party_short_names,
    merge_same_labels,
    merge_short_names,
)
from kb.pipeline.places import named_as_place
from kb.pipeline.reference_orgs import name_reference_orgs
from kb.pipeline.types import ActorFound, ActorKind, Snapshot


def find_actors(
    body: str,
    *,
    excluded: tuple[tuple[int, int], ...] = (),
    headings: list[tuple[int, int]] | None = None,
    quotes: list[tuple[int, int]] | None = None,
    geo: list[GeoMention] | None = None,
    snapshot: Snapshot | None = None,
    publisher: str | None = None,
) -> tuple[ActorFound, ...]:
    lex = shared_lexicon()
    known = known_index(snapshot) if snapshot else {}
    # The country the article is plainly about, if any: a bare "the defence ministry"
    # or "the military" is that country's, and generic names link only within it.
    main = main_country(geo or [], excluded)
    home = main or dateline_country(body, geo or [], excluded)
    cands = candidates(body, lex, excluded, headings or [], quotes or [], publisher, home)
    # "Saint Vincent and the Grenadines", "Trinidad and Tobago": a state's name of several
    # words, which a name run broken at "and the" would read as "Grenadines".
    long_states = [(g.start, g.end) for g in geo or [] if " and " in body[g.start : g.end]]
    if long_states:
        cands = [c for c in cands if not any(s <= c.start and c.end <= e for s, e in long_states)]
    known_links.kind_from_known(cands, known)
    linker = linking.Linker(body, lex)
    linker.link_names(cands)
    linker.link_singles(cands)
    linker.link_headings(cands)
    linker.add_case_variants(excluded)
    entities = linker.entities
    merge_acronyms(entities)
    merge_short_names(entities, lex)
    merge_party_short_names(entities, lex)
    merge_acronym_titles(entities)
    name_reference_orgs(entities)
    forces = armed_forces(body, geo or [], excluded, quotes or [], main)
    bodies = forces + national_bodies(body, entities, excluded, quotes or [], main)
    entities += bodies
    kept = [
        e
        for e in entities
        if linking.keep(e) and not named_as_place(e, body) and not _is_post(e, lex)
    ]
    known_links.resolve_known(kept, known, main)
    assign_countries(body, kept, geo or [], lex)
    name_generic_bodies(kept)
    kept = merge_same_labels(join_named_bodies(kept, bodies))
    return tuple(_finish(e) for e in sorted(kept, key=lambda e: min(e.mentions)))


def _is_post(entity: Entity, lex: Lexicon) -> bool:
    """A "body" whose name ends in a post and has no body's head word is the post of a
    person named after it: "WHO Regional Director (for Africa Dr. Ana Ruiz)"."""
    if entity.kind != "organization" or entity.known is not None:
        return False
    words = entity.name().split()
    return (
        len(words) > 1
        and fold(words[-1]) in lex.role_nouns
        and not any(w in lex.org_heads for w in words)
    )


def _finish(entity: Entity) -> ActorFound:
    mentions = tuple(sorted(set(entity.mentions)))
    country = entity.country()
    kind: ActorKind = entity.known.kind if entity.known else entity.kind
    return ActorFound(
        name=entity.name(),
        kind=kind,
        country=country,
        surface_forms=tuple(entity.forms),
        mentions=mentions,
        known_key=entity.known.key if entity.known else None,
    )
