"""Stances, the clause level: who a cue is about, what it is about, and how sure.

In:  one sentence of the clean body with its names (``Sentence``) and a
     position (a cue's start or end).
Out: the object names right after a cue (``objects_after``: also past a title
     in apposition or an owner's noun), the clause around it, confidence and
     ``emit``; the subjects before a cue are ``stance_subjects``'.
Guarantees: pure helpers of ``stances``; never raise.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise

from kb.pipeline import stance_cues as sc
from kb.pipeline.types import Mention, Ref, StanceFound

_COORD_GAP_RE = re.compile(r"[\s,]*(?:and|or|nor|as well as)?[\s,]*(?:the\s+)?")
# A name after a preposition is not a clause's subject, except the owner in
# "the government of Iván Duque recognizes".
PREPOSITION_RE = re.compile(
    r"(?<!government )(?<!administration )\b(?:of|by|with|from|to|for|against|between|"
    r"among|including|than|on|at|into|over|about|under|towards?|like|via|and)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"^['’]s\s+(?P<words>(?:[\w-]+\s*){1,3})")


_AGENT_RELATIONS = frozenset({"supports", "opposes", "condemns"})


def _headed(words: str, relation: str = "") -> bool:
    """ "Ruiz's (parallel) government": a possessive object names the owner only
    before a head such as "government" or "regime", with at most two words before it;
    for support, opposition and condemnation also before what the owner does
    ("Russia's invasion", "Baku's demand")."""
    heads = sc.words("object_heads")
    if relation in _AGENT_RELATIONS:
        heads = heads | sc.words("agent_heads")
    for word in words.lower().split():
        if word in heads:
            return True
        if word in sc.words("object_blockers"):
            return False
    return False


_BREAK_RE = re.compile(
    r";|\(|\)|,\s*(?:but|while|whereas|although|though)\b|\s(?:but|while|whereas|although)\s"
)
MODE_CONFIDENCE = {
    "direct": 0.9,
    "others": 0.8,
    "interposed": 0.7,
    "relative": 0.7,
    "shared": 0.7,
    "verb_and": 0.7,
    "anaphor": 0.6,
    "pronoun": 0.6,
}


@dataclass(slots=True)
class Sentence:
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
    breaks: list[tuple[int, int]] | None = None  # clause breaks' spans (``clause_around``)


def ref(m: Mention) -> Ref:
    return Ref("country" if m.kind in ("country", "demonym") else "actor", m.name)


def usable_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """Actors and countries; a demonym only where it stands for the state; a name
    inside a longer one ("Peru" in "Congress of Peru") is not a name of its own."""
    states = sc.words("state_nouns")
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "demonym":
            after = body[m.end : m.end + 30].split()
            if not after or after[0].lower().strip(",.;") not in states:
                continue
            m = Mention(m.start, m.end, m.name, "country")
        out.append(m)
    out.sort(key=lambda m: (m.start, -m.end))
    outer: list[Mention] = []
    for m in out:
        if outer and m.end <= outer[-1].end:
            continue  # nested in the previous (longer or equal) name
        outer.append(m)
    return outer


def neither(s: Sentence, names: list[Mention]) -> bool:
    """ "Neither Russia nor China recognised": the run is negated."""
    before = s.body[max(s.start, names[0].start - 12) : names[0].start].lower()
    return before.rstrip().endswith("neither") or any(
        re.search(r"\bnor\b", s.body[a.end : b.start]) for a, b in pairwise(names)
    )


# "…support Ruiz, the foreign ministry said": a name after a bare comma that a
# reporting verb follows is who says it, not one more object.
_SPEAKS_AFTER_RE = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|told|added|stated|announced|noted|wrote)\b"
)
_CONJUNCTION_RE = re.compile(r"\b(?:and|or|nor|as well as)\b")


def coordinated(names: list[Mention], body: str, first: int, backwards: bool) -> list[Mention]:
    """The coordinated names around ``names[first]``: "Russia, China, and Turkey"."""
    run = [names[first]]
    step = -1 if backwards else 1
    i = first + step
    while 0 <= i < len(names):
        m = names[i]
        gap = body[m.end : run[0].start] if backwards else body[run[-1].end : m.start]
        if not _COORD_GAP_RE.fullmatch(gap) or m.name in {r.name for r in run}:
            break
        if (
            not backwards
            and not _CONJUNCTION_RE.search(gap)
            and _SPEAKS_AFTER_RE.match(body, m.end)
        ):
            break
        if backwards:
            run.insert(0, m)
        else:
            run.append(m)
        i += step
    return run


_RELATIVE_BEFORE_RE = re.compile(r",\s+(?:which|who)\s+(?:[a-z]+\s+){0,2}[a-z]+\s*$")
# A person of the body named right before: "the NC candidate", "the RSF commander".
_PERSON_OF_BODY_RE = re.compile(
    r"\s+(?:candidates?|nominees?|leaders?|chiefs?|spokes(?:man|woman|person)|envoys?|"
    r"ambassadors?|commanders?|officials?|lawmakers?|members?|ministers?)\b"
)


def objects_after(
    s: Sentence, at: int, limit: int, relation: str = ""
) -> tuple[list[Mention], int]:
    """The names right after ``at`` (with determiners and titles between), and the gap;
    past a title in apposition ("the Prime Minister of ..., Albin Kurti") or an
    owner ("the RSF's deputy commander, X", "Burkina Faso's neighbours Mali and Guinea")."""
    first = next((i for i, m in enumerate(s.names) if m.start >= at), None)
    if first is None or s.names[first].end > limit:
        return [], 0
    gap = s.body[at : s.names[first].start]
    if not sc.object_gap(_GOVERNMENT_OF_RE.sub(" ", gap)):
        return _titled(s, at, limit), len(gap)
    run = [m for m in coordinated(s.names, s.body, first, False) if m.end <= limit]
    if _RELATIVE_BEFORE_RE.search(s.body, max(0, at - 60), at):
        # "Russia, which backs Arismendi, and the Netherlands …": the relative clause
        # ends at its comma; what follows is coordinated with its subject.
        first_gap = s.body[run[0].end : run[1].start] if len(run) > 1 else ""
        if "," in first_gap and re.search(r"\b(?:and|or)\b", first_gap):
            run = run[:1]
    if relation != "meets" and _PERSON_OF_BODY_RE.match(s.body, run[-1].end):
        # "backed the NC candidate": the candidate, not the party; but meeting "KIA
        # leaders" is meeting the KIA
        return [], len(gap)
    possessive = _POSSESSIVE_RE.match(s.body[run[-1].end : run[-1].end + 40])
    if possessive and not _headed(possessive.group("words"), relation):
        return (_owned(s, run[-1].end, limit) if len(run) == 1 else []), len(gap)
    return run, len(gap)


# "recognises the government of Ana Ruiz": the owner is the object.
_GOVERNMENT_OF_RE = re.compile(
    r"(?<=government) of\s+$|(?<=administration) of\s+$|(?<=regime) of\s+$"
)
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:)–—]|$)")


@cache
def _titled_re() -> re.Pattern[str]:
    titles = "|".join(sorted((re.escape(t) for t in sc.words("apposition_titles")), key=len)[::-1])
    return re.compile(
        rf"\s*(?:the|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:{titles})"
        r"(?P<rest>(?:\s+(?:of|for|in|at|to|the|[\w.’'-]+)){0,8}?)\s*,\s*",
        re.IGNORECASE,
    )


def _appositive_person(s: Sentence, at: int, limit: int) -> list[Mention]:
    """The one person named right at ``at`` and closing its phrase: ", Albin Kurti."."""
    person = next((m for m in s.names if m.start == at and m.end <= limit), None)
    if person is None or person.kind != "person":
        return []
    return [person] if _CLAUSE_END_RE.match(s.body, person.end) else []


def _titled(s: Sentence, at: int, limit: int) -> list[Mention]:
    """ "held talks with the Prime Minister of the interim institutions, Albin Kurti"."""
    title = _titled_re().match(s.body, at, limit)
    if title is None or not re.fullmatch(r"(?:\s+(?:of|for|in|at|to)\b.*)?", title["rest"]):
        return []
    return _appositive_person(s, title.end(), limit)


_OWNED_RE = re.compile(r"['’]s\s+(?P<words>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?P<comma>\s*,)?\s+")


def _owned(s: Sentence, owner_end: int, limit: int) -> list[Mention]:
    """What an owner's noun names: "Burkina Faso's neighbours Mali and Guinea" (names right
    after the noun), "the RSF's deputy commander, Juma Idris el-Nur" (a title, then one
    person closing the phrase)."""
    owned = _OWNED_RE.match(s.body, owner_end, limit)
    if owned is None:
        return []
    nouns = owned["words"].lower().split()
    if any(w in sc.words("object_blockers") for w in nouns):
        return []
    if owned["comma"]:
        if nouns[-1] not in sc.words("apposition_titles"):
            return []
        return _appositive_person(s, owned.end(), limit)
    first = next((i for i, m in enumerate(s.names) if m.start == owned.end()), None)
    if first is None:
        return []
    return [m for m in coordinated(s.names, s.body, first, False) if m.end <= limit]


def confidence_of(base: float, subjects: list[Mention], objects: list[Mention], gap: int) -> float:
    value = base
    if base >= 0.9 and (len(subjects) > 1 or len(objects) > 1):
        value = 0.8
    if gap > 40:
        value -= 0.1
    return round(value, 2)


@dataclass(frozen=True, slots=True)
class Facts:
    confidence: float
    negated: bool = False
    valid_from: date | None = None
    valid_to: date | None = None


def emit(
    s: Sentence, subjects: list[Mention], relation: str, objects: list[Mention], facts: Facts
) -> None:
    for subj in subjects:
        for obj in objects:
            if subj.name == obj.name:
                continue
            s.found.append(
                StanceFound(
                    ref(subj),
                    relation,
                    ref(obj),
                    s.start,
                    s.end,
                    negated=facts.negated,
                    valid_from=facts.valid_from,
                    valid_to=facts.valid_to,
                    confidence=facts.confidence,
                )
            )
            s.spans.append((min(subj.start, obj.start), max(subj.end, obj.end)))


def clause_around(s: Sentence, at: int, end: int) -> tuple[int, int]:
    if s.breaks is None:  # once per sentence: every cue asks
        s.breaks = [m.span() for m in _BREAK_RE.finditer(s.body, s.start, s.end)]
    start = max((b_end for _b, b_end in s.breaks if b_end <= at), default=s.start)
    stop = min((b for b, _e in s.breaks if b >= end), default=s.end)
    return start, stop


# An inserted phrase ending right before the cue: ", which hosted the summit," / ", an ally of Y,".
_GROUP_RE = re.compile(r"\s*(?:from\s+|of\s+)?the\s+(?:\w+\s+)?(?P<noun>\w+)\b")


def group_named(s: Sentence, noun: str, at: int | None = None) -> Mention | None:
    """What "the group" or "the bloc" stands for: see the module docstring."""
    orgs = s.orgs_before + [m for m in s.names if m.kind == "organization" and m.end <= (at or 0)]
    if noun.lower() not in sc.words("group_nouns") or not orgs:
        return None
    for m in reversed(orgs):
        if m.name.lower().split()[-1] == noun.lower():
            return m
    nearest = orgs[-1]
    return nearest if (at or s.start) - nearest.end < 500 else None


GROUP_CONFIDENCE = 0.6  # the most a stance on "the group" (resolved) may claim


def member_objects(s: Sentence, at: int, limit: int) -> tuple[list[Mention], float]:
    """The organization(s) right after a membership cue, or "the group" resolved;
    and the most confidence the stance may claim."""
    objects, _gap = objects_after(s, at, limit)
    if objects and all(m.kind == "organization" for m in objects):
        return objects, 1.0
    group = _GROUP_RE.match(s.body, at, limit)
    if not objects and group:
        found = group_named(s, group.group("noun"))
        if found:
            return [found], GROUP_CONFIDENCE
    return [], 1.0


def is_former(s: Sentence, at: int) -> bool:
    """ "a former ally of", "the erstwhile Ruiz ally": a past relation, not a stance."""
    before = s.body[max(s.start, at - 25) : at].lower().replace("-", " ").split()
    return any(w in sc.words("former_words") for w in before[-3:])
