"""What one capitalised piece of text is: a person, an organisation, or nothing.

In:  the body, one piece of a capitalised run (its words with their offsets) and
     the title that led the run ("Foreign Minister"), if any.
Out: a ``Candidate`` with a kind and an evidence weight (0 for a bare guess, 2 for
     a title, a first name, a reporting verb, an appositive role, an organisation
     head word), or None when the piece is no actor (a place, a title alone, a
     news outlet, "the Simon Bolivar bridge"). A piece with no body's form is
     weighed as a person by its context in ``person_context``.
Guarantees: pure; reads at most 60 characters before and 80 after the piece
     (160 before for a post set off by a comma, 120 for one after a verb);
     the candidate's span lies inside the piece, or runs on past it where an
     organisation's name does (``body_extent``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kb.pipeline.body_extent import BRACKET_RE, long_acronym, run_on
from kb.pipeline.entity import (
    CORE_TITLES,
    MEDIA_HEADS,
    NOT_ORG_ACRONYMS,
    Candidate,
    Lexicon,
    actor_words,
    is_acronym,
    shared_lexicon,
)
from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.geo import is_geo_word, is_state, lookup
from kb.pipeline.name_trims import FAMILY_FIRST, syllable_after
from kb.pipeline.person_context import TOLD_TO_BEFORE_RE, ends_with, person_by_context
from kb.pipeline.person_posts import reported_post_before
from kb.pipeline.post_context import post_continues, post_joins, qualifies_post
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.text import fold

ACRONYM_THING_RE = re.compile(
    r"\s+(?:law|act|bill|programme|program|plan|scheme|index|virus|boxes|delegates)\b"
)
ACRONYM_BEFORE_RE = re.compile(r"\bacronym\s+$")
MEDIA_BEFORE_RE = re.compile(
    r"\b(?:news agency|newspaper|broadcaster|news channel|tv channel|television channel)\s+$", re.I
)
PLACE_AFTER_RE = re.compile(
    r"\s+(?:bridge|airport|street|avenue|boulevard|square|plaza|highway|motorway|crossing|"
    r"border crossing|stadium|metro station|station)\b"
)
_MEASURE_AFTER_RE = re.compile(
    r"\s+(?:readings?|levels?|figures|data|prices|rates|scores|values|statistics|forecasts?|"
    r"estimates|projections|sales|exports|imports|ratings?)\b"
)
_ADMINISTRATIONS = frozenset(
    ["Regional", "Military", "Interim", "Transitional", "Civil", "Provincial", "State", "City"]
)
_CONTRACTIONS = tuple(a + e for a in ("'", "\u2019") for e in ("ve", "re", "ll", "m", "d"))
_HEAD_QUALIFIERS = frozenset(
    ["National", "Federal", "Central", "Supreme", "High", "General", "International", "Higher"]
)
_PLACE_HEADS = frozenset(
    ["Bridge", "Airport", "Street", "Avenue", "Boulevard", "Square", "Plaza", "Highway",
     "Motorway", "Crossing", "Stadium"]
)  # fmt: skip
MEDIA_AFTER_RE = re.compile(r"\s+(?:news agency|newspaper|daily|broadcaster)\b")
# "said Land and Justice Party lawmaker ...": a party's first word before "and".
# A lower-case word before it: not "United Thai Nation and Democrat Party", a list.
# "the AU Peace and Security Council": a parent's acronym before it begins the name.
# "The African Union's Peace and Security Council": the owner's possessive, the same.


# "M23", "G20": a group named by letters and a number (not "Q3", a quarter).
_NUMBERED_GROUP_RE = re.compile(r"[A-PR-Z]{1,3}[0-9]{1,3}")


class Traits(NamedTuple):
    """What ``classify`` reads from a piece's words alone."""

    head_named: bool  # an organisation head word, a web address: an organisation
    acronym: bool  # "OSCE": an organisation unless the context says otherwise
    head_first: bool  # "Center for ...": may run on over "and"
    first_lower: bool  # the first word, lower-cased, is a first name
    first_name: bool  # person evidence from a common first name
    named: bool  # the folded first word is a first name
    adjectival: bool  # "Chavist", "Bolivarian": not a name before "government"
    not_actor: bool  # a not-actor word or a place among the words
    geo: bool  # a place among the words


_SEATS = actor_words("seats_of_government")
_ROMANCE_HEADS = frozenset(actor_words("romance_org_heads"))
_PORTFOLIO = actor_words("portfolio_words")
_SEAT_TRAITS = Traits(True, False, False, False, False, False, False, False, False)


# Words that make "<X> Government" a kind of government, not a body's name ("National
# Unity Government" is one).
_GOVERNMENT_KINDS = frozenset(
    ["Government", "Federal", "Transitional", "Interim", "Provisional", "Central", "Regional"]
)


@lru_cache(maxsize=MEMO_ENTRIES)
def traits(words: tuple[str, ...], text: str) -> Traits | None:
    """None when the words alone rule out a name; names recur, so worked out once."""
    lex = shared_lexicon()
    if text in _SEATS:
        return _SEAT_TRAITS  # "the Kremlin": a body, though it stands for its country too
    if (
        all(is_geo_word(w) or w in lex.titles for w in words)
        or is_geo_word(text)
        or (text.isupper() and is_geo_word(text.title()))  # "Text by: FRANCE 24"
    ):
        return None
    if len(words) == 1 and (
        words[0] in lex.stop
        or words[0] in lex.titles
        or words[0] in lex.honorifics
        or words[0] in NOT_ORG_ACRONYMS  # "GDP", "S.J.", "ET": no one's name either
    ):
        return None
    if all(w in lex.honorifics or w in lex.stop for w in words):
        return None  # "(His) Excellency Mr": honorifics before a name cut off by "Mr."
    if words[-1] in MEDIA_HEADS and len(words) > 1:
        return None
    if len(words) > 1 and words[-1] in _PLACE_HEADS:
        return None  # "the Simón Bolívar International Bridge": a place, whatever its words
    if any(w.endswith(_CONTRACTIONS) for w in words):
        return None  # "Gao Wenjei: We've noted": a contraction opening a turn, no name
    if (
        len(words) > 1
        and words[-1] in CORE_TITLES
        and fold(words[0]) not in lex.first_names
        and not is_acronym(words[0])
        and not any(w in lex.org_heads or w in ("of", "for") for w in words)
    ):
        return None  # "(Chief) Electoral Officer (Mr. X)": a post, not a name
    if len(words) > 2 and words[0] in CORE_TITLES and words[1] == "of":
        return None  # "Superintendent of Police", "Commissioner of Police": a post, no body
    if words[-1] in ("Facility", "Facilities"):
        return None  # "the Extended Fund Facility": a loan programme, no body
    if "Government" in words and (
        any(is_geo_word(w) for w in words) or _GOVERNMENT_KINDS.issuperset(words[:-1])
    ):
        return None  # "the Korean Government", "Federal Government (of Somalia)": the state
    if (
        words[-1] in _PORTFOLIO
        and not any(w in lex.org_heads and not w.endswith("al") for w in words)
        and not is_acronym(words[0])
        and not (len(words) > 2 and words[-2] in _ADMINISTRATIONS)
    ):
        return None  # "(Minister of) International Cooperation": a portfolio, no actor
    # "Center for ...", and a Romance name's head first: "Frente Comunero del Sur".
    head_first = (
        (len(words) > 2 and words[0] in lex.org_heads and words[1] in ("of", "for", "Against"))
        or (len(words) > 1 and words[0] in _ROMANCE_HEADS)
        # "Somali Ministry of Fisheries and …", "National Institute for … Studies"
        or (
            len(words) > 3
            and (is_geo_word(words[0]) or words[0] in _HEAD_QUALIFIERS)
            and words[1] in lex.org_heads
            and words[2] in ("of", "for")
        )
    )
    folded_first = fold(words[0]) in lex.first_names
    first_lower = words[0].lower() in lex.first_names
    geo = any(is_geo_word(w) for w in _unsurnamed(words, lex, text))
    # A reference name is an actor whatever its words: "Islamic State", "Ansar Allah".
    reference = reference_org(text) is not None
    return Traits(
        head_named=(
            any(w in lex.org_heads for w in words[1:])
            # "Tigray Interim Regional Administration", "Oblast Military Administration"
            or (len(words) > 2 and words[-1] == "Administration" and words[-2] in _ADMINISTRATIONS)
            or (len(words) == 1 and words[0] in lex.org_heads)
            or head_first
            or text.endswith((".com", ".org", ".net", ".info"))
            or reference  # "Mercosur", "Arab League"
        ),
        # "J.K. Mensah": dotted initials before a name are a person's, not an acronym.
        acronym=(
            is_acronym(words[0])
            and words[0] not in NOT_ORG_ACRONYMS
            and lookup(words[0]) is None
            and not (len(words) > 1 and "." in words[0] and not geo)
        )
        or (len(words) == 1 and _NUMBERED_GROUP_RE.fullmatch(words[0]) is not None),
        head_first=head_first,
        first_lower=first_lower,
        first_name=(first_lower and len(words) > 1 and folded_first)
        or (folded_first and len(words) > 1),
        named=folded_first,
        adjectival=text.endswith(("ist", "ian", "ese", "ic")),
        not_actor=not reference
        and any(w in lex.not_actor or is_geo_word(w) for w in _unsurnamed(words, lex, text)),
        geo=geo,
    )


# A group's members or envoys after its name make it a group; no one's name is read
# so ("Maduro supporters"), since a person has loyalists, not fighters or a delegation.
_MEMBERS_AFTER_RE = re.compile(
    r" (?:fighters|militias|militiamen|militants|delegation|delegates|factions|combatants)\b"
)


def _surname(body: str, word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a first name, or a surname the article gives after one."""
    if fold(word) in lex.first_names:
        return True
    return any(
        fold(m.group(1)) in lex.first_names
        for m in re.finditer(rf"\b([A-Z][\w'\u2019-]+) {re.escape(word)}\b", body)
    )


_HYPHENED_GEO_RE = re.compile(r"([A-Z][\w']+)-([A-Z][\w']+)")


def _unsurnamed(words: tuple[str, ...], lex: Lexicon, text: str = "") -> tuple[str, ...]:
    """The words without a city's name that ends a surname after a particle, as
    "Lima" in "Ana Cláudia Ferreira de Lima" (pieces keep it when a first name leads),
    nor a state's name hyphened to a surname ("Talavera-Montenegro")."""
    if "-" in text:
        compounds = _HYPHENED_GEO_RE.findall(text)
        tails = {
            t for head, t in compounds if not is_geo_word(head) and not is_geo_word(f"{head}-{t}")
        }
        if tails:
            words = tuple(w for w in words if w not in tails)
    if (
        len(words) >= 3
        and fold(words[0]) in lex.first_names
        and any(is_geo_word(w) for w in words[1:-1])
        and not is_geo_word(words[-1])
        and not any(w in lex.org_heads for w in words)
    ):
        # "Rosa Argentina Mendieta y Lacayo": a state's name given as a middle name
        words = (words[0], *(w for w in words[1:-1] if not is_geo_word(w)), words[-1])
    if len(words) > 3 and words[-2] == "y" and any(fold(w) in lex.first_names for w in words[:-2]):
        return words[:-2]  # "Tomás Ignacio Carvajal y Montenegro": a mother's surname
    if (
        len(words) > 3
        and words[-2] in ("de", "da", "do")
        and not is_state(words[-1])
        and any(fold(w) in lex.first_names for w in words[:-2])
    ):
        return words[:-2]
    return words


def classify(
    body: str, piece: list[tuple[str, int, int]], title: str, lex: Lexicon
) -> Candidate | None:
    words = tuple([w for w, _s, _e in piece])
    start, end = piece[0][1], piece[-1][2]
    text = body[start:end]
    found = traits(words, text)
    if found is None or len(text) == 1:
        return None  # a lone letter ("W" of "W/ro") names no one
    before = body[max(0, start - 60) : start]
    after = body[end : end + 80]
    syllable = syllable_after(after) if words[0] in FAMILY_FIRST else None
    if syllable:
        after = after[syllable.end() :]  # "Hung Tzu-yun, told": what follows the whole name
    cand = Candidate(start, end, text, len(words), None, 0, title=title, single=len(words) == 1)
    if ends_with(MEDIA_BEFORE_RE, before, 18) and not TOLD_TO_BEFORE_RE.search(before):
        return None  # "the newspaper El Tiempo", not "“…,” told to this newspaper X"
    if cand.single and after[:1] == ")" and before.endswith(", ") and is_state(text):
        return None  # "X (PfE, BG)": a member's state as the parliament's record codes it
    if cand.single and _possessive_compound(body, text, before, after):
        return None  # "Cox's Bazar", twice and never apart: one place's name, no person
    if PLACE_AFTER_RE.match(after):
        return None  # "the Simon Bolivar bridge" names a place after a person
    if MEDIA_AFTER_RE.match(after):
        return None  # "the official Saba news agency": an outlet's name, not an actor
    if (
        cand.single
        and not found.acronym
        and _MEMBERS_AFTER_RE.match(after)
        and not _surname(body, text, lex)
    ):
        cand.kind, cand.evidence = "organization", 1  # "the Fano delegation", "Fano fighters"
        return cand
    if not _organisation_by_form(body, cand, found, before, after):
        return None
    if cand.kind == "organization":
        return cand
    if _MEASURE_AFTER_RE.match(after):
        return None  # "Air Pollutant Index readings rose": a measure's name, no one's
    if (
        not cand.single
        and fold(words[0]) not in lex.first_names
        and words[0] not in FAMILY_FIRST
        and post_joins(after)
    ):
        return None  # "(Refugee Relief) and Repatriation Commissioner X": a post's first half
    # Cheap test first: a post in lower case ends right before the name.
    reported_post = (
        not cand.single
        and cand.ntokens <= 4
        and before[-2:-1].islower()
        and reported_post_before(body[max(0, start - 120) : start], lex)
    )
    # A post set off by a comma may be long: "the Special Representative of the
    # Secretary-General for the Democratic Republic of the Congo, X".
    set_off = body[max(0, start - 160) : start] if before.endswith((", ", ") ")) else before
    judged = person_by_context(
        cand, found, before, after, lex, reported_post=reported_post, set_off=set_off
    )
    if judged is not None and body[judged.start : judged.end] != judged.text:
        return None  # a name grown over text read past a syllable: never a wrong span
    if (
        judged is not None
        and judged.kind == "person"
        and fold(words[0]) not in lex.first_names
        and qualifies_post(after, lex)
    ):
        return None  # "Kuomintang Kinmen (county councillor Yang)": the post's qualifier
    return judged


_CAPS_HONORIFICS = frozenset(["MR", "MS", "MRS", "DR"])
_STYLED_BEFORE_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Madam)\.?\s+$")


_OWNER_AFTER_RE = re.compile(r"(['\u2019])s ([A-Z][a-z]+)\b(?![ -]?[A-Z])")
_OWNER_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)(['\u2019])s $")


def _possessive_compound(body: str, text: str, before: str, after: str) -> bool:
    """ "Cox's Bazar", "Martha's Vineyard": a possessive and a capitalised word the
    article repeats as one unit and never splits names a place, not an owner."""
    owned = _OWNER_AFTER_RE.match(after)
    if owned:
        owner, mark, place = text, owned.group(1), owned.group(2)
    else:
        owner_match = _OWNER_BEFORE_RE.search(before)
        if owner_match is None:
            return False
        owner, mark, place = owner_match.group(1), owner_match.group(2), text
    whole = f"{owner}{mark}s {place}"
    count = body.count(whole)
    return count >= 2 and body.count(owner) == count


# A post in lower case right after a piece, then a name: "(Kuomintang Kinmen) county
# councillor Yang", "(Treasury) official Bradley Stone".
def _organisation_by_form(
    body: str, cand: Candidate, found: Traits, before: str, after: str
) -> bool:
    """Mark ``cand`` an organisation when its form says so (a head word, an acronym,
    a bracketed acronym after it); False when an acronym names a thing instead."""
    if found.head_named:
        cand.kind, cand.evidence = "organization", 2
    elif found.acronym:
        if cand.title in _CAPS_HONORIFICS:
            return True  # "MR PRICE:", "MS HOLLOWAY-REYES:": a transcript's speaker, a name
        family, given = [*cand.text.split(), ""][:2]
        if not cand.single and (
            _STYLED_BEFORE_RE.search(before[-8:])
            or (
                family.title() in FAMILY_FIRST
                and re.match(r"[A-Z][a-z]+(?:-[a-z]+)?$", given)
                and (len(family) > 2 or "-" in given)  # "the RA Narine X": the Republic's
            )
        ):
            # "Ms. CHEN Yi-ting", "Ambassador PARK Jae-hyun": a family name in capitals,
            # then the given name
            return True
        if (
            cand.single
            and cand.title
            and len(cand.text) >= 4
            and re.search(r"[AEIOU][^AEIOU\W]+[AEIOU]", cand.text)
            and reference_org(cand.text) is None
        ):
            return True  # "Press Secretary NAGAI:": a family name in capitals after a post
        if cand.single and ACRONYM_THING_RE.match(after):
            return False
        if ends_with(ACRONYM_BEFORE_RE, before, 7):
            return False
        if not cand.single and post_continues(after):
            return False  # "UN Resident (and Humanitarian Coordinator)": a post's first half
        cand.kind, cand.evidence = "organization", 1
    bracket = BRACKET_RE.match(body, cand.end)
    if (
        bracket
        and bracket.group(1) != cand.text
        and (is_acronym(bracket.group(1)) or long_acronym(bracket.group(1), cand))
        and lookup(bracket.group(1)) is None  # "(DPRK)" names a country
    ):
        cand.acronym_of = bracket.group(1)
        if cand.kind is None and not cand.title and not found.first_lower:
            cand.kind, cand.evidence = "organization", 2
    if cand.kind == "organization":
        run_on(body, cand, head_first=found.head_first)
    return True
