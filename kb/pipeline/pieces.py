"""A capitalised run cut into the pieces that may each be one name.

In:  a run's (word, start, end) triples and the shared lexicon.
Out: ``split_piece``: the pieces, cut where a person's name meets a body ("Juan
     González of the National Security Council"), at connectors outside a body's
     name, before a date ("the Council on Monday"), and beside not-actor words
     ("Cold War"); a reference name ("Islamic State", "Department of State") is
     never cut.
Guarantees: pure; pieces keep the run's order and never overlap.
"""

from __future__ import annotations

from kb.pipeline.entity import (
    CONNECTORS,
    NOT_ORG_ACRONYMS,
    PATRONYMIC_PARTICLES,
    PERSON_PARTICLES,
    Lexicon,
    is_acronym,
    is_name_particle,
)
from kb.pipeline.fold import fold
from kb.pipeline.geo import is_geo_word, is_state, lookup
from kb.pipeline.name_trims import FAMILY_FIRST
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.runs import Run


def split_piece(parts: Run, lex: Lexicon) -> list[Run]:
    """Cut a run where a person name meets a place ("Evo Morales of Bolivia") or a stop word."""
    words = [w for w, _s, _e in parts]
    joined = "of" in words or "for" in words
    for k, w in enumerate(words[1:-1] if joined else (), start=1):
        if (
            w in ("of", "for")
            and not any(x in lex.org_heads for x in words[:k])
            and any(x in lex.org_heads for x in words[k + 1 :])
            and words[k - 1] not in _OF_PHRASES  # "Caucasus Rule of Law Centre" is one name
        ):
            # "Juan González of the National Security Council", "Supporters of the
            # Serbian Progressive Party": a person or a common word, then a body.
            left = split_piece(parts[:k], lex)
            right = parts[k + 1 :]
            while right and right[0][0] == "the":
                right = right[1:]
            return left + (split_piece(right, lex) if right else [])
    has_head = any(w in lex.org_heads for w in words) or (
        is_acronym(words[0]) and words[0] not in NOT_ORG_ACRONYMS and lookup(words[0]) is None
    )
    return _drop_phrases(_cut_at_connectors(parts, words, has_head, lex), lex)


_BARRIER, _CONNECTOR = "\x00", "\x01"
_SON_OF = PATRONYMIC_PARTICLES | {"ben"}
# Words that make one phrase with the "of" after them inside a body's name.
_OF_PHRASES = frozenset(["Rule", "Freedom", "Friends", "Right", "Rights"])
_SHORT_MONTHS = frozenset(
    ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
_DATE_WORDS = _SHORT_MONTHS | frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December", "Sept", "Today", "Tonight", "Christmas", "Easter", "Ramadan"]
)  # fmt: skip


def _in_reference_names(words: list[str], lex: Lexicon) -> frozenset[int]:
    """The positions of words that belong to a reference name of two words or more
    ("Islamic State", "Ansar Allah"): a not-actor word there does not cut the name."""
    if not any(w in lex.not_actor for w in words):
        return frozenset()
    inside: set[int] = set()
    for i in range(len(words) - 1):
        for j in range(i + 2, min(len(words), i + 6) + 1):
            if reference_org(" ".join(words[i:j])) is not None:
                inside.update(range(i, j))
    return frozenset(inside)


def _surname_of_a_city(current: Run, nxt: str, lex: Lexicon) -> bool:
    """ "Ana Cláudia Ferreira de Lima": after a first name and a surname, a particle
    and a city's name (no state's) are the rest of the surname."""
    return (
        len(current) >= 2
        and any(fold(word) in lex.first_names for word, _s, _e in current[:-1])
        and not is_state(nxt)
    )


def _cut_at_connectors(parts: Run, words: list[str], has_head: bool, lex: Lexicon) -> list[Run]:
    """The pieces between connectors and not-actor words, with markers standing for
    those (a barrier the classifier ignores, a connector that separates without
    tainting); a name ends before a connector leading to a date."""
    pieces: list[Run] = []
    current: Run = []
    named = _in_reference_names(words, lex)
    for k, part in enumerate(parts):
        w = part[0]
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if (not has_head and is_name_particle(words, k)) or (
            # "Yoon Da(-eun)", "Le Van(-thanh)": a given name's syllable after an East Asian
            # family name, no Portuguese "da" or French "le"
            w[:1].isupper() and k > 0 and words[k - 1] in FAMILY_FIRST and w.lower() in CONNECTORS
        ):
            current.append(part)
            continue
        if (
            w.lower() in CONNECTORS
            and w not in _SON_OF  # "Ahmed bin Ramadan al-Kabti": a father's name, no date
            and nxt in lex.not_actor
            and nxt not in lex.org_heads
            and k + 1 not in named
            and (nxt in _DATE_WORDS or not any(x in lex.org_heads for x in words))
        ):
            # "the National Security Council on Monday": the name ends at the date; but
            # "Institute for South China Sea Studies" goes on past a place's words
            break
        if (
            (w.lower() in CONNECTORS or w == "the")
            and not has_head
            and w not in PERSON_PARTICLES
            and k not in named
        ):
            if current:
                pieces.append(current)
            pieces.append([(_CONNECTOR, part[1], part[2])])
            current = []
            continue
        if (
            w.lower() in CONNECTORS
            and not has_head
            and w in PERSON_PARTICLES
            and (is_geo_word(nxt) or not current)
            and not _surname_of_a_city(current, nxt, lex)
            # "Tomás Ignacio Carvajal y Montenegro": "y" joins a mother's surname, even a
            # state's name, to a named person's
            and not (w == "y" and len(current) >= 2 and fold(current[0][0]) in lex.first_names)
        ):
            if current:
                pieces.append(current)
            current = []
            continue
        if (
            not current
            and w in _DATE_WORDS
            and w not in _SHORT_MONTHS  # "Jan Willem Kuipers"
            and k + 2 < len(words)
            and (fold(nxt) in lex.first_names or words[k + 2] in PERSON_PARTICLES)
        ):
            # "On Friday Rania Suleiman took two buses": a date opening the run ends no
            # phrase ("Cold War") with the first name and surname after it.
            pieces.append([(_CONNECTOR, part[1], part[2])])
            continue
        if (
            w in lex.not_actor
            and w not in lex.org_heads
            and not has_head
            and k not in named
            and not (w in _SHORT_MONTHS and nxt[:1].isupper())
            and not (
                current
                and fold(current[0][0]) in lex.first_names
                and (nxt[:1].isupper() or nxt.lower() in PERSON_PARTICLES)
            )
        ):
            # "Zin Mar Aung", "Jan Willem Kuipers": a short month before a name is a
            # name, not a date ("Jan 5", "Jan. 5");
            # "Khalifa Ramadan Abu Sneina": a first name, then a word that is a name here.
            if current:
                pieces.append(current)
            pieces.append([(_BARRIER, part[1], part[2])])
            current = []
            continue
        current.append(part)
    if current:
        pieces.append(current)
    return pieces


# Particles that end a name: "Cholpon Asanbek kyzy", "Elnur Tofig oglu" (a patronymic's
# "daughter of", "son of" written after the father's name).
_LAST_PARTICLES = frozenset(["kyzy", "uulu", "ogly", "oglu", "gizi", "qizi"])


def _drop_phrases(pieces: list[Run], lex: Lexicon) -> list[Run]:
    """Drop the markers, and the pieces directly beside a not-actor word: phrases
    like "Cold War" or "Monroe Doctrine"; trailing connectors leave every piece."""
    cleaned: list[Run] = []
    for idx, piece in enumerate(pieces):
        if piece[0][0] in (_BARRIER, _CONNECTOR):
            continue
        near_barrier = (idx > 0 and pieces[idx - 1][0][0] == _BARRIER) or (
            idx + 1 < len(pieces) and pieces[idx + 1][0][0] == _BARRIER
        )
        if near_barrier and not any(w in lex.org_heads for w, _s, _e in piece):
            continue
        while (
            piece
            and piece[-1][0].lower() in CONNECTORS
            and piece[-1][0] not in _LAST_PARTICLES
            and not (
                len(piece) >= 2 and piece[-1][0][:1].isupper() and piece[-2][0] in FAMILY_FIRST
            )
        ):
            piece = piece[:-1]
        if piece:
            cleaned.append(piece)
    return cleaned
