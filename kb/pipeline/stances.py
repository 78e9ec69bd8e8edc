"""Stances: clean body and mentions in, subject-relation-object triples out.

In:  the clean body, actor and country mentions.
Out: ``StanceFound``s such as "Russia and China continue to back Mr Maduro"
     -> (Russia supports Nicolás Maduro), (China supports Nicolás Maduro);
     "the US imposed curbs on PDVSA" -> (US sanctions PDVSA); "Mr Maduro has
     the backing of Russia, China, and Turkey" -> (Russia supports Maduro)...
     A verb phrase from a small table gives the relation; the subjects are the
     coordinated names before it in the clause, the objects those after it.
     "not", "never", "refused to" before the verb set ``negated``.
Guarantees: never raises; spans cover the evidence clause inside the body.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Protocol

from kb.pipeline.geo import GeoMention
from kb.pipeline.text import sentence_bounds
from kb.pipeline.types import Ref, StanceFound


class _Mention(Protocol):
    start: int
    end: int
    name: str
    kind: str


_RELATIONS: list[tuple[str, str, bool]] = [
    # (pattern, relation, passive: the object comes before the verb, the subject after "of"/"by")
    (r"(?:has|have|had) the (?:backing|support) of", "supports", True),
    (r"(?:recogni[sz]e[sd]?|recogni[sz]ing)", "recognizes", False),
    (
        r"(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|stood by|stand by|stands by|vouched for|vouch for|endorse[sd]?|"
        r"allied with|sided with)",
        "supports",
        False,
    ),
    (
        r"(?:oppose[sd]?|opposing|rejected|rejects?|reject(?:ing)?|disavowed|denounced|turned against)",
        "opposes",
        False,
    ),
    (r"(?:condemn(?:s|ed|ing)?|decr(?:ied|ies|ying)|rebuked)", "condemns", False),
    (
        r"(?:imposed? (?:\w+ )?(?:sanctions|curbs|restrictions) on|sanction(?:s|ed|ing)?|blacklisted)",
        "sanctions",
        False,
    ),
    (
        r"(?:(?:is|are|was|were) (?:a |among the )?members? of|joined|belongs? to)",
        "member_of",
        False,
    ),
    (r"(?:invited|invites|inviting)", "invites", False),
    (r"(?:accused|accuses|accusing)", "accuses", False),
]
# One pass over the body with every relation as a named group, instead of one pass per relation.
_REL_RE = re.compile("|".join(rf"(?P<r{i}>\b{p}\b)" for i, (p, _rel, _passive) in enumerate(_RELATIONS)))
_NEG_RE = re.compile(r"\b(?:not|never|n't|refused to|refuse to|declined to|no longer)\b")
_CLAUSE_BREAK_RE = re.compile(r";|, (?:while|but|whereas|although|which|who)\b| while | but |\(|\)")


def _ref(m: _Mention) -> Ref:
    return Ref("country" if m.kind in ("country", "demonym") else "actor", m.name)


def find_stances(
    body: str, mentions: list[_Mention], geo: list[GeoMention] | None = None
) -> tuple[StanceFound, ...]:
    del geo  # countries already arrive as mentions
    usable = sorted((m for m in mentions if m.kind != "demonym"), key=lambda m: m.start)
    found: list[StanceFound] = []
    seen: set[tuple[str, str, str, int]] = set()
    mention_starts = [m.start for m in usable]
    bounds = sentence_bounds(body)
    starts = [s for s, _e in bounds]
    for verb in _REL_RE.finditer(body):
        index = bisect_right(starts, verb.start()) - 1
        if index < 0:
            continue
        s_start, s_end = bounds[index]
        if not s_start <= verb.start() < s_end:
            continue
        group = verb.lastgroup or "r0"
        _pattern, relation, passive = _RELATIONS[int(group[1:])]
        v_start, v_end = verb.start(), verb.end()
        left = body[s_start:v_start]
        breaks = list(_CLAUSE_BREAK_RE.finditer(left))
        clause_start = s_start + (breaks[-1].end() if breaks else 0)
        right = body[v_end:s_end]
        stop = _CLAUSE_BREAK_RE.search(right)
        clause_end = v_end + (stop.start() if stop else len(right))
        window = usable[bisect_left(mention_starts, clause_start) : bisect_right(mention_starts, clause_end)]
        before = [m for m in window if m.end <= v_start]
        after = [m for m in window if v_end <= m.start and m.end <= clause_end]
        if not before or not after:
            continue
        # Subjects: the coordinated run of names nearest the verb; objects: the run right after it.
        subjects = [before[-1]]
        for m in reversed(before[:-1]):
            gap = body[m.end : subjects[0].start]
            if re.fullmatch(r"[\s,]*(?:and|or|nor|as well as)?[\s,]*(?:the\s+)?", gap):
                subjects.insert(0, m)
            else:
                break
        objects = [after[0]]
        for m in after[1:]:
            gap = body[objects[-1].end : m.start]
            if re.fullmatch(r"[\s,]*(?:and|or|nor|as well as)?[\s,]*(?:the\s+)?", gap):
                objects.append(m)
            else:
                break
        if passive:
            subjects, objects = objects, subjects
        negated = bool(_NEG_RE.search(body[clause_start:v_start][-30:]))
        for subj in subjects:
            for obj in objects:
                if subj.name == obj.name:
                    continue
                key = (subj.name, relation, obj.name, s_start)
                if key in seen:
                    continue
                seen.add(key)
                start = min(subj.start, obj.start, v_start)
                end = max(subj.end, obj.end, v_end)
                found.append(
                    StanceFound(_ref(subj), relation, _ref(obj), start, end, negated)
                )
    return tuple(found)
