"""Stances, the subject of a cue: who a clause ending at a cue is about.

In:  a ``Sentence`` (``stance_clause``) and the position of a cue.
Out: ``subjects_before``: the names right before the cue (adjacent, past an
     inserted phrase or a relative clause, "the group", "he", or shared with the
     verb or short verb phrase before "and"), how they attach, and the gap.
Guarantees: pure; never raises.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline import stance_cues as sc
from kb.pipeline.stance_clause import PREPOSITION_RE, Sentence, coordinated, group_named
from kb.pipeline.types import Mention

_INSERTED_RE = re.compile(
    r",\s*(?:which|who|an?|the|[a-z][\w-]*)\b[^,;()“”\"]*,(?P<rest>[\w\s']*)\Z"
)
# "X said he had met Y": "he" is X when X is the only person named before it.
_PRONOUN_RE = re.compile(r"(?<![\w'’])(?:he|she)\b(?P<rest>[\w\s']*)\Z")
_ANAPHOR_RE = re.compile(
    r".*(?<![\w'’])the\s+(?P<noun>\w+)\b(?:['’]s\s+members\b)?(?P<rest>[\w\s']*)$",
    re.IGNORECASE | re.DOTALL,
)


def subjects_before(s: Sentence, at: int, clause_start: int) -> tuple[list[Mention], str, int]:
    """The names the clause ending at ``at`` is about, how they attach, and the gap."""
    last = max((i for i, m in enumerate(s.names) if m.end <= at), default=None)
    inserted = _INSERTED_RE.search(s.body, clause_start, at)
    if (
        inserted
        and last is not None
        and s.names[last].start > inserted.start()
        and sc.fillers_only(inserted.group("rest"))
    ):
        # "Cuba, an ally of Venezuela, condemned": the name before the inserted phrase.
        last = max((i for i, m in enumerate(s.names) if m.end <= inserted.start()), default=None)
    if last is not None:
        gap = s.body[s.names[last].end : at]
        if gap.startswith(")") and s.body[s.names[last].start - 1 : s.names[last].start] == "(":
            gap = gap[1:]  # "the Economic Community of West African States (ECOWAS) imposed"
        mode = sc.subject_gap(gap) or _verb_and(gap)
        if mode == "relative" and s.names[last].kind != "person" and _WHO_RE.match(gap):
            # "X, head of the AEOI, who met Y": "who" is a person; a body named last is
            # in the apposition, and its holder is named before it.
            last = _person_before_apposition(s, last)
            if last is None:
                return [], "", 0
        if mode is not None:
            run = coordinated(s.names, s.body, last, True)
            # "Police arrested X on Monday and condemned Y": X is an object there.
            opens = mode != "verb_and" or _opens_clause(s, run[0])
            lead = s.body[max(s.start, run[0].start - 30) : run[0].start]
            if opens and not PREPOSITION_RE.search(lead):
                return run, mode, len(gap)
    # match, not search: the leading ".*" already tries every start, and search
    # retried it from each one, quadratic in the clause when nothing matched.
    anaphor = _ANAPHOR_RE.match(s.body[clause_start:at])
    if anaphor and sc.fillers_only(anaphor.group("rest")):
        group = group_named(s, anaphor.group("noun"), at)
        if group:
            return [group], "anaphor", len(anaphor.group("rest"))
    pronoun = _PRONOUN_RE.search(s.body, s.start, at)
    if pronoun and sc.fillers_only(pronoun.group("rest")):
        people = {m.name: m for m in s.names if m.kind == "person" and m.end <= pronoun.start()}
        if len(people) == 1:
            return list(people.values()), "pronoun", len(pronoun.group("rest"))
    before = s.body[max(clause_start, s.last_cue_end) : at]
    shared = re.search(r"\band\s+(?P<rest>[\w\s']*)$", before)
    if (
        s.last_subjects
        and s.last_cue_end > clause_start
        and shared
        and sc.fillers_only(shared.group("rest"))
    ):
        return s.last_subjects, "shared", 0
    return [], "", 0


_WHO_RE = re.compile(r"\s*\)?\s*,\s*who\b")


def _person_before_apposition(s: Sentence, index: int) -> int | None:
    """The person an apposition naming ``s.names[index]`` is set off after."""
    for k in range(index - 1, -1, -1):
        m = s.names[k]
        if m.kind == "person" and s.body[m.end : m.end + 2] == ", ":
            return k
        if m.kind == "person":
            return None
    return None


_VERB_AND_RE = re.compile(r"(?P<pre>\s+[a-z][\w\s'’-]*?)\s+and\s+(?P<rest>[\w\s']*)")


def _verb_and(gap: str) -> str | None:
    """ "Castillo had announced a curfew and attempted to dissolve Congress": the
    subject of a short verb phrase (no name, comma or clause word in it) is the
    subject of the verb after "and" too."""
    hit = _VERB_AND_RE.fullmatch(gap)
    if hit is None or not sc.fillers_only(hit["rest"]):
        return None
    words = hit["pre"].lower().split()
    compound = {w for ws in sc.data()["compound"].values() for w in ws}
    blocked = sc.words("verb_and_blockers") | compound
    if len(words) > 6 or any(w in blocked for w in words):
        return None
    return "verb_and"


def _opens_clause(s: Sentence, first: Mention) -> bool:
    """Nothing but capitalised words, determiners and titles before ``first`` in its
    sentence (past a comma), or ``first`` is an acronym in brackets: a subject."""
    if s.body[first.start - 1 : first.start] == "(":
        return True
    lead = s.body[s.start : first.start]
    lead = lead[lead.rfind(",") + 1 :]
    allowed = sc.words("object_fillers")
    return all(
        w[0].isupper() or w.lower() in allowed or w.isdigit()
        for w in re.findall(r"[^\W_][\w'’-]*", lead)
    )
