"""Stances: clean body and mentions in, subject-relation-object triples out.

In:  the clean body, actor and country mentions, the article's published date.
Out: ``StanceFound``s, each stated by one clause: "Russia, China and Turkey
     back Maduro" -> three (X supports Maduro), sharing one evidence span.
Rules (precision first; anything else gives nothing):
- A cue phrase from ``data/stances.json`` gives the relation. The subject is
  the run of coordinated names right before it, with only auxiliaries,
  adverbs, negators and time words between ("Russia and China continue to
  back"); or the name a relative clause hangs on ("Canada, which has also
  backed", "Cuba and Bolivia, the countries that rejected"); or, after "and",
  the subject of the verb before it in the same clause. The objects are the
  run right after it, with only determiners and titles between ("backed the
  elected Venezuelan President Nicolás Maduro"); a possessive object counts
  only before "government", "regime", "attempt" and the like.
- Passive ("X is backed by Y") and holder phrases ("X has the backing of Y")
  swap the sides; "Y-backed X" is Y supports X.
- Membership: "X is a member of Y", "X joined Y" (``valid_from`` from "in
  2017"), "X, Y and Z are among the group's members", "Y consists of X and
  Z"; "X withdrew from / left / quit Y" gives ``valid_to`` (the date stated,
  else the published date; negated when neither is known). "the group" or
  "the bloc" is the last organization named whose name ends that way, else
  the last organization named.
- "not", "never", "no longer", "refused to" before the cue set ``negated``.
- A hedge gives nothing: "reportedly", "rumoured", "denies" anywhere in the
  sentence; "may", "is expected to", "urged", "would" from the comma before
  the stance's first name to the comma after its last. "X said (that) ..." sets ``speaker`` to X.
- Demonyms count only for the state: "the Venezuelan government".
Confidence: 0.9 for one subject, cue and object in an active clause; 0.8 for
lists, the passive, holder phrases and "consists of"; 0.7 across a relative
clause, an apposition, a shared subject, "Y-backed" or "the group"; 0.1 less
when more than 40 characters separate a name from its cue.
Every span is the whole sentence (the evidence).
Guarantees: never raises; spans lie inside the body.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from kb.pipeline import stance_cues as sc
from kb.pipeline.geo import GeoMention
from kb.pipeline.stance_time import find_date, since_date
from kb.pipeline.text import sentence_bounds
from kb.pipeline.types import Mention, Ref, StanceFound

_COORD_GAP_RE = re.compile(r"[\s,]*(?:and|or|nor|as well as)?[\s,]*(?:the\s+)?")
# A name after a preposition is not a clause's subject, except the owner in
# "the government of Iván Duque recognizes".
_PREPOSITION_RE = re.compile(
    r"(?<!government of )(?<!administration of )\b(?:of|by|with|from|to|for|against|between|"
    r"among|including|than|on|at|into|over|about|under|towards?|like|via|and)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BY_RE = re.compile(r"\s+by\s+")
_POSSESSIVE_RE = re.compile(r"^['’]s\s+(?P<words>(?:[\w-]+\s*){1,3})")


def _headed(words: str) -> bool:
    """ "Maduro's (parallel) government": a possessive object names the owner only
    before a head such as "government" or "regime", with at most two words before it."""
    heads = sc.words("object_heads")
    for word in words.lower().split():
        if word in heads:
            return True
        if word in sc.words("object_blockers"):
            return False
    return False


_BREAK_RE = re.compile(
    r";|\(|\)|,\s*(?:but|while|whereas|although|though)\b|\s(?:but|while|whereas|although)\s"
)
_MODE_CONFIDENCE = {
    "direct": 0.9,
    "others": 0.8,
    "interposed": 0.7,
    "relative": 0.7,
    "shared": 0.7,
    "anaphor": 0.6,
    "pronoun": 0.6,
}


@dataclass(slots=True)
class _Sentence:
    body: str
    start: int
    end: int
    names: list[Mention]  # subject and object candidates, in order
    orgs_before: list[Mention]  # organizations named before the sentence, last nearest
    published: date | None
    found: list[StanceFound] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # subject start, object end
    last_subjects: list[Mention] = field(default_factory=list)
    last_cue_end: int = -1


def _ref(m: Mention) -> Ref:
    return Ref("country" if m.kind in ("country", "demonym") else "actor", m.name)


def _usable(body: str, mentions: list[Mention]) -> list[Mention]:
    """Actors and countries; a demonym only where it stands for the state."""
    states = sc.words("state_nouns")
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "demonym":
            after = body[m.end : m.end + 30].split()
            if not after or after[0].lower().strip(",.;") not in states:
                continue
            m = Mention(m.start, m.end, m.name, "country")
        out.append(m)
    return sorted(out, key=lambda m: (m.start, -m.end))


def _run(names: list[Mention], body: str, first: int, backwards: bool) -> list[Mention]:
    """The coordinated names around ``names[first]``: "Russia, China, and Turkey"."""
    run = [names[first]]
    step = -1 if backwards else 1
    i = first + step
    while 0 <= i < len(names):
        m = names[i]
        gap = body[m.end : run[0].start] if backwards else body[run[-1].end : m.start]
        if not _COORD_GAP_RE.fullmatch(gap) or m.name in {r.name for r in run}:
            break
        if backwards:
            run.insert(0, m)
        else:
            run.append(m)
        i += step
    return run


def _objects(s: _Sentence, at: int, limit: int) -> tuple[list[Mention], int]:
    """The names right after ``at`` (with determiners and titles between), and the gap."""
    first = next((i for i, m in enumerate(s.names) if m.start >= at), None)
    if first is None or s.names[first].end > limit:
        return [], 0
    gap = s.body[at : s.names[first].start]
    if not sc.object_gap(gap):
        return [], 0
    run = [m for m in _run(s.names, s.body, first, False) if m.end <= limit]
    possessive = _POSSESSIVE_RE.match(s.body[run[-1].end : run[-1].end + 40])
    if possessive and not _headed(possessive.group("words")):
        return [], 0
    return run, len(gap)


def _subjects(s: _Sentence, at: int, clause_start: int) -> tuple[list[Mention], str, int]:
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
        mode = sc.subject_gap(gap)
        if mode is not None:
            run = _run(s.names, s.body, last, True)
            if not _PREPOSITION_RE.search(s.body[max(s.start, run[0].start - 30) : run[0].start]):
                return run, mode, len(gap)
    anaphor = _ANAPHOR_RE.search(s.body[clause_start:at])
    if anaphor and sc.fillers_only(anaphor.group("rest")):
        group = _group(s, anaphor.group("noun"), at)
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


def _confidence(base: float, subjects: list[Mention], objects: list[Mention], gap: int) -> float:
    value = base
    if base >= 0.9 and (len(subjects) > 1 or len(objects) > 1):
        value = 0.8
    if gap > 40:
        value -= 0.1
    return round(value, 2)


@dataclass(frozen=True, slots=True)
class _Facts:
    confidence: float
    negated: bool = False
    valid_from: date | None = None
    valid_to: date | None = None


def _emit(
    s: _Sentence, subjects: list[Mention], relation: str, objects: list[Mention], facts: _Facts
) -> None:
    for subj in subjects:
        for obj in objects:
            if subj.name == obj.name:
                continue
            s.found.append(
                StanceFound(
                    _ref(subj),
                    relation,
                    _ref(obj),
                    s.start,
                    s.end,
                    negated=facts.negated,
                    valid_from=facts.valid_from,
                    valid_to=facts.valid_to,
                    confidence=facts.confidence,
                )
            )
            s.spans.append((min(subj.start, obj.start), max(subj.end, obj.end)))


def _clause(s: _Sentence, at: int, end: int) -> tuple[int, int]:
    breaks = [m for m in _BREAK_RE.finditer(s.body, s.start, s.end)]
    start = max((m.end() for m in breaks if m.end() <= at), default=s.start)
    stop = min((m.start() for m in breaks if m.start() >= end), default=s.end)
    return start, stop


# An inserted phrase ending right before the cue: ", which hosted the summit," / ", an ally of Y,".
_INSERTED_RE = re.compile(
    r",\s*(?:which|who|an?|the)\b[^,;()“”\"]*,(?P<rest>[\w\s']*)\Z", re.IGNORECASE
)
# "X said he had met Y": "he" is X when X is the only person named before it.
_PRONOUN_RE = re.compile(r"(?<![\w'’])(?:he|she)\b(?P<rest>[\w\s']*)\Z")
_ANAPHOR_RE = re.compile(
    r".*(?<![\w'’])the\s+(?P<noun>\w+)\b(?:['’]s\s+members\b)?(?P<rest>[\w\s']*)$",
    re.IGNORECASE | re.DOTALL,
)
_GROUP_RE = re.compile(r"\s*(?:from\s+|of\s+)?the\s+(?:\w+\s+)?(?P<noun>\w+)\b")


def _group(s: _Sentence, noun: str, at: int | None = None) -> Mention | None:
    """What "the group" or "the bloc" stands for: see the module docstring."""
    orgs = s.orgs_before + [m for m in s.names if m.kind == "organization" and m.end <= (at or 0)]
    if noun.lower() not in sc.words("group_nouns") or not orgs:
        return None
    for m in reversed(orgs):
        if m.name.lower().split()[-1] == noun.lower():
            return m
    nearest = orgs[-1]
    return nearest if (at or s.start) - nearest.end < 500 else None


def _member_objects(s: _Sentence, at: int, limit: int) -> tuple[list[Mention], float]:
    """The organization(s) right after a membership cue, or "the group" resolved."""
    objects, _gap = _objects(s, at, limit)
    if objects and all(m.kind == "organization" for m in objects):
        return objects, 0.0
    group = _GROUP_RE.match(s.body, at, limit)
    if not objects and group:
        found = _group(s, group.group("noun"))
        if found:
            return [found], 0.2
    return [], 0.0


def _active(s: _Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    by = _BY_RE.match(s.body, cue.end())
    if by and cue.group().lower() in sc.cues().passive.get(relation, frozenset()):
        _passive(s, cue, relation, clause, by.end())
        return
    subjects, mode, s_gap = _subjects(s, cue.start(), clause[0])
    if not subjects:
        return
    s.last_subjects, s.last_cue_end = subjects, cue.end()
    objects, o_gap = _objects(s, cue.end(), clause[1])
    if relation == "member_of":
        objects, penalty = _member_objects(s, cue.end(), clause[1])
        o_gap += int(penalty * 1000)  # "the group" costs as much as a long gap
    bare_meet = cue.group().lower() in ("met", "meet")
    if not objects and bare_meet and mode == "direct" and len(subjects) > 1:
        subjects, objects = subjects[:1], subjects[1:]  # "X and Y met in Munich"
    if not objects:
        return
    negated = sc.negates(
        s.body[subjects[-1].end if mode != "shared" else cue.start() - 40 : cue.end()]
    )
    after = s.body[cue.end() : clause[1]]
    valid_from = since_date(s.body[clause[0] : clause[1]], s.published)
    if relation == "member_of" and cue.group().lower() in ("joined", "joins"):
        valid_from = valid_from or find_date(after, s.published)
    base = _MODE_CONFIDENCE[mode]
    facts = _Facts(_confidence(base, subjects, objects, max(s_gap, o_gap)), negated, valid_from)
    _emit(s, subjects, relation, objects, facts)


def _passive(
    s: _Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int], by_end: int
) -> None:
    """ "X is backed by Y", "X, backed by Y,": Y supports X."""
    last = max((i for i, m in enumerate(s.names) if m.end <= cue.start()), default=None)
    if last is None or s.names[last].start < clause[0]:
        return
    gap = s.body[s.names[last].end : cue.start()]
    if not (sc.fillers_only(gap) or gap.strip() == ","):
        return
    patients = _run(s.names, s.body, last, True)
    agents, o_gap = _objects(s, by_end, clause[1])
    if agents:
        confidence = _confidence(0.8, [], [], max(len(gap), o_gap))
        _emit(s, agents, relation, patients, _Facts(confidence, sc.negates(gap)))


def _holder(s: _Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    """ "X has the backing of Y": Y supports X."""
    patients, mode, s_gap = _subjects(s, cue.start(), clause[0])
    agents, o_gap = _objects(s, cue.end(), clause[1])
    if patients and agents and mode != "shared":
        confidence = _confidence(0.8, [], [], max(s_gap, o_gap))
        negated = sc.negates(s.body[patients[-1].end : cue.end()])
        _emit(s, agents, relation, patients, _Facts(confidence, negated))


def _ended(s: _Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "X withdrew from Y on Wednesday": X member_of Y until then."""
    subjects, mode, s_gap = _subjects(s, cue.start(), clause[0])
    objects, penalty = _member_objects(s, cue.end(), clause[1])
    if not subjects or not objects or sc.negates(s.body[subjects[-1].end : cue.end()]):
        return
    when = find_date(s.body[subjects[-1].end : clause[1]], s.published) or s.published
    base = _MODE_CONFIDENCE[mode] - penalty
    facts = _Facts(_confidence(base, subjects, objects, s_gap), when is None, None, when)
    _emit(s, subjects, "member_of", objects, facts)


_BODY_APPOSITION_RE = re.compile(
    r"\s*[,–—-]\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:group|bloc|body|alliance|coalition|"
    r"organi[sz]ation|union|grouping)\s*"
)
_ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _list_items(s: _Sentence, at: int, limit: int) -> list[Mention]:
    """Names that are whole items of the list after ``at``: "countries, nations and Canada"."""
    stretch = s.body[at:limit].split(".")[0]
    items, pos = [], at
    for part in _ITEM_SPLIT_RE.split(stretch):
        lo = s.body.index(part, pos) if part else pos
        pos = lo + len(part)
        bare = part.strip()
        if len(bare.split()) > 4:
            break
        bare = bare[4:] if bare.lower().startswith("the ") else bare
        items += [m for m in s.names if s.body[m.start : m.end] == bare and lo <= m.start < pos]
    return items


def _includes(s: _Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "The group consists of X and Y", "the bloc, a body including X": members."""
    groups, mode, _gap = _subjects(s, cue.start(), clause[0])
    if mode != "direct":
        last = max((m for m in s.names if m.end <= cue.start()), key=lambda m: m.end, default=None)
        if last is None or not _BODY_APPOSITION_RE.fullmatch(s.body[last.end : cue.start()]):
            return
        groups = [last]
    elif cue.group().lower() == "including":
        return
    if len(groups) != 1 or groups[0].kind != "organization":
        return
    members, o_gap = _objects(s, cue.end(), clause[1])
    members = members or _list_items(s, cue.end(), clause[1])
    members = [m for m in members if m.kind in ("country", "organization")]
    if members:
        confidence = _confidence(0.8 if mode == "direct" else 0.7, [], [], o_gap)
        _emit(s, members, "member_of", groups, _Facts(confidence))


def _among(s: _Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "X, Y and Z are among the group's members"."""
    subjects, mode, s_gap = _subjects(s, cue.start(), clause[0])
    noun = re.search(r"(\w+)['’]s\s", cue.group())
    group = _group(s, noun.group(1)) if noun else (s.orgs_before[-1] if s.orgs_before else None)
    if subjects and group and mode != "shared":
        facts = _Facts(_confidence(0.7, subjects, [], s_gap))
        _emit(s, subjects, "member_of", [group], facts)


def _former(s: _Sentence, at: int) -> bool:
    """ "a former ally of", "the erstwhile Maduro ally": a past relation, not a stance."""
    before = s.body[max(s.start, at - 25) : at].lower().replace("-", " ").split()
    return any(w in sc.words("former_words") for w in before[-3:])


_APPOSITION_END_RE = re.compile(r"\s*(?:[,.;:)–—]|$|\s(?:who|which)\b)")


def _appositive(s: _Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    """ "X, an outspoken critic of Y," and "an ally of Y, X": X opposes / supports Y."""
    if _former(s, cue.start()) or _former(s, cue.end() + 1):
        return
    objects, o_gap = _objects(s, cue.end(), clause[1])
    if not objects:
        return
    last = max((i for i, m in enumerate(s.names) if m.end <= cue.start()), default=None)
    gap = s.body[s.names[last].end : cue.start()] if last is not None else ""
    negated = False
    if last is not None and (gap.strip() == "," or sc.fillers_only(gap)):
        subjects = _run(s.names, s.body, last, True)
        negated = sc.negates(gap)
    else:
        after = re.match(r"\s*,\s*", s.body[objects[-1].end : clause[1]])
        if not after:
            return
        subjects, _g = _objects(s, objects[-1].end + after.end(), clause[1])
        subjects = subjects[:1]
        if not subjects or not _APPOSITION_END_RE.match(s.body, subjects[0].end):
            return
    since = since_date(s.body[cue.end() : clause[1]], s.published)
    facts = _Facts(_confidence(0.7, subjects, objects, o_gap), negated, since)
    _emit(s, subjects, relation, objects, facts)


def _removed(s: _Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "... removed Argentina from the Lima Group": Argentina was a member until then."""
    members, gap = _objects(s, cue.end(), clause[1])
    if not members:
        return
    source = re.match(r"\s+from\b", s.body[members[-1].end : clause[1]])
    if source is None or sc.negates(s.body[clause[0] : cue.start()]):
        return
    groups, penalty = _member_objects(s, members[-1].end + source.end(), clause[1])
    if groups:
        when = find_date(s.body[clause[0] : clause[1]], s.published) or s.published
        base = _confidence(0.8 - penalty, members, [], gap)
        _emit(s, members, "member_of", groups, _Facts(base, when is None, None, when))


def _nominal(s: _Sentence, cue: re.Match[str], relation: str, clause: tuple[int, int]) -> None:
    """ "X's vocal support for Y": X supports Y."""
    owner = next(
        (m for m in s.names if re.fullmatch(r"['’]s\s+", s.body[m.end : cue.start()])), None
    )
    objects, o_gap = _objects(s, cue.end(), clause[1])
    if owner and objects and not _former(s, owner.start):
        _emit(s, [owner], relation, objects, _Facts(_confidence(0.7, [], objects, o_gap)))


def _compound(s: _Sentence) -> None:
    """ "Maduro ally Diosdado Cabello", "a close Maduro ally, the businessman Alex Saab",
    "Guaidó supporter Peru": the second name supports (opposes) the first."""
    nouns = {w: rel for rel, ws in sc.data()["compound"].items() for w in ws}
    for i, m in enumerate(s.names[:-1]):
        head = re.match(r"\s+(\w+)\b\s*,?\s*", s.body[m.end : s.end])
        relation = nouns.get(head.group(1).lower()) if head else None
        if head is None or relation is None or _former(s, m.start):
            continue
        clause = _clause(s, m.end, m.end + head.end())
        subjects, gap = _objects(s, m.end + head.end(), clause[1])
        if subjects and subjects[0] is s.names[i + 1]:
            facts = _Facts(_confidence(0.7, [], [], gap))
            _emit(s, subjects[:1], relation, [m], facts)


_UNDER_SANCTIONS_RE = re.compile(
    r"\b(?:subject to|under|targeted by|hit by|faces|facing)\s+(?:new |fresh |sweeping |"
    r"economic |the )?$"
)


def _under_sanctions(s: _Sentence) -> None:
    """ "Consuelo Porras, who is subject to US sanctions": US sanctions Porras."""
    for i, m in enumerate(s.names):
        if not re.match(r"\s+sanctions\b", s.body[m.end : m.end + 12]):
            continue
        lead = _UNDER_SANCTIONS_RE.search(s.body, max(s.start, m.start - 30), m.start)
        if lead is None or i == 0:
            continue
        target = s.names[i - 1]
        gap = s.body[target.end : lead.start()]
        if sc.subject_gap(gap) is not None or gap.strip() == ",":
            confidence = _confidence(0.7, [], [], len(gap))
            _emit(s, [m], "sanctions", [target], _Facts(confidence, sc.negates(gap)))
            s.spans[-1] = (lead.start(), m.end)  # the relative clause states it


_BETWEEN_RE = re.compile(r"\b(?:meeting|meetings|talks|encounter|summit)\s+between\s+", re.I)


def _between(s: _Sentence) -> None:
    """ "the meeting between X and Y": X meets Y."""
    for hit in _BETWEEN_RE.finditer(s.body, s.start, s.end):
        clause = _clause(s, hit.start(), hit.end())
        names, gap = _objects(s, hit.end(), clause[1])
        if len(names) > 1:
            _emit(s, names[:1], "meets", names[1:], _Facts(_confidence(0.8, [], [], gap)))


def _hyphen(s: _Sentence) -> None:
    """ "the US-backed opposition leader Juan Guaidó": US supports Guaidó."""
    for hit in re.finditer(r"-backed\b", s.body[s.start : s.end]):
        at = s.start + hit.start()
        backer = next((m for m in s.names if m.end == at), None)
        if backer is None:
            continue
        clause = _clause(s, at, at)
        objects, gap = _objects(s, s.start + hit.end(), clause[1])
        if objects:
            _emit(s, [backer], "supports", objects[:1], _Facts(_confidence(0.7, [], [], gap)))


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern[str]:
    verbs = "|".join(sorted(sc.words("speech_verbs")))
    return re.compile(rf"\b(?:{verbs})\b|\baccording to\b")


def _speaker(s: _Sentence, lo: int, hi: int) -> str | None:
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


def _hedged(s: _Sentence, lo: int, hi: int) -> bool:
    """A hedge in the phrases holding the stance: from the comma before its first
    name (or a relative clause's start) to the comma after its last."""
    start = max(s.start, s.body.rfind(",", s.start, lo) + 1)
    stop = s.body.find(",", hi, s.end)
    return sc.hedged(s.body[start : stop if stop >= 0 else s.end])


def _sentence(s: _Sentence) -> list[StanceFound]:
    if sc.hedged(s.body[s.start : s.end], strong_only=True):
        return []
    for cue in sc.cues().regex.finditer(s.body, s.start, s.end):
        kind, relation = sc.cue_of(cue)
        clause = _clause(s, cue.start(), cue.end())
        if kind == "active":
            _active(s, cue, relation, clause)
        elif kind == "holder":
            _holder(s, cue, relation, clause)
        elif kind == "ended":
            _ended(s, cue, clause)
        elif kind == "includes":
            _includes(s, cue, clause)
        elif kind == "appositive":
            _appositive(s, cue, relation, clause)
        elif kind == "nominal":
            _nominal(s, cue, relation, clause)
        elif kind == "removed":
            _removed(s, cue, clause)
        else:
            _among(s, cue, clause)
    _hyphen(s)
    _compound(s)
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
    names = _usable(body, mentions)
    starts = [m.start for m in names]
    orgs = [m for m in names if m.kind == "organization"]
    org_ends = [m.end for m in orgs]
    found: list[StanceFound] = []
    for s_start, s_end in sentence_bounds(body):
        lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
        if hi == lo:
            continue
        before = orgs[: bisect_left(org_ends, s_start)]
        sentence = _Sentence(body, s_start, s_end, names[lo:hi], before, published)
        found.extend(_sentence(sentence))
    return tuple(found)
