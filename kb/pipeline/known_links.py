"""Known actors in one article: the knowledge base's actor each entity names.

In:  the article's candidates and entities, and the known actors by folded key (see
     ``known.known_index``), with the article's main country.
Out: ``kind_from_known``: a candidate with no kind takes a known actor's;
     ``resolve_known``: each entity to the known actor of its longest form that has
     one; ``GENERIC_HEADS``, the names of a body every state has.
Guarantees: an actor whose rejected form an entity holds is never linked to it; a
     generic form ("armed forces") links only to a known actor of the entity's or the
     article's country; a key several actors share links only where the country
     decides between them.
"""

from __future__ import annotations

from kb.pipeline.entity import Candidate, Entity, actor_words
from kb.pipeline.text import fold
from kb.pipeline.types import KnownActor


def kind_from_known(cands: list[Candidate], known: dict[str, list[KnownActor]]) -> None:
    """A candidate with no kind or no evidence takes a known actor's kind from its name."""
    for cand in cands:
        if cand.kind is None or cand.evidence == 0:
            hits = known.get(fold(cand.text))
            if hits:
                cand.kind, cand.evidence = hits[0].kind, 2


# Names of a body every state has ("the armed forces", "Supreme Court"): they say
# which actor they are only together with the article's country.
GENERIC_HEADS = frozenset(fold(h) for h in actor_words("generic_heads"))


def _country_of(entity: Entity, main: str | None) -> str | None:
    return entity.country() or main


def _unambiguous(actors: list[KnownActor], country: str | None) -> list[KnownActor]:
    """The known actors a key may link to, in a stable order: when it names several
    different actors ("PJ"), those of the entity's country; none if that still leaves
    more than one, since a wrong link is worse than a new actor an editor merges."""
    if len({a.name for a in actors}) > 1:
        actors = [a for a in actors if country is not None and a.country == country]
        if len({a.name for a in actors}) > 1:
            return []
    return sorted(actors, key=lambda a: a.key)


def resolve_known(
    entities: list[Entity], known: dict[str, list[KnownActor]], main: str | None = None
) -> None:
    """Each entity to the known actor of its longest form that has one, unless an
    editor rejected one of the entity's forms for that actor. A generic form ("armed
    forces", "the government") links only to a known actor of the entity's own
    country, or the article's main country: never across articles about different
    countries."""
    for entity in entities:
        # By the forms the text spells only (never a canonical label): so a known
        # actor is linked only through words of the text, as ``KnownIndex`` assumes.
        keys = [fold(f) for f in sorted(entity.forms, key=lambda f: -len(f))]
        for key in keys:
            for actor in _unambiguous(known.get(key, []), _country_of(entity, main)):
                rejected = {fold(r) for r in actor.rejected}
                if rejected & entity.keys:
                    continue
                if key in GENERIC_HEADS and (
                    actor.country is None or actor.country != _country_of(entity, main)
                ):
                    continue
                entity.known = actor
                entity.kind = actor.kind
                break
            if entity.known:
                break
