"""Merging entities of one article that name the same organisation.

In:  the article's entities after linking.
Out: the same list, with "EU" absorbed into "European Union" (initials agree, or
     the article defined the acronym), "Office for the Coordination of Humanitarian
     Affairs" into "UN Office for ..." and "Bhumjaithai" into "Bhumjaithai Party".
Guarantees: only organisations are merged; the absorbed entity leaves the list
     and every form and mention of it goes to the one that stays.
"""

from __future__ import annotations

from kb.pipeline.entity import Entity, Lexicon, is_acronym
from kb.pipeline.text import fold


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def merge_acronyms(entities: list[Entity]) -> None:
    """ "EU" and "European Union" in one article are one body when the letters agree."""
    orgs = [e for e in entities if e.kind == "organization"]
    for short in orgs:
        if short.multi or not all(is_acronym(f) for f in short.forms):
            continue
        letters = {f.replace(".", "") for f in short.forms}
        # "TSJ" before "Supreme Court of Justice (TSJ)": a translated name's initials
        # need not agree, but the bracket defined the acronym for the whole article.
        full = next(
            (
                e
                for e in orgs
                if e is not short
                and e.multi
                and (any(_initials(f) in letters for f in e.multi) or letters & set(e.forms))
            ),
            None,
        )
        if full is None or short not in entities:
            continue
        full.absorb(short)
        entities.remove(short)
    # "UN Office for the Coordination of Humanitarian Affairs" then "Office for the
    # Coordination of Humanitarian Affairs (OCHA)": the parent's acronym only qualifies.
    for short in [e for e in entities if e.kind == "organization" and e.multi]:
        tails = {f for f in short.multi if len(f.split()) >= 3}
        full = next(
            (
                e
                for e in entities
                if e is not short
                and e.kind == "organization"
                and any(
                    f.split(" ", 1)[-1] in tails and is_acronym(f.split(" ", 1)[0]) for f in e.multi
                )
            ),
            None,
        )
        if full is not None:
            full.absorb(short)
            entities.remove(short)


def merge_short_names(entities: list[Entity], lex: Lexicon) -> None:
    """ "Bhumjaithai" after "Bhumjaithai Party", "Chevron" and "Chevron Corporation":
    a one-word organisation that is another's name without its head word is it."""
    orgs = [e for e in entities if e.kind == "organization"]
    for short in orgs:
        if short.multi or short not in entities or any(is_acronym(f) for f in short.forms):
            continue
        keys = {fold(f) for f in short.forms}
        full = next(
            (
                e
                for e in orgs
                if e is not short
                and e in entities
                and any(_without_heads(f, lex) in keys for f in e.multi)
            ),
            None,
        )
        if full is not None:
            full.absorb(short)
            entities.remove(short)


def _without_heads(form: str, lex: Lexicon) -> str:
    words = form.split()
    while len(words) > 1 and words[-1] in lex.org_heads:
        words.pop()
    return fold(" ".join(words)) if len(words) < len(form.split()) else ""
