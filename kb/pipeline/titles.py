"""Titles in capitalised runs: where an officer's title begins, and where it ends.

In:  the words of one capitalised run (see ``run_plan.plan``).
Out: ``officer_split``: where an organisation's name ends and its officer's title
     begins ("OAS | Secretary-General Lena Brooks", "European Council | Charles
     Michel"), or None; ``leading_title_end``: the last word of the title leading a run
     ("Mexican Foreign Minister | Ana Quispe"); ``body_then_name_split``: where the
     name after "Title of <Body>" begins; ``portfolio_then_first_name``: where the name
     after "Title for <Portfolio>" begins; ``without_caption_label``.
Guarantees: pure, reading the words only; an office named by its title ("UN High
     Commissioner for Refugees", "Supreme Court of Justice") is never split.
"""

from __future__ import annotations

from kb.pipeline.entity import (
    CORE_TITLES,
    NOT_ORG_ACRONYMS,
    PERSON_PARTICLES,
    Lexicon,
    actor_words,
    is_acronym,
)
from kb.pipeline.geo import is_geo_word, lookup
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.text import fold

_TITLE_MODIFIERS = actor_words("title_modifiers")
_CAPTION_LABELS = actor_words("caption_labels")


def without_caption_label(words: tuple[str, ...]) -> tuple[str, ...]:
    """ "... Pedro Castillo Image: X/Reuters": a caption's label ends no name."""
    if len(words) > 1 and words[-1] in _CAPTION_LABELS:
        return words[:-1]
    return words


def _org_prefix(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Words that name an organisation on their own: a head word ("Council"), a
    lone acronym that is no place ("OAS"), or a reference name ("United Nations")."""
    if any(w in lex.org_heads for w in words):
        return True
    if len(words) == 1 and is_acronym(words[0]):
        return words[0] not in NOT_ORG_ACRONYMS and lookup(words[0]) is None
    return reference_org(" ".join(words)) is not None


def _house_of(prefix: tuple[str, ...], title: str, lex: Lexicon) -> bool:
    """ "Saeima Speaker Daiga Rozite", "Knesset Speaker X": a speaker is a house's, so
    one unknown word before "Speaker" names the house, and the name follows."""
    return (
        title == "Speaker"
        and len(prefix) == 1
        and prefix[0] not in lex.titles
        and prefix[0] not in lex.org_heads
        and fold(prefix[0]) not in lex.first_names
        and lookup(prefix[0]) is None
    )


def _officer_title(tail: tuple[str, ...], lex: Lexicon) -> bool:
    """ "Secretary General Lena Brooks", "High Representative for Foreign Policy":
    title words reaching an officer's title, then a name or nothing. Not "High
    Commissioner for Refugees": a word no title after "for" names an office."""
    core = False
    for k, w in enumerate(tail):
        if w in CORE_TITLES:
            core = True
        elif w in ("of", "for"):
            continue
        elif w not in lex.titles and not is_geo_word(w):  # "Special Envoy for Yemen"
            return core and tail[k - 1] not in ("of", "for")
    return core


def _office_of_officer(prefix: tuple[str, ...], tail: tuple[str, ...], lex: Lexicon) -> bool:
    """ "the Office of the UN Special Envoy for Yemen": an office named after its
    officer is one body, so its officer's title is the rest of its name while no
    person's name follows it."""
    if prefix[:2] != ("Office", "of"):
        return False
    return all(
        w in lex.titles or w in CORE_TITLES or w in ("of", "for", "the") or is_geo_word(w)
        for w in tail
    )


# Officers' titles that no body's name ends with ("Court of Justice", "Inspector
# General" do): after "of", they begin an officer, not the rest of the name.
_OFFICER_AFTER_OF = CORE_TITLES - {"Justice", "General", "Representative", "Officer"}


def officer_split(words: tuple[str, ...], i: int, lex: Lexicon) -> int | None:
    """Where an organisation's name ends and its officer begins: "European Commission
    President Ursula von der Leyen", "OAS Secretary-General Lena Brooks", "the
    President of European Council Charles Michel", "ambassador to the UN Vasily
    Nebenzya". The organisation is one actor, the titled person another."""
    for k in range(i + 1, len(words) - 1 if len(words) - i > 2 else i):
        prefix = words[i:k]
        if _house_of(prefix, words[k], lex) and words[k + 1][:1].isupper():
            return k
        if (
            words[k] in MEMBER_TITLES
            and 1 < len(prefix) <= 3
            and is_acronym(prefix[0])
            and all(w[:1].isupper() and w not in lex.titles for w in prefix[1:])
            and len(words) - k >= 3
            and words[k + 1][:1].isupper()
        ):
            return k  # "CHP Hatay | Deputy Servet Tanriverdi": a party's member for a province
        if not _org_prefix(prefix, lex) or prefix[-1] in ("of", "the", "for"):
            continue  # "Office of the | President of Somalia" is one body's name
        rest = words[k + 1 :]
        if _office_of_officer(prefix, words[k:], lex):
            return None
        if any(w in lex.org_heads for w in words[k:]):
            continue  # "UN General Assembly": the body's own name runs on
        # "Seed Movement of President-elect X", but "Court of Justice" is one name.
        of_officer = words[k] in ("of", "for") and words[k + 1] in _OFFICER_AFTER_OF
        after_of = words[k - 1] in ("of", "for")  # "Court of | Justice" is one name
        if (
            (words[k] in lex.titles or of_officer)
            and not after_of
            and _officer_title(words[k:], lex)
        ):
            return k
        if words[k] in MEMBER_TITLES and len(rest) >= 2 and rest[0][:1].isupper():
            return k  # "MUD Deputy Ernesto Villasmil": a member of the body, by name
        if (
            len(words) - k > 3
            and words[k + 1] in CORE_TITLES
            and words[k][:1].isupper()
            and words[k] not in lex.org_heads
            and fold(words[k]) not in lex.first_names
            and _officer_title(words[k + 1 :], lex)
        ):
            return k  # "WFP | Country Director for Somalia Laila Abdi-Warsame"
        if any(w in lex.titles for w in words[k:]):
            continue
        named = fold(words[k]) in lex.first_names
        # "W.M. Sunethra Perera": dotted initials lead a person's name, no body's.
        initials = len(prefix) == 1 and is_acronym(prefix[0]) and "." not in prefix[0]
        if rest[0][:1].isupper() and (named or initials):
            return k
    return None


# A body's members' titles, capitalised before the name ("PSUV Deputy X", "ANC Senator Y").
MEMBER_TITLES = frozenset(
    ["Deputy", "Senator", "Congressman", "Congresswoman", "Lawmaker", "Legislator", "MP",
     "Councillor", "Councilor", "Assemblyman", "Assemblywoman"]
)  # fmt: skip


def _title_word(word: str, lex: Lexicon) -> bool:
    return word in lex.titles or all(p in lex.titles or p in CORE_TITLES for p in word.split("-"))


def body_then_name_split(words: tuple[str, ...], i: int, lex: Lexicon) -> int | None:
    """Where the name after "Title of <Body>" begins: "Director-General of the Asian
    and Oceanian Affairs Bureau | Ishikawa Ryota", "Spokesperson of Korean Foreign
    Ministry | Choi Eun". Two or three capitalised words after the body's head word,
    none a title, head or place, are no part of a body's name."""
    k = i
    while k < len(words) and (_title_word(words[k], lex) or words[k] == "Member"):
        k += 1  # "Member of the House of Representatives | Abu Bakr al-Obeidi"
    if k == i or k >= len(words) or words[k] not in ("of", "for"):
        return None
    heads = [
        h
        for h in range(k + 1, len(words))
        if words[h] in lex.org_heads or words[h] in ("Representatives", "Deputies")
    ]
    if not heads:
        return None
    return heads[-1] + 1 if _bare_name(words[heads[-1] + 1 :], lex) else None


def _bare_name(name: tuple[str, ...] | list[str], lex: Lexicon) -> bool:
    """Two or three capitalised words (four or five with particles: "Abu Bakr Miftah
    al-Obeidi"), none a title, head, place or acronym: a name."""
    particles = sum(1 for w in name if w.lower() in PERSON_PARTICLES)
    return 2 <= len(name) <= 3 + min(particles, 2) and not any(
        (not w[:1].isupper() and w not in PERSON_PARTICLES)
        or w in lex.titles
        or w in lex.org_heads
        or is_geo_word(w)
        or is_acronym(w)
        for w in name
    )


def body_of_place_then_name(words: tuple[str, ...], i: int, lex: Lexicon) -> int | None:
    """Where the name after "<Body> of <Place>" begins: "Foreign Ministry of Armenia |
    Lilit Avetisyan", "Central Bank of Nigeria | Governor Olayemi Cardoso". The place
    ends the body's name; two or three capitalised words after it (titles before
    them aside), none a head, place or acronym, are a name."""
    for h in range(i, len(words) - 3):
        if words[h] not in lex.org_heads or words[h + 1] != "of":
            continue
        k = h + 2 + (words[h + 2] == "the")
        for n in (3, 2, 1):
            if k + n < len(words) and is_geo_word(" ".join(words[k : k + n])):
                name = k + n
                break
        else:
            continue
        rest = list(words[name:])
        while rest and rest[0] in lex.titles:
            rest.pop(0)
        if _bare_name(rest, lex):
            return name
    return None


_HEADED = frozenset(["Mission", "Delegation", "Office", "State", "Government", "Division", "Unit"])


def leading_title_end(words: tuple[str, ...], i: int, lex: Lexicon) -> int:
    """The index of the last word of the title leading ``words[i:]``, or -1: "Mexican
    Foreign Minister", "US Secretary of State", "Mr", "Lieutenant-Colonel"."""
    if words[i : i + 2] == ("Head", "of") and i + 3 < len(words) and words[i + 2] in _HEADED:
        # "Head of Mission Eglė Stankevičiūtė-Berg", "Head of Delegation Ana Ruiz"
        return max(i + 2, leading_title_end(words, i + 3, lex))
    title_end = -1
    seen_core = False
    for j in range(i, len(words)):
        w = words[j]
        member = (
            j == i
            and w in MEMBER_TITLES
            and j + 1 < len(words)
            and fold(words[j + 1]) not in lex.role_nouns  # "Deputy Head of Mission"
        )
        if w in lex.honorifics or w in CORE_TITLES or member:
            title_end, seen_core = j, True
        elif w in lex.titles or is_geo_word(w) or w in _TITLE_MODIFIERS:
            of_place = is_geo_word(w) and words[j - 1] in ("of", "for")
            if seen_core and (w in lex.titles or of_place) and j + 1 < len(words):
                title_end = j  # "Secretary of State", "Envoy for Yemen": the title runs on
            continue
        elif (
            w in ("of", "for")
            and seen_core
            and j + 1 < len(words)
            and (words[j + 1] in lex.titles or is_geo_word(words[j + 1]))
        ):
            continue
        elif (
            j + 3 < len(words)
            and words[j + 1] in CORE_TITLES
            and words[j + 1] not in lex.honorifics  # "Abdirahman Sheikh Nur Ali" is a name
            and words[j][:1].isupper()
            and fold(w) not in lex.first_names
        ):
            continue  # "Chief Election Commissioner": one unknown word before the office
        else:
            break
    return title_end


def portfolio_then_first_name(
    words: tuple[str, ...], i: int, title: str, lex: Lexicon
) -> tuple[int, str]:
    """ "Commissioner for | Enlargement Lena Hartikainen": a one-word portfolio (or one
    joined by "and") before a known first name ends the title; (where the name begins,
    the title)."""
    for j in range(i + 1, min(i + 5, len(words) - 1)):
        if fold(words[j]) in lex.first_names and fold(words[i]) not in lex.first_names:
            between = words[i:j]
            if all(w[:1].isupper() or w == "and" for w in between) and (
                len(between) == 1 or "and" in between
            ):
                return j, " ".join(words[:j])
            break
    return i, title
