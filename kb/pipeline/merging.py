"""Merging entities of one article that name the same organisation.

In:  the article's entities after linking.
Out: the same list, with "EU" absorbed into "European Union" (initials agree, or
     the article defined the acronym), "Office for the Coordination of Humanitarian
     Affairs" into "UN Office for ..." and "Bhumjaithai" into "Bhumjaithai Party";
     "CEC Nashiruddin" into the person Nasiruddin, the acronym his title.
Guarantees: only organisations are merged (into an organisation, or a titled
     surname into its person); the absorbed entity leaves the list
     and every form and mention of it goes to the one that stays.
"""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from kb.pipeline.entity import Entity, Lexicon, is_acronym
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.text import fold


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _hyphen_initials(name: str) -> str:
    """ "Pakistan Muslim League-Nawaz" -> "PMLN", for "PML-N"."""
    return _initials(name.replace("-", " "))


def merge_acronyms(entities: list[Entity]) -> None:
    """ "EU" and "European Union" in one article are one body when the letters agree."""
    orgs = [e for e in entities if e.kind == "organization"]
    for short in orgs:
        if short.multi or not all(is_acronym(f.replace("-", "")) for f in short.forms):
            continue
        letters = {f.replace(".", "").replace("-", "") for f in short.forms}
        # "TSJ" before "Supreme Court of Justice (TSJ)": a translated name's initials
        # need not agree, but the bracket defined the acronym for the whole article.
        full = next(
            (
                e
                for e in orgs
                if e is not short
                and e.multi
                and (
                    any(_initials(f) in letters or _hyphen_initials(f) in letters for f in e.multi)
                    or letters & set(e.forms)
                )
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


# Heads a party or movement drops when the text names it short: "Siam Renewal" for the
# "Siam Renewal Party".
_PARTY_HEADS = frozenset(["Party", "Movement", "Front", "Alliance", "Coalition", "Bloc", "League"])


def merge_party_short_names(entities: list[Entity], lex: Lexicon) -> None:
    """ "Siam Renewal" where the article names the "Siam Renewal Party": a "person"
    whose name is a party's without its head, and opens on no first name, is the party."""
    parties = {
        fold(form.rsplit(" ", 1)[0]): e
        for e in entities
        if e.kind == "organization"
        for form in e.multi
        if form.rsplit(" ", 1)[-1] in _PARTY_HEADS
    }
    if not parties:
        return
    for short in [e for e in entities if e.kind == "person" and not e.known]:
        party = next((parties[k] for k in short.keys if k in parties), None)
        if party is not None and not any(
            fold(f.split()[0]) in lex.first_names for f in short.forms
        ):
            party.absorb(short)
            entities.remove(short)


def _without_heads(form: str, lex: Lexicon) -> str:
    words = form.split()
    while len(words) > 1 and words[-1] in lex.org_heads:
        words.pop()
    return fold(" ".join(words)) if len(words) < len(form.split()) else ""


_TITLED_RE = re.compile(r"([A-Z]{2,5}) ([A-Z][\w'\u2019-]+)")


def merge_acronym_titles(entities: list[Entity]) -> None:
    """ "the CEC Nashiruddin" where the article names Abul Mansur Nasiruddin: an
    unknown acronym before a person's surname (or a spelling one letter or so
    off) is that person's title, so the mention is the person's and the bare
    acronym ("the CEC said") is a title too, no organisation."""
    people = [e for e in entities if e.kind == "person"]
    titles: set[str] = set()
    merged: set[int] = set()
    for entity in [e for e in entities if e.kind == "organization" and not e.known]:
        split = [_TITLED_RE.fullmatch(f) for f in entity.forms]
        if not split or not all(split) or len({m.group(1) for m in split if m}) != 1:
            continue
        acronym = split[0].group(1) if split[0] else ""
        if reference_org(acronym) is not None:
            continue
        names = {fold(m.group(2)) for m in split if m}
        person = next((p for p in people if any(_same_surname(n, p) for n in names)), None)
        if person is None:
            continue
        cut = len(acronym) + 1
        for form, count in entity.forms.items():
            person.forms[form[cut:]] = person.forms.get(form[cut:], 0) + count
        person.mentions += [(s + cut, e) for s, e in entity.mentions]
        person.keys |= names
        merged.add(id(entity))
        titles.add(acronym)
    entities[:] = [
        e
        for e in entities
        if id(e) not in merged and not (e.kind == "organization" and set(e.forms) <= titles)
    ]


def _same_surname(name: str, person: Entity) -> bool:
    """Whether folded ``name`` ends one of the person's folded names ("n diaye" ends
    "aminata n diaye"), or is one letter or so off its last word."""
    if any(f" {key}".endswith(f" {name}") for key in person.keys if key):
        return True
    surnames = {key.split()[-1] for key in person.keys if key}
    return any(len(s) >= 6 and s[0] == name[0] and ratio(s, name) >= 85 for s in surnames)


def merge_same_labels(entities: list[Entity]) -> list[Entity]:
    """Bodies given the same canonical label by different routes ("Foreign Ministry"
    named for its country, "the Iranian Foreign Ministry" spelled by its state) are
    one; a mention inside another of the same body is dropped."""
    by_label: dict[str, Entity] = {}
    kept: list[Entity] = []
    for entity in entities:
        if entity.kind != "organization" or not entity.label or entity.known:
            kept.append(entity)
            continue
        first = by_label.get(entity.label)
        if first is None:
            by_label[entity.label] = entity
            kept.append(entity)
            continue
        first.absorb(entity)
        for code, votes in entity.country_votes.items():
            first.country_votes[code] = first.country_votes.get(code, 0) + votes
        spans = sorted(set(first.mentions), key=lambda m: (m[0], -m[1]))
        outer: list[tuple[int, int]] = []
        for start, end in spans:
            if outer and start < outer[-1][1] and end <= outer[-1][1]:
                continue  # "Foreign Ministry" inside "Iranian Foreign Ministry"
            outer.append((start, end))
        first.mentions = outer
    return kept
