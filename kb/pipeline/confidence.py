"""Confidence, the last stage: how sure the pipeline is that an actor's mentions name it.

In:  the finished ``Extraction`` (its body and actors), and the read-only
     ``Snapshot`` the actors were linked against.
Out: the same ``Extraction`` with each ``ActorFound.confidence`` set (0 to 1),
     by ``dataclasses.replace``; nothing else changes, so which actors are
     found, their names, kinds and mentions are exactly the earlier stages'.
How: a base by the way the actor was found, then evidence for and against it.
     Base: linked to a known actor by a full (several-word) name or alias, or
     only by a lone word ("Ruiz" linking to Carlos Ruiz); named by the
     reference table of international organisations; or discovered in this
     article. A name no mention spells ("Venezuelan armed forces", "Congress
     (Peru)"), built from a generic body and a country, stands lowest.
     For: a title or post just before a mention ("President X"), a reporting
     cue beside one ("X said", "said X"), several mentions, several forms, a
     first name from the lexicon (a person), an organisation head word
     ("Council", "Ministry") in the name; a country that agrees with the known
     actor's. Against: a one-word name (an acronym nobody spelled out counts
     as one: on our annotated articles such acronyms are right as often as
     other one-word names), capitals that name no body ("GDP"), a person named
     like a body, a body named like a post ("Regional Director"), a body's
     name of several words with no head word, words run together
     ("MinisterOlmes"), a country unlike the known actor's.
Guarantees: pure, deterministic, never raises; reads at most a short window
     of the body around each mention, so its cost is linear in the mentions.
     The values stay in [0.05, 0.99]: evidence never makes a fact certain, and
     only an editor's confirmation does that.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise

from kb.pipeline.entity import CONNECTORS, CORE_TITLES, actor_words, shared_lexicon
from kb.pipeline.fold import fold
from kb.pipeline.known import known_keys
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.types import ActorFound, Extraction, KnownActor, Snapshot

# Bases: how the actor was found.
KNOWN_FULL = 0.95  # linked to a known actor by a name or alias of several words
KNOWN_PARTIAL = 0.7  # linked only by a lone word: a surname or an acronym
REFERENCE = 0.95  # an international organisation of the reference table
DISCOVERED = 0.8  # found in this article by its own evidence
BUILT = 0.6  # a name no mention spells, built from a generic body and a country

# Evidence, added to or taken from the base.
TITLED = 0.06  # "President X": a post just before a mention
CUE = 0.05  # "X said", "said X", "according to X"
REPEATED = 0.04  # mentioned more than once
FORMS = 0.03  # more than one surface form, all linked to one name
KIND_WORD = 0.05  # a first name (person) or a head word (organisation)
NO_KIND_WORD = 0.1  # an organisation's name of several words without a head word
ONE_WORD = 0.2  # a one-word name never linked to a longer one
WRONG_SHAPE = 0.25  # a person named like a body, a body named like a post
RUN_TOGETHER = 0.4  # "MinisterOlmes": two words glued by a lost space
COUNTRY_AGREES = 0.03
COUNTRY_DIFFERS = 0.25  # a namesake, more likely than an actor who moved: below CONFIDENT

FLOOR, CEILING = 0.05, 0.99

_WINDOW = 40  # characters read before and after a mention
_CUE_AFTER = re.compile(
    r"(?:'s?|’s?)?\s*,?\s*(?:has\s+|had\s+|have\s+|also\s+)?(?:said|says|told|tells|wrote|writes|"
    r"added|adds|tweeted|declared|insisted|stated|argued|warned|explained|noted|announced|"
    r"replied|urged|stressed|claimed|denied|confirmed|responded|reiterated|vowed)\b"
)
_CUES_BEFORE = (" said", " says", " told", " wrote", " added", "according to", " asked")
_GLUED = re.compile(r"[a-z]{2,}[A-Z][a-z]")


@cache
def _words() -> tuple[frozenset[str], ...]:
    """Titles, first names, organisation heads and posts (all folded), and not-acronyms."""
    lex = shared_lexicon()
    titles = frozenset(fold(t) for t in lex.titles | CORE_TITLES | lex.honorifics)
    heads = frozenset(fold(h) for h in lex.org_heads | actor_words("standalone_heads"))
    posts = frozenset(lex.role_nouns) - heads
    return titles, frozenset(lex.first_names), heads, posts, actor_words("not_org_acronyms")


def _titled(body: str, start: int, titles: frozenset[str]) -> bool:
    """A title or honorific among the (up to three) capitalised words just before ``start``."""
    for word in reversed(body[max(0, start - _WINDOW) : start].split()[-3:]):
        if not word[:1].isupper():
            return False
        if fold(word.rstrip(".")) in titles:
            return True
    return False


def _cued(body: str, start: int, end: int) -> bool:
    before = body[max(0, start - _WINDOW) : start].rstrip().lower()
    return before.endswith(_CUES_BEFORE) or bool(_CUE_AFTER.match(body, end, end + _WINDOW))


def _known_base(actor: ActorFound, known: KnownActor) -> float:
    keys = set(known_keys(known))
    # A full name: an alias of several words, or the actor's own name ("Hamas").
    own = fold(known.name)
    full = any(key in keys and (" " in key or key == own) for key in map(fold, actor.surface_forms))
    base = KNOWN_FULL if full else KNOWN_PARTIAL
    if actor.country and known.country:
        base += COUNTRY_AGREES if actor.country == known.country else -COUNTRY_DIFFERS
    return base


def _headed(folded: list[str], heads: frozenset[str]) -> bool:
    """A head word ends the name ("Lima Group") or leads its complement ("Ministry of ...")."""
    return folded[-1] in heads or any(
        word in heads and after in CONNECTORS for word, after in pairwise(folded)
    )


def _shape(actor: ActorFound, *, linked: bool) -> float:
    """What the name itself says: one word, capitals, a kind's telltale words.

    A name linked to a known actor is that actor's: its length is the base's business."""
    _titles, first_names, heads, posts, not_acronyms = _words()
    words = actor.name.split()
    folded = [fold(w) for w in words]
    score = 0.0
    if len(words) == 1 and not linked:
        score -= ONE_WORD
        if words[0] in not_acronyms:
            score -= ONE_WORD  # "GDP", "CEO": capitals that name no body
    if any(_GLUED.search(w) for w in words):
        score -= RUN_TOGETHER
    if actor.kind == "person":
        # The first name counts where the text writes it, not where a known name has it.
        if (
            folded
            and folded[0] in first_names
            and any(fold(f).split()[:1] == folded[:1] for f in actor.surface_forms)
        ):
            score += KIND_WORD
        if any(w in heads for w in folded):
            score -= WRONG_SHAPE
    elif len(words) > 1:
        if _headed(folded, heads):
            score += KIND_WORD
        elif not any(" " in f for f in actor.surface_forms if f != actor.name):
            # "Delta Peace", "Sanctions Committee Peace": nothing in it says it is a
            # body, or it runs on past its head word, as a name cut short does.
            score -= NO_KIND_WORD
        if folded[-1] in posts or folded[-1].endswith("ing"):
            score -= WRONG_SHAPE  # "... Regional Director", "... Assisting": a post, a cut
    return score


def _evidence(actor: ActorFound, body: str) -> float:
    titles = _words()[0]
    titled = cued = False
    for start, end in actor.mentions:
        titled = titled or _titled(body, start, titles)
        cued = cued or _cued(body, start, end)
        if titled and cued:
            break
    score = TITLED * titled + CUE * cued
    score += REPEATED * (len(actor.mentions) > 1)
    score += FORMS * (len(actor.surface_forms) > 1)
    return score


def actor_confidence(
    actor: ActorFound, body: str, known: dict[str, KnownActor] | None = None
) -> float:
    """How sure the pipeline is that ``actor``'s mentions name it (see the module)."""
    linked = (known or {}).get(actor.known_key) if actor.known_key else None
    if linked is not None:
        base = _known_base(actor, linked)
    elif actor.kind == "organization" and (
        reference_org(actor.name) == actor.name
        or any(reference_org(f) == actor.name for f in actor.surface_forms)
    ):
        base = REFERENCE
    elif actor.name not in actor.surface_forms:
        base = BUILT
    else:
        base = DISCOVERED
    value = base + _shape(actor, linked=linked is not None) + _evidence(actor, body)
    return round(min(CEILING, max(FLOOR, value)), 2)


def with_confidence(extraction: Extraction, snapshot: Snapshot | None = None) -> Extraction:
    """``extraction`` with every actor's confidence computed from its evidence."""
    if not extraction.actors:
        return extraction
    known = {a.key: a for a in snapshot.actors} if snapshot else {}
    actors = tuple(
        replace(a, confidence=actor_confidence(a, extraction.body, known))
        for a in extraction.actors
    )
    return replace(extraction, actors=actors)
