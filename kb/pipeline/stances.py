"""Stances: clean body and mentions in, subject-relation-object triples out.

In:  the clean body, actor and country mentions, the article's published date.
Out: ``StanceFound``s (supports, opposes, condemns, recognizes, sanctions,
     member_of, meets, invites), each stated by one clause: "Russia, China and
     Turkey back Ruiz" -> three (X supports Ruiz) sharing one evidence span,
     the whole sentence.
Rules (precision first; anything else gives nothing). Cue words are in
``data/stances.json``; ``stance_clause`` finds the names around a cue,
``stance_members`` handles membership, ``stance_time`` dates.
- Active: the coordinated names right before the cue, with only auxiliaries,
  adverbs, negators and time words between ("Russia and China continue to
  back"), past an inserted phrase ("Canada, which hosted the summit,
  recognised"); the names a relative clause hangs on ("Cuba and Bolivia, the
  countries that rejected ..."); after "and", the subject of the verb before
  ("... rejected X and stood by Y") or of a short verb phrase before "and" with
  no name, comma or clause word in it ("Castillo had announced a curfew and
  attempted to dissolve Congress"); an acronym in brackets ("the Economic
  Community of West African States (ECOWAS) imposed"); "the group" (the last
  organization so named); "he"/"she" when one person is named before in the sentence. The
  objects are the names right after the cue with only determiners, titles and
  a few plain words between; no preposition ("the arrest of X", "calls for
  X"); a possessive object only before "government", "regime" and the like,
  and for supports/opposes/condemns before what the owner does ("condemned
  Russia's invasion", "backs Baku's demand"; not "Y's arrest"); "the
  government of X" is X;
  past a title in apposition, the person closing the phrase ("talks with the
  Prime Minister of Kosovo, Albin Kurti", "Russia's deputy minister, X") and
  past an owner's noun, the names right after it ("Niger's neighbours Mali").
- Passive ("X is backed by Y"), holder ("X has the backing of Y"), "Y-backed
  X", "X, who is subject to Y sanctions": the sides swap.
- Appositions state support or opposition only with an explicit noun: "X, an
  ally of Y", "an ally of Y, X", "X, an outspoken critic of Y", "Y ally X";
  never "a former ally". "X's support for Y" is X supports Y.
- Meetings: "X met (with) Y", "held talks with", "spoke to", "the meeting
  between X and Y", "X and Y met", "X received Y" (people only).
  Membership: see ``stance_members`` ("X's Y Party", "X's party, Y", "Y
  leader X", "X, one of the leaders of Y", "X and Y are its only members"
  with one organization in the sentence before, "Y, which X joined in
  2017"); "since 2019", "joined ... in 2017" give ``valid_from``.
- "not", "never", "no longer", "refused to" before the cue set ``negated``.
- Hedges give nothing: "reportedly", "rumoured", "denies" anywhere in the
  sentence; "may", "is expected to", "urged", "would" from the comma before the
  stance's first name to the comma after its last.
- "X said (that) ...", "..., X said", "according to X" set ``speaker``.
- A demonym counts only as the state: "the Venezuelan government".
Confidence: 0.9 for one subject, cue and object in an active clause; 0.8 for
lists, "X and N other nations", the passive, holder phrases, meetings between
and "consists of"; 0.7 across an inserted or relative clause, a shared subject,
an apposition, a verb phrase before "and", "Y-backed", "X's support" or
"subject to sanctions"; 0.6 for
"the group" and "he"; 0.1 less when more than 40 characters separate a name
from its cue.
Guarantees: never raises; spans lie inside the body.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from functools import lru_cache

from kb.pipeline import stance_clause as cl
from kb.pipeline import stance_cues as sc
from kb.pipeline import stance_members as mb
from kb.pipeline.geo import GeoMention
from kb.pipeline.stance_subjects import subjects_before
from kb.pipeline.stance_time import find_date, since_date
from kb.pipeline.text import may_contain, sentence_bounds
from kb.pipeline.types import Mention, StanceFound

_BY_RE = re.compile(r"\s+by\s+")


def _active(s: cl.Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    by = _BY_RE.match(s.body, cue.end())
    if by and cue.group().lower() in sc.cues().passive.get(relation, frozenset()):
        _passive(s, cue, relation, clause, by.end())
        return
    subjects, mode, s_gap = subjects_before(s, cue.start(), clause[0])
    if not subjects:
        return
    s.last_subjects, s.last_cue_end = subjects, cue.end()
    objects, o_gap = cl.objects_after(s, cue.end(), clause[1], relation)
    cap = 1.0
    if relation == "member_of":
        objects, cap = cl.member_objects(s, cue.end(), clause[1])
    if relation == "member_of" and not objects:
        objects, cap = _joined_relative(s, subjects, cue), 0.7
    if relation == "meets" and any(
        _PRESS_BEFORE_RE.search(s.body, max(0, m.start - 40), m.start) for m in subjects
    ):
        return  # "presenter Harriet Colquhoun speaks to X": an interview, no meeting
    received = relation == "meets" and cue.group().lower() in ("received", "receives")
    if received and any(m.kind != "person" for m in subjects + objects):
        return  # "X received Y in Abidjan": people only
    bare_meet = cue.group().lower() in ("met", "meet")
    if not objects and bare_meet and mode == "direct" and len(subjects) > 1:
        subjects, objects = subjects[:1], subjects[1:]  # "X and Y met in Munich"
    if not objects:
        return
    negated_from = subjects[-1].end
    if mode == "shared":
        negated_from = max(s.start, cue.start() - 40)
    elif mode == "verb_and":
        negated_from = s.body.rfind(" and ", s.start, cue.start())
    negated = cl.neither(s, subjects) or sc.negates(s.body[negated_from : cue.end()])
    after = s.body[cue.end() : clause[1]]
    valid_from = since_date(s.body[clause[0] : clause[1]], s.published)
    if relation == "member_of" and cue.group().lower() in ("joined", "joins"):
        valid_from = valid_from or find_date(after, s.published)
    sure = cl.confidence_of(cl.MODE_CONFIDENCE[mode], subjects, objects, max(s_gap, o_gap))
    facts = cl.Facts(min(sure, cap), negated, valid_from)
    cl.emit(s, subjects, relation, objects, facts)


_PRESS_BEFORE_RE = re.compile(
    r"\b(?:presenter|reporter|journalist|correspondent|host|anchor|interviewer)\s+$", re.I
)
_WHICH_RE = re.compile(r"\s*,?\s*(?:which|that)\s+$")


def _joined_relative(s: cl.Sentence, subjects: list[Mention], cue: re.Match[str]) -> list[Mention]:
    """ "the Lima Group, which Canada joined in 2017": the organization the relative hangs on."""
    if cue.group().lower() not in ("joined", "joins"):
        return []
    group = max(
        (m for m in s.names if m.end <= subjects[0].start), key=lambda m: m.end, default=None
    )
    if group is None or group.kind != "organization":
        return []
    return [group] if _WHICH_RE.fullmatch(s.body, group.end, subjects[0].start) else []


def _passive(
    s: cl.Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int], by_end: int
) -> None:
    """ "X is backed by Y", "X, backed by Y,": Y supports X."""
    last = max((i for i, m in enumerate(s.names) if m.end <= cue.start()), default=None)
    if last is None or s.names[last].start < clause[0]:
        return
    gap = s.body[s.names[last].end : cue.start()]
    if sc.subject_gap(gap) not in ("direct", "relative") and gap.strip() != ",":
        return
    patients = cl.coordinated(s.names, s.body, last, True)
    agents, o_gap = cl.objects_after(s, by_end, clause[1])
    if agents:
        confidence = cl.confidence_of(0.8, [], [], max(len(gap), o_gap))
        cl.emit(s, agents, relation, patients, cl.Facts(confidence, sc.negates(gap)))


def _holder(s: cl.Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    """ "X has the backing of Y": Y supports X."""
    patients, mode, s_gap = subjects_before(s, cue.start(), clause[0])
    agents, o_gap = cl.objects_after(s, cue.end(), clause[1])
    if patients and agents and mode not in ("shared", "verb_and"):
        confidence = cl.confidence_of(0.8, [], [], max(s_gap, o_gap))
        negated = sc.negates(s.body[patients[-1].end : cue.end()])
        cl.emit(s, agents, relation, patients, cl.Facts(confidence, negated))


_APPOSITION_END_RE = re.compile(r"\s*(?:[,.;:)–—]|$|\s(?:who|which)\b)")


def _appositive(s: cl.Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    """ "X, an outspoken critic of Y," and "an ally of Y, X": X opposes / supports Y."""
    if cl.is_former(s, cue.start()) or cl.is_former(s, cue.end() + 1):
        return
    objects, o_gap = cl.objects_after(s, cue.end(), clause[1])
    cap = 1.0
    if relation == "member_of":
        objects, cap = cl.member_objects(s, cue.end(), clause[1])
    if not objects:
        return
    last = max((i for i, m in enumerate(s.names) if m.end <= cue.start()), default=None)
    gap = s.body[s.names[last].end : cue.start()] if last is not None else ""
    negated = False
    if last is not None and (gap.strip() == "," or sc.fillers_only(gap)):
        subjects = cl.coordinated(s.names, s.body, last, True)
        negated = sc.negates(gap)
    else:
        after = re.match(r"\s*,\s*", s.body[objects[-1].end : clause[1]])
        if not after:
            return
        subjects, _g = cl.objects_after(s, objects[-1].end + after.end(), clause[1])
        subjects = subjects[:1]
        if not subjects or not _APPOSITION_END_RE.match(s.body, subjects[0].end):
            return
    since = since_date(s.body[cue.end() : clause[1]], s.published)
    sure = min(cl.confidence_of(0.7, subjects, objects, o_gap), cap)
    facts = cl.Facts(sure, negated, since)
    cl.emit(s, subjects, relation, objects, facts)


def _nominal(s: cl.Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    """ "X's vocal support for Y": X supports Y."""
    owner = next(
        (m for m in s.names if re.fullmatch(r"['’]s\s+", s.body[m.end : cue.start()])), None
    )
    objects, o_gap = cl.objects_after(s, cue.end(), clause[1])
    if owner and objects and not cl.is_former(s, owner.start):
        cl.emit(s, [owner], relation, objects, cl.Facts(cl.confidence_of(0.7, [], objects, o_gap)))


_HEAD_RE = re.compile(r"\s+(\w+)\b\s*,?\s*")


@lru_cache(maxsize=1)
def _compound_nouns() -> dict[str, str]:
    return {w: rel for rel, ws in sc.data()["compound"].items() for w in ws}


def _compound(s: cl.Sentence) -> None:
    """ "Ruiz ally Tomas Vidal", "a close Ruiz ally, the businessman Pavel Orsk",
    "Ruiz supporter Peru": the second name supports (opposes) the first; "Hamas
    leader X", "NATO member Turkey": the second is a member of the first."""
    nouns = _compound_nouns()
    for i, m in enumerate(s.names[:-1]):
        head = _HEAD_RE.match(s.body, m.end, s.end)
        relation = nouns.get(head.group(1).lower()) if head else None
        if head is None or relation is None or cl.is_former(s, m.start):
            continue
        clause = cl.clause_around(s, m.end, head.end())
        subjects, gap = cl.objects_after(s, head.end(), clause[1])
        if relation == "member_of" and (m.kind != "organization" or subjects[:1] == [m]):
            continue  # "Hamas leader X", "NATO member Turkey": only an organization's
        if subjects and subjects[0] is s.names[i + 1]:
            facts = cl.Facts(cl.confidence_of(0.7, [], [], gap))
            cl.emit(s, subjects[:1], relation, [m], facts)


_UNDER_SANCTIONS_RE = re.compile(
    r"\b(?:subject to|under|targeted by|hit by|faces|facing)\s+(?:new |fresh |sweeping |"
    r"economic |the )?$"
)


def _under_sanctions(s: cl.Sentence) -> None:
    """ "Consuelo Porras, who is subject to US sanctions": US sanctions Porras."""
    if s.body.find("sanctions", s.start, s.end + 12) < 0:
        return  # the usual sentence: no need to look after each name
    for i, m in enumerate(s.names):
        if not re.match(r"\s+sanctions\b", s.body[m.end : m.end + 12]):
            continue
        lead = _UNDER_SANCTIONS_RE.search(s.body, max(s.start, m.start - 30), m.start)
        if lead is None or i == 0:
            continue
        target = s.names[i - 1]
        gap = s.body[target.end : lead.start()]
        if sc.subject_gap(gap) is not None or gap.strip() == ",":
            confidence = cl.confidence_of(0.7, [], [], len(gap))
            cl.emit(s, [m], "sanctions", [target], cl.Facts(confidence, sc.negates(gap)))
            s.spans[-1] = (lead.start(), m.end)  # the relative clause states it


_BETWEEN_RE = re.compile(r"\b(?:meeting|meetings|talks|encounter|summit)\s+between\s+", re.I)


def _between(s: cl.Sentence) -> None:
    """ "the meeting between X and Y": X meets Y."""
    if not may_contain(s.body, "between", s.start, s.end):
        return
    for hit in _BETWEEN_RE.finditer(s.body, s.start, s.end):
        clause = cl.clause_around(s, hit.start(), hit.end())
        names, gap = cl.objects_after(s, hit.end(), clause[1])
        if len(names) > 1:
            cl.emit(s, names[:1], "meets", names[1:], cl.Facts(cl.confidence_of(0.8, [], [], gap)))


def _hyphen(s: cl.Sentence) -> None:
    """ "the US-backed opposition leader Tomas Vidal": US supports Vidal."""
    if s.body.find("-backed", s.start, s.end) < 0:
        return  # the usual sentence: no slice, no regex
    for hit in re.finditer(r"-backed\b", s.body[s.start : s.end]):
        at = s.start + hit.start()
        backer = next((m for m in s.names if m.end == at), None)
        if backer is None:
            continue
        clause = cl.clause_around(s, at, at)
        objects, gap = cl.objects_after(s, s.start + hit.end(), clause[1])
        if objects:
            cl.emit(
                s, [backer], "supports", objects[:1], cl.Facts(cl.confidence_of(0.7, [], [], gap))
            )


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern[str]:
    verbs = "|".join(sorted(sc.words("speech_verbs")))
    return re.compile(rf"\b(?:{verbs})\b|\baccording to\b")


def _speaker(s: cl.Sentence, lo: int, hi: int) -> str | None:
    """Who states what lies in ``body[lo:hi]``: "X said (that) ...", "..., X said"."""
    for verb in _speech_re().finditer(s.body, s.start, s.end):
        if verb.start() < lo and not verb.group().startswith("according"):
            # "X said (on Monday) (that) ...": the name right before the verb.
            last = max(
                (m for m in s.names if m.end <= verb.start()), key=lambda m: m.end, default=None
            )
            if last and sc.fillers_only(s.body[last.end : verb.start()]):
                return last.name
        elif verb.start() >= hi:
            # "..., X said." or "..., said X." or "according to X".
            after = next((m for m in s.names if m.start >= verb.end()), None)
            before = max(
                (m for m in s.names if hi <= m.start and m.end <= verb.start()),
                key=lambda m: m.end,
                default=None,
            )
            if after and sc.object_gap(s.body[verb.end() : after.start]):
                return after.name
            if before and sc.fillers_only(s.body[before.end : verb.start()]):
                return before.name
    return None


def _hedged(s: cl.Sentence, lo: int, hi: int) -> bool:
    """A hedge in the phrases holding the stance: from the comma before its first
    name (or a relative clause's start) to the comma after its last."""
    start = max(s.start, s.body.rfind(",", s.start, lo) + 1)
    stop = s.body.find(",", hi, s.end)
    window = s.body[start : stop if stop >= 0 else s.end]
    # A cue's own words ("demanded the resignation of") do not hedge it.
    return sc.hedged(sc.cues().blanked(window))


def _sentence(s: cl.Sentence) -> list[StanceFound]:
    if sc.strongly_hedged(s.body, s.start, s.end):
        return []
    for cue in sc.cues().finditer(s.body, s.start, s.end):
        kind, relation = sc.cue_of(cue)
        clause = cl.clause_around(s, cue.start(), cue.end())
        if kind == "active":
            _active(s, cue, relation, clause)
        elif kind == "holder":
            _holder(s, cue, relation, clause)
        elif kind == "ended":
            mb.ended_membership(s, cue, clause)
        elif kind == "includes":
            mb.includes_members(s, cue, clause)
        elif kind == "appositive":
            _appositive(s, cue, relation, clause)
        elif kind == "nominal":
            _nominal(s, cue, relation, clause)
        elif kind == "removed":
            mb.removed_member(s, cue, clause)
        else:
            mb.among_members(s, cue, clause)
    _hyphen(s)
    _compound(s)
    mb.party_of_person(s)
    _between(s)
    _under_sanctions(s)
    out: dict[tuple[str, str, str, bool], StanceFound] = {}
    for stance, (lo, hi) in zip(s.found, s.spans, strict=True):
        key = (stance.subject.name, stance.relation, stance.object.name, stance.negated)
        if key not in out and not _hedged(s, lo, hi):
            speaker = _speaker(s, lo, hi)
            out[key] = replace(stance, speaker=speaker) if speaker else stance
    return list(out.values())


def find_stances(
    body: str,
    mentions: list[Mention],
    geo: list[GeoMention] | None = None,
    published: date | None = None,
) -> tuple[StanceFound, ...]:
    del geo  # countries already arrive as mentions
    names = cl.usable_names(body, mentions)
    starts = [m.start for m in names]
    orgs = [m for m in names if m.kind == "organization"]
    org_ends = [m.end for m in orgs]
    found: list[StanceFound] = []
    for s_start, s_end in sentence_bounds(body):
        lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
        if hi == lo:
            continue
        before = orgs[: bisect_left(org_ends, s_start)]
        sentence = cl.Sentence(body, s_start, s_end, names[lo:hi], before, published)
        found.extend(_sentence(sentence))
    return tuple(found)
