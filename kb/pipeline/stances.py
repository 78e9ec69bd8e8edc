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
from bisect import bisect_left

from kb.pipeline.geo import GeoMention
from kb.pipeline.text import sentence_bounds
from kb.pipeline.types import Mention, Ref, StanceFound

_RELATIONS: list[tuple[str, str, bool]] = [
    # (pattern, relation, passive: the object comes before the verb, the subject after "of"/"by")
    (r"(?:has|have|had) the (?:backing|support) of", "supports", True),
    (r"(?:recogni[sz]e[sd]?|recogni[sz]ing)", "recognizes", False),
    (
        r"(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|stood by|stand by|stands by|vouched for|vouch "
        r"for|endorse[sd]?|"
        r"allied with|sided with)",
        "supports",
        False,
    ),
    (
        r"(?:oppose[sd]?|opposing|rejected|rejects?|reject(?:ing)?|disavowed|denounced|turned "
        r"against)",
        "opposes",
        False,
    ),
    (r"(?:condemn(?:s|ed|ing)?|decr(?:ied|ies|ying)|rebuked)", "condemns", False),
    (
        r"(?:imposed? (?:\w+ )?(?:sanctions|curbs|restrictions) on|sanction(?:s|ed|ing)?|"
        r"blacklisted)",
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
# One pass over the body with every relation as a named group, instead of one pass per
# relation. The leading word boundary is shared (it is zero-width, so the spans are the
# same): tested once per position, not once per relation, it makes the scan 3x faster.
_REL_RE = re.compile(
    r"\b(?:"
    + "|".join(rf"(?P<r{i}>{p}\b)" for i, (p, _rel, _passive) in enumerate(_RELATIONS))
    + ")"
)
_NEG_RE = re.compile(r"\b(?:not|never|n't|refused to|refuse to|declined to|no longer)\b")
_CLAUSE_BREAK_RE = re.compile(r";|, (?:while|but|whereas|although|which|who)\b| while | but |\(|\)")


def _ref(m: Mention) -> Ref:
    return Ref("country" if m.kind in ("country", "demonym") else "actor", m.name)


_COORD_GAP_RE = re.compile(r"[\s,]*(?:and|or|nor|as well as)?[\s,]*(?:the\s+)?")


def _run(mentions: list[Mention], body: str, backwards: bool) -> list[Mention]:
    """The coordinated names nearest the verb: "Russia, China, and Turkey"."""
    run = [mentions[-1]] if backwards else [mentions[0]]
    rest = reversed(mentions[:-1]) if backwards else iter(mentions[1:])
    for m in rest:
        gap = body[m.end : run[0].start] if backwards else body[run[-1].end : m.start]
        if not _COORD_GAP_RE.fullmatch(gap):
            break
        if backwards:
            run.insert(0, m)
        else:
            run.append(m)
    return run


def find_stances(
    body: str, mentions: list[Mention], geo: list[GeoMention] | None = None
) -> tuple[StanceFound, ...]:
    del geo  # countries already arrive as mentions
    usable = sorted((m for m in mentions if m.kind != "demonym"), key=lambda m: m.start)
    starts = [m.start for m in usable]
    found: list[StanceFound] = []
    seen: set[tuple[str, str, str, int]] = set()
    for s_start, s_end in sentence_bounds(body):
        lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
        if hi - lo < 2:
            continue  # a relation needs a name on each side
        in_sentence = usable[lo:hi]
        # Only the stretch between the first and last name can hold the verb.
        for verb in _REL_RE.finditer(body, in_sentence[0].end, in_sentence[-1].start):
            _pattern, relation, passive = _RELATIONS[int((verb.lastgroup or "r0")[1:])]
            v_start, v_end = verb.start(), verb.end()
            breaks = list(_CLAUSE_BREAK_RE.finditer(body, s_start, v_start))
            clause_start = breaks[-1].end() if breaks else s_start
            stop = _CLAUSE_BREAK_RE.search(body, v_end, s_end)
            clause_end = stop.start() if stop else s_end
            before = [m for m in in_sentence if clause_start <= m.start and m.end <= v_start]
            after = [m for m in in_sentence if v_end <= m.start and m.end <= clause_end]
            if not before or not after:
                continue
            subjects, objects = _run(before, body, True), _run(after, body, False)
            if passive:
                subjects, objects = objects, subjects
            negated = bool(_NEG_RE.search(body[max(clause_start, v_start - 30) : v_start]))
            for subj in subjects:
                for obj in objects:
                    key = (subj.name, relation, obj.name, s_start)
                    if subj.name == obj.name or key in seen:
                        continue
                    seen.add(key)
                    start = min(subj.start, obj.start, v_start)
                    end = max(subj.end, obj.end, v_end)
                    found.append(StanceFound(_ref(subj), relation, _ref(obj), start, end, negated))
    return tuple(found)
