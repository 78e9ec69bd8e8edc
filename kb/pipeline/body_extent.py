"""Where an organisation's name runs on past the capitalised piece that found it.

In:  the body and an organisation ``Candidate`` from ``classify``.
Out: ``run_on`` moves the candidate's span: back over "and" ("Land and Justice
     Party"), on over "and" for a head-first name ("Center for Strategic and
     International Studies"), over a ministry's portfolio list ("Ministry of Mineral
     Resources, Petroleum and Gas (MIREMPET)") and over where a mission is posted
     ("United Nations Verification Mission in Colombia").
Guarantees: pure; the span only grows, and ``cand.text`` is always the body's text
     at the span.
"""

from __future__ import annotations

import re

from kb.pipeline.entity import Candidate, shared_lexicon
from kb.pipeline.geo import is_geo_word, lookup
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.text import fold

AND_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:[a-z]+ |The |(?P<parent>[A-Z]{2,6}) |[A-Z][\w-]*['\u2019]s )([A-Z][a-z]+) and $"
)
IN_PLACE_RE = re.compile(r" in ([A-Z][\w-]*(?: [A-Z][\w-]*)*)$")
AND_MORE_RE = re.compile(r" and [A-Z][\w-]*(?: (?:of |in |for |the )*[A-Z][\w-]*)*")
BRACKET_RE = re.compile(
    r"\s*\((?:often |also |commonly |widely )?(?:known as |called |or )?([A-Z][A-Za-z0-9&.]{1,9})\)"
)


def run_on(body: str, cand: Candidate, *, head_first: bool) -> None:
    """Grow ``cand``, an organisation, over the rest of its name (see the module)."""
    if cand.text.split()[-1] in lex_heads():
        _run_back_over_and(body, cand)
    if head_first or _head_for(cand.text):
        more = AND_MORE_RE.match(body, cand.end)
        if more:
            # "Center for Strategic and International Studies": a head-first name
            # runs on over "and" while capitalised words follow.
            tail = more.group()
            place = IN_PLACE_RE.search(tail)
            if place and is_geo_word(place.group(1)):
                tail = tail[: place.start()]  # "... Islamic Studies in Riyadh": a place
            cand.end += len(tail)
            cand.text = body[cand.start : cand.end]
        elif head_first:
            _run_on_over_list(body, cand)
    words = cand.text.split()
    if words[-1] in _POSTED_HEADS or words[0] in _POSTED_HEADS:
        posted = IN_COUNTRY_RE.match(body, cand.end)
        if posted and lookup(posted.group(1)) is not None:
            # "the United Nations Verification Mission in Colombia": where a mission
            # is posted is part of its name (the next one elsewhere is another); so for
            # "the Office for Safeguarding National Security in Hong Kong".
            cand.end = posted.end()
            cand.text = body[cand.start : cand.end]
            cand.ntokens = len(cand.text.split())


# ", Petroleum and Gas", ", Trade and Development": a portfolio's list of nouns.
_LIST_MORE_RE = re.compile(r"(?:, [A-Z][a-z]+){1,3},? and [A-Z][a-z]+(?= \(|[^\w\s-]| [a-z])")


def _run_on_over_list(body: str, cand: Candidate) -> None:
    """ "Ministry of the Mineral Resources, Petroleum and Gas (MIREMPET)": a ministry's
    portfolio names several nouns, so its name runs on over a list of capitalised
    common nouns that ends in "and"; a place or a person in the list ends it."""
    if cand.text.split()[0] not in ("Ministry", "Department", "Secretariat"):
        return
    more = _LIST_MORE_RE.match(body, cand.end)
    if more is None:
        return
    lex = shared_lexicon()
    listed = more.group().replace(",", " ").split()
    # Heads stay in ("Petroleum", "Mines"): bodies listed after a ministry take "the".
    if any(is_geo_word(w) or fold(w) in lex.first_names for w in listed if w != "and"):
        return
    cand.end = more.end()
    cand.text = body[cand.start : cand.end]
    cand.ntokens = len(cand.text.split())
    bracket = BRACKET_RE.match(body, cand.end)
    if bracket and long_acronym(bracket.group(1), cand) and lookup(bracket.group(1)) is None:
        cand.acronym_of = bracket.group(1)


_POSTED_HEADS = frozenset(["Mission", "Office", "Delegation", "Representation", "Bureau"])
IN_COUNTRY_RE = re.compile(r" in ((?:the )?[A-Z][\w\u2019'-]*(?: [A-Z][\w\u2019'-]*){0,3})")


def _head_for(text: str) -> bool:
    """ "King Faisal Center for Research": a head word then "for" ends the name, which
    may run on over "and" as a head-first name does."""
    words = text.split()
    heads = shared_lexicon().org_heads
    return words[-2:-1] == ["for"] and len(words) > 3 and words[-3] in heads


def lex_heads() -> frozenset[str]:
    return shared_lexicon().org_heads


def _run_back_over_and(body: str, cand: Candidate) -> None:
    """ "Land and Justice Party", "Peace and Development Council": a body named by
    two nouns joined by "and" begins at the first (never a place or a first name)."""
    before = AND_BEFORE_RE.search(body, max(0, cand.start - 40), cand.start)
    if before is None:
        return
    word = before.group(2)
    lex = shared_lexicon()
    if (
        is_geo_word(word)
        or word in lex.stop
        or word in lex.org_heads
        or word in lex.titles
        or fold(word) in lex.first_names
        or cand.text.split()[0] in lex.org_heads
    ):
        return
    parent = before.group("parent")
    if parent and reference_org(parent) is None:
        return  # "a BBC Peace and Security Council": only a known parent joins
    cand.start = before.start("parent" if parent else 2)
    cand.text = body[cand.start : cand.end]
    cand.ntokens += 3 if parent else 2
    cand.single = False


def long_acronym(word: str, cand: Candidate) -> bool:
    """ "Ministry of ... (MIREMPET)", "(SONANGOL)": a body's bracketed short name in
    capitals may be longer than an acronym, being syllables, not initials."""
    return cand.kind == "organization" and word.isupper() and word.isalpha() and len(word) <= 10
