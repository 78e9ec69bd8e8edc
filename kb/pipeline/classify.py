"""What one capitalised piece of text is: a person, an organisation, or nothing.

In:  the body, one piece of a capitalised run (its words with their offsets) and
     the title that led the run ("Foreign Minister"), if any.
Out: a ``Candidate`` with a kind and an evidence weight (0 for a bare guess, 2 for
     a title, a first name, a reporting verb, an appositive role, an organisation
     head word), or None when the piece is no actor (a place, a title alone, a
     news outlet, "the Simon Bolivar bridge").
Guarantees: pure; reads at most 60 characters before and 80 after the piece;
     the candidate's span lies inside the piece, or runs on over "and" for a
     head-first name ("Center for Strategic and International Studies").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kb.pipeline.entity import (
    MEDIA_HEADS,
    NOT_ORG_ACRONYMS,
    Candidate,
    Lexicon,
    actor_words,
    is_acronym,
    shared_lexicon,
)
from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.geo import is_geo_word, lookup
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.text import fold
from kb.pipeline.wordlists import words

ADMIN_RE = re.compile(
    r"\s+(?:administration|government|regime|presidency|era|years|cabinet|camp|loyalists)\b"
)
REPORT_AFTER_RE = re.compile(
    r"\s*,?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|told|tells|wrote|writes|added|adds|tweeted|declared|insisted|"
    r"stated|argued|warned|explained|noted|announced|asked|replied|urged|stressed|claimed|denied|"
    r"accused|accuses|expressed|condemned|denounced|acknowledged|confirmed|responded|reiterated|"
    r"affirmed|emphasi[sz]ed|vowed|welcomed|critici[sz]ed|rejected)\b"
)
# "an ally of President Ruiz, Pavel Orsk.": a role, a comma, then the name.
_ROLE_COMMA_RE = re.compile(r"\b([a-z][a-z-]+|[A-Z][a-z]+)\s*,\s+$")
# "Olivier Nduhungirehe of Rwanda": a name, then its country.
OF_COUNTRY_RE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")
REPORT_BEFORE_RE = re.compile(r"\b(?:said|says|wrote|writes|added|according to|told by|asked)\s+$")
ACRONYM_THING_RE = re.compile(
    r"\s+(?:law|act|bill|programme|program|plan|scheme|index|virus|boxes|delegates)\b"
)
ACRONYM_BEFORE_RE = re.compile(r"\bacronym\s+$")
ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$")
APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:who\b|(?:himself\s+|herself\s+)?(?:(one of)\s+)?"
    r"(?:(a|an|the|his|her|its|their)\s+)?([a-z][\w-]*|(?<=[a-z] )[A-Z][\w-]*))"
)
ORG_APPOSITIVE_RE = re.compile(r"\s*,\s+which\b")
PREV_WORD_RE = re.compile(r"([A-Za-z-]+)(,?)\s+$")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")
MEDIA_BEFORE_RE = re.compile(
    r"\b(?:news agency|newspaper|broadcaster|news channel|tv channel|television channel)\s+$", re.I
)
PLACE_AFTER_RE = re.compile(
    r"\s+(?:bridge|airport|street|avenue|boulevard|square|plaza|highway|motorway|crossing|"
    r"border crossing|stadium|metro station|station)\b"
)
MEDIA_AFTER_RE = re.compile(r"\s+(?:news agency|newspaper|daily|broadcaster)\b")
PARTY_MEMBER_AFTER_RE = re.compile(
    r"\s+(?:lawmakers?|legislators?|senators?|MPs?|deputy|deputies|congress(?:wo)?man)\s+[A-Z]"
)
# "said Land and Justice Party lawmaker ...": a party's first word before "and".
# A lower-case word before it: not "United Thai Nation and Democrat Party", a list.
# "the AU Peace and Security Council": a parent's acronym before it begins the name.
AND_BEFORE_RE = re.compile(r"(?:^|\s)(?:[a-z]+ |The |(?P<parent>[A-Z]{2,6}) )([A-Z][a-z]+) and $")
LINKED_BEFORE_RE = re.compile(
    r"(?:^|(?<=[a-z] )|(?<=[.,;:\n] ))([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*) "
    r"(?:por|para|pour|con|sin|de|del|des|du|et|y|e)(?: (?:el|la|los|las|le|les))? $"
)
NAME_ONLY_BEFORE_RE = re.compile(
    r"\b(?:gave|gives|give|giving) (?:his|her|their|only (?:his|her|their)) (?:first )?names? "
    r"(?:only )?as\s+$|\bidentified (?:only )?as\s+$"
)
_GROUP_NOUNS = frozenset(
    ["militia", "militias", "group", "groups", "rebels", "movement", "coalition", "fighters",
     "gang", "gangs", "faction", "factions", "alliance", "network", "party", "organisation",
     "organization", "force", "forces", "brigade", "brigades"]
)  # fmt: skip
KNOWN_AS_BEFORE_RE = re.compile(r"\b([a-z]+),? (?:also |better )?known as\s+$")
HONORIFIC_BEFORE_RE = re.compile(
    r"\b(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Sen|Rep|Gov|Capt|Lt|Maj)\."
    r"|head of (?:state|government))\s+$"
)
ORG_AFTER_RE = re.compile(
    r"\s+(?:opinion poll|poll|pollster|survey|company|firm|group|party|agency|bank)\b"
)
BRACKET_RE = re.compile(
    r"\s*\((?:often |also |commonly |widely )?(?:known as |called |or )?([A-Z][A-Za-z0-9&.]{1,9})\)"
)
IN_PLACE_RE = re.compile(r" in ([A-Z][\w-]*(?: [A-Z][\w-]*)*)$")
AND_MORE_RE = re.compile(r" and [A-Z][\w-]*(?: (?:of |in |for |the )*[A-Z][\w-]*)*")


def ends_with(rx: re.Pattern[str], before: str, longest: int) -> re.Match[str] | None:
    """``rx.search(before)`` for a pattern ``\\b(?:words)\\s+$`` whose words are at most
    ``longest`` characters: only the tail can match, so only the tail is scanned."""
    stripped = len(before.rstrip())
    if stripped == len(before):
        return None  # "\\s+$" needs trailing space
    return rx.search(before, max(0, stripped - longest))


def prev_word(before: str) -> re.Match[str] | None:
    """``PREV_WORD_RE.search(before)``, started where the last word run begins."""
    end = len(before.rstrip())
    if end == len(before):
        return None
    if end and before[end - 1] == ",":
        end -= 1
    start = end
    while start and before[start - 1] in _WORD_CHARS:
        start -= 1
    if start == end:
        return None
    return PREV_WORD_RE.search(before, start)


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
_PORTFOLIO = actor_words("portfolio_words")
_SEAT_TRAITS = Traits(True, False, False, False, False, False, False, False, False)


@lru_cache(maxsize=MEMO_ENTRIES)
def traits(words: tuple[str, ...], text: str) -> Traits | None:
    """None when the words alone rule out a name; names recur, so worked out once."""
    lex = shared_lexicon()
    if text in _SEATS:
        return _SEAT_TRAITS  # "the Kremlin": a body, though it stands for its country too
    if all(is_geo_word(w) or w in lex.titles for w in words) or is_geo_word(text):
        return None
    if len(words) == 1 and (
        words[0] in lex.stop or words[0] in lex.titles or words[0] in lex.honorifics
    ):
        return None
    if words[-1] in MEDIA_HEADS and len(words) > 1:
        return None
    if (
        words[-1] in _PORTFOLIO
        and not any(w in lex.org_heads and not w.endswith("al") for w in words)
        and not is_acronym(words[0])
    ):
        return None  # "(Minister of) International Cooperation": a portfolio, no actor
    head_first = len(words) > 2 and words[0] in lex.org_heads and words[1] in ("of", "for")
    folded_first = fold(words[0]) in lex.first_names
    first_lower = words[0].lower() in lex.first_names
    geo = any(is_geo_word(w) for w in words)
    # A reference name is an actor whatever its words: "Islamic State", "Ansar Allah".
    reference = reference_org(text) is not None
    return Traits(
        head_named=(
            any(w in lex.org_heads for w in words[1:])
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
        not_actor=not reference and any(w in lex.not_actor or is_geo_word(w) for w in words),
        geo=geo,
    )


def classify(
    body: str, piece: list[tuple[str, int, int]], title: str, lex: Lexicon
) -> Candidate | None:
    words = tuple([w for w, _s, _e in piece])
    start, end = piece[0][1], piece[-1][2]
    text = body[start:end]
    found = traits(words, text)
    if found is None:
        return None
    before = body[max(0, start - 60) : start]
    after = body[end : end + 80]
    cand = Candidate(start, end, text, len(words), None, 0, title=title, single=len(words) == 1)
    if ends_with(MEDIA_BEFORE_RE, before, 18):
        return None
    if PLACE_AFTER_RE.match(after):
        return None  # "the Simon Bolivar bridge" names a place after a person
    if MEDIA_AFTER_RE.match(after):
        return None  # "the official Saba news agency": an outlet's name, not an actor
    if not _organisation_by_form(body, cand, found, before, after):
        return None
    if cand.kind == "organization":
        return cand
    # Cheap test first: a post in lower case ends right before the name.
    reported_post = (
        not cand.single
        and cand.ntokens <= 4
        and before[-2:-1].islower()
        and _reported_post_before(body[max(0, start - 120) : start], lex)
    )
    # A post set off by a comma may be long: "the Special Representative of the
    # Secretary-General for the Democratic Republic of the Congo, X".
    set_off = body[max(0, start - 160) : start] if before.endswith(", ") else before
    return _person_by_context(
        cand, found, before, after, lex, reported_post=reported_post, set_off=set_off
    )


def _organisation_by_form(
    body: str, cand: Candidate, found: Traits, before: str, after: str
) -> bool:
    """Mark ``cand`` an organisation when its form says so (a head word, an acronym,
    a bracketed acronym after it); False when an acronym names a thing instead."""
    if found.head_named:
        cand.kind, cand.evidence = "organization", 2
    elif found.acronym:
        if cand.single and ACRONYM_THING_RE.match(after):
            return False
        if ends_with(ACRONYM_BEFORE_RE, before, 7):
            return False
        cand.kind, cand.evidence = "organization", 1
    bracket = BRACKET_RE.match(body, cand.end)
    if (
        bracket
        and bracket.group(1) != cand.text
        and is_acronym(bracket.group(1))
        and lookup(bracket.group(1)) is None  # "(DPRK)" names a country
    ):
        cand.acronym_of = bracket.group(1)
        if cand.kind is None and not cand.title and not found.first_lower:
            cand.kind, cand.evidence = "organization", 2
    if cand.kind == "organization" and cand.text.split()[-1] in lex_heads():
        _run_back_over_and(body, cand)
    if cand.kind == "organization" and (found.head_first or _head_for(cand.text)):
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
    return True


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


def _person_by_context(
    cand: Candidate,
    found: Traits,
    before: str,
    after: str,
    lex: Lexicon,
    *,
    reported_post: bool = False,
    set_off: str = "",
) -> Candidate | None:
    """Weigh the evidence that a piece with no organisation form is a person; the
    context may still make it an organisation ("the group X", "X, which")."""
    evidence = 2 if cand.title else 0
    if found.first_name:
        evidence += 2
    reported_by = ends_with(REPORT_BEFORE_RE, before, 12)
    # "according to Eurostat": one unknown word after "according to" may be a body.
    if REPORT_AFTER_RE.match(after) or (
        reported_by and not (cand.single and reported_by.group().startswith("according"))
    ):
        evidence += 2
    if not cand.single and cand.ntokens <= 4 and _named_after_role(set_off or before, after, lex):
        evidence += 2
    if reported_post:
        evidence += 2
    if not cand.single and ends_with(HONORIFIC_BEFORE_RE, before, 22):
        # "Dr. Aminata N'Diaye", "head of state Abdulsalami Abubakar"
        evidence += 2
    if "as " in before[-4:] and NAME_ONLY_BEFORE_RE.search(before):
        evidence += 2  # "a nurse, who gave her name only as Mary"
    named_as = KNOWN_AS_BEFORE_RE.search(before) if "as " in before[-4:] else None
    if named_as and fold(named_as.group(1)) in lex.role_nouns:
        evidence += 2  # "a commander known as Abu Hudhaifa al-Ansari"
    elif named_as and fold(named_as.group(1)) in _GROUP_NOUNS:
        cand.kind, cand.evidence = "organization", 2  # "militias known as Wazalendo"
        return cand
    word = prev_word(before)
    # "the Argentinian analyst Atilio Boron, the group ...": a person's role just before
    # the name outweighs a body's noun in what follows.
    role_before = word is not None and fold(word.group(1)) in lex.role_nouns
    appositive = _appositive_evidence(after, role_before, lex)
    if appositive is None:
        cand.kind, cand.evidence = "organization", 2
        return cand
    evidence += appositive
    if word:
        noun = fold(word.group(1))
        if noun not in lex.role_nouns and noun.removesuffix("s") in lex.role_nouns:
            noun = noun.removesuffix("s")  # "his counterparts Felix Tshisekedi"
        if noun in lex.role_nouns and (found.named or noun not in lex.org_role_nouns):
            evidence += 2
        elif noun in lex.org_role_nouns:
            cand.kind, cand.evidence = "organization", 2
            return cand
    if PARTY_MEMBER_AFTER_RE.match(after) and not found.first_name:
        # "Primero Justicia lawmaker Tomás Vidal": the member's party before the name,
        # its first words over a Romance connector ("Juntos por el Cambio").
        cand.kind, cand.evidence = "organization", 2
        more = LINKED_BEFORE_RE.search(before)
        if more:
            cand.start -= len(before) - more.start(1)
            cand.text = before[more.start(1) :] + cand.text
            cand.ntokens = len(cand.text.split())
            cand.single = False
        return cand
    if ORG_AFTER_RE.match(after) and cand.single:
        cand.kind, cand.evidence = "organization", 1
        return cand
    if ORG_APPOSITIVE_RE.match(after) and not evidence:
        cand.kind, cand.evidence = "organization", 1
        return cand
    if (
        cand.single
        and ADMIN_RE.match(after)
        and not ends_with(ARTICLE_BEFORE_RE, before, 2)
        and not found.adjectival
    ):
        evidence += 2
    if found.not_actor and (evidence < 2 or found.geo):
        return None
    cand.kind, cand.evidence = "person", evidence
    return cand


_REPORTED_POST_RE = re.compile(
    r"\b(?:said|says|added|told|according to)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['\u2019]s\s+)?((?:[a-z][\w-]*\s+){1,8})$"
)


def _reported_post_before(before: str, lex: Lexicon) -> bool:
    """ "said deputy minister of foreign affairs and international cooperation X": a
    reporting verb, then a post in lower case, then the name."""
    match = _REPORTED_POST_RE.search(before)
    return match is not None and any(fold(w) in lex.role_nouns for w in match.group(1).split())


def _named_after_role(before: str, after: str, lex: Lexicon) -> bool:
    """ "the criminal judge who approved them, Fredy Orellana.", "the Permanent
    Representative ... to the United Nations, Hwang Joon Kook,": a role noun or title
    in the clause before the comma; or "Olivier Nduhungirehe of Rwanda": a country
    after the name."""
    # Cheap tests first: most names are followed by no "of" and preceded by no comma.
    of_country = OF_COUNTRY_RE.match(after) if " of " in after[:5] else None
    if of_country and lookup(of_country.group(1)) is not None:
        return True
    if not before.rstrip().endswith(",") or not _ROLE_COMMA_RE.search(before, len(before) - 40):
        return False
    clause = re.split(r"[.;:!?\n“”\"()]", before)[-1]
    if clause == before:
        clause = clause.split(" ", 1)[-1]  # the window may start inside a word
    if not re.search(r"\b[a-z]{3,}\b", clause):
        return False  # "Key Representative Says, Restating ...": a headline in title case
    ordinary = words("ordinary_people")  # "A schoolteacher from Falam, X,"
    return any(
        w in lex.titles
        or fold(w) in lex.role_nouns
        or fold(w).removesuffix("s") in lex.role_nouns
        or w in ordinary
        for w in re.findall(r"[\w-]+", clause)
    )


def _appositive_evidence(after: str, role_before: bool, lex: Lexicon) -> int | None:
    """Person evidence from what follows a comma: 2 for ", who" or a role noun, 0 for
    nothing, None when a body's noun follows ("X, the group that ...")."""
    appositive = APPOSITIVE_RE.match(after)
    if not appositive:
        return 0
    if appositive.group(3) is None:
        return 2  # ", who ..."
    if appositive.group(1) or appositive.group(2) or fold(appositive.group(3)) in lex.role_nouns:
        # ", the president of ...", ", one of the alliance's leaders", ", head of ...":
        # a role anywhere in the first words makes a person; a body's noun, a body.
        nouns = [fold(n) for n in re.findall(r"[\w-]+", after[appositive.start(3) :])[:5]]
        if any(n in lex.role_nouns or n.removesuffix("s") in lex.role_nouns for n in nouns):
            return 2
        if any(n in lex.org_role_nouns for n in nouns) and not role_before:
            return None
    return 0
