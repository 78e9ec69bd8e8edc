"""Where an organisation's name runs on past the capitalised piece that found it.

In:  the body and an organisation ``Candidate`` from ``classify``.
Out: ``run_on`` moves the candidate's span: back over "and" ("Land and Justice
     Party"), on over "and" for a head-first name ("Center for Strategic and
     International Studies"), over a ministry's portfolio list ("Ministry of Mineral
     Resources, Petroleum and Gas (MIREMPET)") and over where a mission is posted
     ("United Nations Verification Mission in Colombia"); ``joined_remits`` joins the
     candidates of one name cut at its remit's "and" ("UN Office on Drugs and Crime")
     and opens a unit's name on its ordinal ("444th Combat Brigade").
Guarantees: pure; the span only grows, and ``cand.text`` is always the body's text
     at the span.
"""

from __future__ import annotations

import re

from kb.pipeline.entity import Candidate, actor_words, shared_lexicon
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


# Words a body's remit lists after "and": "Office on Drugs and Crime", "Ministry of
# Justice and Human Rights", "Chamber of Commerce and Industry".
_REMIT = actor_words("portfolio_words") | actor_words("portfolio_tails") | frozenset(
    ["Crime", "Drugs", "Peace", "Human", "Mobility", "Reconstruction", "Research", "Refugees",
     "Food", "Population", "Social", "Public", "Works", "Family", "Women", "Children", "Gender"]
)  # fmt: skip
_REMIT_OF_RE = re.compile(r" (?:of|on|for) (?:the )?")


def joined_remits(body: str, out: list[Candidate]) -> list[Candidate]:
    """A body's name cut at its remit's "and" is one name again: "UN Office on Drugs" and
    "Crime" are the "UN Office on Drugs and Crime"; a unit's ordinal opens its name
    ("444th Combat Brigade")."""
    joined: list[Candidate] = []
    grown_to = -1
    for index, cand in enumerate(out):
        if cand.start < grown_to:
            continue  # "Crime", now inside the name it ends
        ordinal = _ORDINAL_BEFORE_RE.search(body, max(0, cand.start - 8), cand.start)
        if ordinal and cand.kind == "organization" and cand.text.split()[-1] in _UNITS:
            cand.start = ordinal.start()
            cand.text = body[cand.start : cand.end]
            cand.ntokens += 1
        joined.append(cand)
        if cand.kind != "organization" or not _REMIT_OF_RE.search(cand.text):
            continue
        if index + 1 < len(out) and out[index + 1].start < cand.end:
            continue  # a name spelled out inside it ("(ODIHR)" defines its own) decides
        tail = _AND_REMIT_RE.match(body, cand.end)
        remit = tail.group("remit").replace(",", " ").split() if tail else []
        if tail and all(w in _REMIT for w in remit if w != "and"):
            cand.end = tail.end()
            cand.text = body[cand.start : cand.end]
            cand.ntokens += len(remit)
            grown_to = cand.end
    return joined


_ORDINAL_BEFORE_RE = re.compile(r"\b\d{1,4}(?:st|nd|rd|th) $")
_UNITS = frozenset(
    ["Brigade", "Battalion", "Division", "Regiment", "Corps", "Army", "Fleet", "Squadron", "Wing"]
)
# "… on Drugs and Crime", "… of Agriculture, Fisheries and Food": the remit's list.
_AND_REMIT_RE = re.compile(
    r"(?P<remit>(?:, [A-Z][a-z]+)*,? and [A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?![ -][A-Z])"
)
