"""The pipeline entry point: raw article text in, one frozen ``Extraction`` out.

Stages, each a pure function of its own module:
``clean`` (body, offsets, blocks, title, date, publisher) -> ``geo`` (countries)
-> ``quotes.find_spans`` (so names inside scare quotes are not discovered
there) -> ``actors`` -> ``roles`` -> ``coreference`` (descriptions and pronouns, as
extra mentions) -> ``quotes`` (speakers) -> ``figures`` -> ``stances`` -> ``confidence`` (of each
actor's mention links, read off the finished extraction).
Guarantees: deterministic, offline, never raises on any ``str``; every span
lies inside ``body`` and ``body[start:end]`` is the surface text it names.
"""

from __future__ import annotations

from bisect import bisect_right

from kb.pipeline.actors import find_actors
from kb.pipeline.clean import clean
from kb.pipeline.confidence import with_confidence
from kb.pipeline.coreference import resolve
from kb.pipeline.figures import find_figures
from kb.pipeline.geo import GeoMention, countries_found, find_mentions, gazetteer
from kb.pipeline.quotes import find_quotes, find_spans
from kb.pipeline.reference_orgs import is_international
from kb.pipeline.roles import find_roles
from kb.pipeline.stances import find_stances
from kb.pipeline.types import EMPTY_SNAPSHOT, ActorFound, Extraction, Mention, Snapshot


def extract(raw: str, snapshot: Snapshot = EMPTY_SNAPSHOT) -> Extraction:
    cleaned = clean(raw)
    body = cleaned.body
    geo = find_mentions(body, cleaned.excluded)
    headings = [(b.start, b.end) for b in cleaned.blocks if b.kind == "heading"]
    quote_spans = find_spans(body, cleaned.blocks)
    actors = find_actors(
        body,
        excluded=cleaned.excluded,
        headings=headings,
        quotes=quote_spans,
        geo=geo,
        snapshot=snapshot,
        publisher=cleaned.publisher,
    )
    geo = _outside_names(geo, actors)
    display = gazetteer().display
    mentions = [Mention(s, e, a.name, a.kind) for a in actors for s, e in a.mentions]
    mentions += [
        Mention(
            g.start,
            g.end,
            display.get(g.code, g.code),
            "demonym" if g.kind == "demonym" else "country",
        )
        for g in geo
    ]
    roles = find_roles(body, actors, geo, cleaned.published)
    coreference = resolve(
        body,
        mentions,
        actors=actors,
        roles=roles,
        display=display,
        quotes=quote_spans,
        excluded=cleaned.excluded,
    )
    quotes = find_quotes(body, cleaned.blocks, mentions, coreference=coreference, spans=quote_spans)
    figures = find_figures(
        body, mentions, quotes=[(q.start, q.end) for q in quotes], blocks=cleaned.blocks
    )
    stances = find_stances(body, mentions, geo, published=cleaned.published)
    found = Extraction(
        raw=raw,
        body=body,
        title=cleaned.title,
        published=cleaned.published,
        publisher=cleaned.publisher,
        offsets=cleaned.offsets,
        blocks=cleaned.blocks,
        boilerplate_lines=cleaned.boilerplate_lines,
        actors=actors,
        countries=countries_found(geo),
        quotes=quotes,
        figures=figures,
        stances=stances,
        roles=roles,
    )
    return with_confidence(found, snapshot)


def _outside_names(geo: list[GeoMention], actors: tuple[ActorFound, ...]) -> list[GeoMention]:
    """The country mentions outside people's names and international bodies' names: the
    "Montenegro" of "Aurora Belisario Montenegro" and the "American" of "Organization of
    American States" name no country of the article."""
    spans = sorted(
        span
        for a in actors
        if a.kind == "person" or is_international(a.name)
        for span in a.mentions
    )
    if not spans:
        return geo
    starts = [s for s, _e in spans]
    kept = []
    for g in geo:
        index = bisect_right(starts, g.start) - 1
        if index >= 0 and spans[index][1] >= g.end:
            continue
        kept.append(g)
    return kept
