"""The verb's subject among the names of the clause before a cue: the nearest one, once
the names that cannot be it are set aside.

In:  the clean body, the mentions of the clause before a reporting verb (``inside``), where
     the sentence and the verb start, and whether the clause holds one cue only.
Out: ``nearest_subject``: the speaking ``Mention`` or None; ``joint_subjects``: whether
     the subject is two bodies or states joined by "and".
Set aside: a possessor ("X's appointment"), a name a preposition governs ("the leader of
the X"), brackets qualifying a name, relative clauses and "one of …" appositions, a
country in a post when a person or body is named, and a state's name ending a longer one.
No one speaks for a list of subjects ("France, Germany and Britain said"), a possessed
body ("his party says") or a post qualified by a name ("An RSF commander said").
Guarantees: pure; the mention returned is one of those given.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.speaker_names import LOWER_TITLES
from kb.pipeline.speaker_subjects import SPEAKS_FOR_BODY, government_of, word_before
from kb.pipeline.types import Mention
from kb.pipeline.wordlists import words

_PREPOSITIONS = words("prepositions")
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
OWN_GOVERNMENT_RE = re.compile(
    r"\s+(?:(?:new|interim|transitional|military|current|caretaker)\s+)?"
    r"(?:government|administration)\s+(?:(?:has|have|had|also)\s+)*$"
)
_SET_OFF_NAME_RE = re.compile(r",\s+(?:[A-Z][\w.-]*\s+){0,3}")
_CAPITAL_BEFORE_RE = re.compile(r"\b[A-Z][\w’'-]*\s+$")


def joint_subjects(body: str, inside: list[Mention], cue_start: int) -> bool:
    """Whether the verb's subject is two bodies or states joined by "and", each perhaps
    with its bracketed acronym: "The IOM and the UN Refugee Agency (UNHCR) manifested"."""
    names = [m for m in inside if m.kind in ("organization", "country")]
    if len(names) < 2 or not _ACRONYM_TAIL_RE.fullmatch(body, names[-1].end, cue_start):
        return False
    last = names[-1]
    before = [m for m in names if m.end <= last.start]
    if before and body[before[-1].end : last.start].strip() == "(":
        last = before[-1]  # "the UN Refugee Agency (UNHCR)": the name its acronym defines
        before = [m for m in names if m.end <= last.start]
    return bool(before) and _JOINED_RE.fullmatch(body, before[-1].end, last.start) is not None


_ACRONYM_TAIL_RE = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\)?\s+(?:(?:also|again|jointly|both|have|has|had)\s+)*"
)
_JOINED_RE = re.compile(r"\)?(?:\s*\([^()]{1,20}\))?\s+(?:and|as well as)\s+(?:the\s+)?")
_VERB_NEXT_RE = re.compile(r"\s+(?:(?:also|again|later|then|itself|has|have|had)\s+)*")
_RELATIVE_RE = re.compile(r",\s+(?:whose|who|which|where)\b[^,;:“”\"]*,")
# "The rector, one of five members of the council's board, said": the apposition's names
PART_OF_RE = re.compile(
    r",\s+(?:(?:one|some|several|many|each|both|none) of|an? member of)\s[^,;:“”\"]*,"
)
_POSSESSED_RE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[a-z][\w-]*\s+(?:\w+\s+)?$")
_PERSON_OF_RE = re.compile(
    r"\b(?:representative|delegate|envoy|ambassador|official|diplomat)s?\s+(?:of|for|from)\s+"
    r"(?:the\s+)?$"
)
SPOKES_OF_RE = re.compile(r"\bspokes(?:man|woman|person)\s+(?:of|for)\s+(?:the\s+)?$")
# The last of several subjects: "France, Germany and Britain", "Peru and Chile".
_LISTED_RE = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*(?:,|,?\s*and|,?\s*or)\s+(?:the\s+)?")
_QUALIFIES_RE = re.compile(
    r"^\s+(?:[a-z][\w-]*\s+){0,3}(?:"
    + "|".join(re.escape(w) for w in sorted(LOWER_TITLES - SPEAKS_FOR_BODY))
    + r")\s+(?:(?:also|again|later|then)\s+)?$"
)


def nearest_subject(
    body: str, inside: list[Mention], prefix_start: int, cue_start: int, *, one_cue: bool
) -> Mention | None:
    """The subject of the verb at ``cue_start`` among ``inside``, the clause's names."""
    adjacent_subject = [m for m in inside if not body[m.end : cue_start].strip()]
    if adjacent_subject and _PERSON_OF_RE.search(
        body, max(prefix_start, adjacent_subject[-1].start - 40), adjacent_subject[-1].start
    ):
        return None  # "a charge the representative of the UAE rejected": unnamed
    spokes_of = [
        m for m in inside if SPOKES_OF_RE.search(body, max(prefix_start, m.start - 40), m.start)
    ]
    if spokes_of:
        named = next(
            (
                m
                for m in inside
                if m.kind == "person"
                and _SET_OFF_NAME_RE.fullmatch(body, spokes_of[-1].end, m.start)
            ),
            None,
        )
        # "The spokesperson of the Myanmar military, Brigadier General X, accused": X
        return named or spokes_of[-1]  # "the spokesperson of the EEAS answered": the body
    # A country in a title ("US President Donald Trump") is rarely the speaker when a
    # person or body is named.
    # "X's appointment": a possessor is not the subject of a later verb.
    inside = [
        m
        for m in inside
        if body[m.end : m.end + 2] not in ("'s", "’s")
        # "Peru's new government has said": a state's government is the state speaking
        or (m.kind == "country" and OWN_GOVERNMENT_RE.match(body, m.end + 2, cue_start))
    ]
    # "The leader of the X added", "between X factions, an official said": a name a
    # preposition governs is not the one speaking.
    # "The Government of Guyana … warned": the state speaks, though "of" governs its name.
    inside = [
        m
        for m in inside
        if word_before(body, m.start, prefix_start) not in _PREPOSITIONS or government_of(body, m)
    ]
    # "Jonas Vaitkevičius (Greens/EFA, Lithuania) warned": the brackets qualify the name.
    brackets = [
        (p.end, body.find(")", p.end, p.end + 60))
        for p in inside
        if p.kind == "person" and body.startswith(" (", p.end)
    ]
    inside = [m for m in inside if not any(lo < m.start < hi for lo, hi in brackets)]
    for relative in _RELATIVE_RE.finditer(body, prefix_start, cue_start):
        # "The SADC mission, whose head met the CNE president on Tuesday, said": the
        # relative clause's names are not the verb's subject.
        inside = [m for m in inside if not relative.start() <= m.start < relative.end()]
    actors_inside = [m for m in inside if m.kind in ("person", "organization")]
    if (
        one_cue  # not "Xu said Beijing urged Manila": Xu's words, the state's view
        and inside
        and inside[-1].kind == "country"
        and _VERB_NEXT_RE.fullmatch(body, inside[-1].end, cue_start)
        # not "in Port Sudan said": the state's name ends a longer one
        and not _CAPITAL_BEFORE_RE.search(
            body, max(prefix_start, inside[-1].start - 30), inside[-1].start
        )
    ):
        # "At a hearing of the IACHR in Washington, Peru said": a state right before the
        # verb is its subject, though a body was named earlier in the sentence.
        actors_inside = []
    every = inside
    inside = actors_inside or inside
    if inside and not _PRONOUN_RE.search(body, inside[-1].end, cue_start):
        last = inside[-1]
        before_last = [m for m in every if m.end <= last.start]
        if before_last and _LISTED_RE.fullmatch(body, before_last[-1].end, last.start):
            # "France, Germany and Britain said", "The United States and the European
            # Union called", "The IOM and UNHCR (…) manifested": no one voice
            return None
        if _POSSESSED_RE.search(body, last.end, cue_start):
            return None  # "He … his party says": the party speaks, not he
        if _QUALIFIES_RE.match(body[last.end : cue_start]):
            return None  # "The UN human rights office said", "An RSF commander said"
        return last
    return None  # no name, or a pronoun we could not resolve is nearer the verb
