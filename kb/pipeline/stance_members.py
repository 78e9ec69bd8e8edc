"""Stances, membership: "X withdrew from Y", "Y consists of X", "X removed from Y",
"X and Y are among the group's members", "Ruiz's party, Renewal".

In:  a ``Sentence`` and the membership cue found in it.
Out: member_of stances through ``emit``: a withdrawal or removal carries
     ``valid_to`` (the date stated, else the published date; negated when
     neither is known).
Guarantees: never raise.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline import stance_clause as cl
from kb.pipeline import stance_cues as sc
from kb.pipeline.stance_subjects import subjects_before
from kb.pipeline.stance_time import find_date
from kb.pipeline.types import Mention


def ended_membership(s: cl.Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "X withdrew from Y on Wednesday": X member_of Y until then."""
    subjects, mode, s_gap = subjects_before(s, cue.start(), clause[0])
    objects, cap = cl.member_objects(s, cue.end(), clause[1])
    if not subjects or not objects or sc.negates(s.body[subjects[-1].end : cue.end()]):
        return
    when = find_date(s.body[subjects[-1].end : clause[1]], s.published) or s.published
    base = min(cl.MODE_CONFIDENCE[mode], cap)
    facts = cl.Facts(cl.confidence_of(base, subjects, objects, s_gap), when is None, None, when)
    cl.emit(s, subjects, "member_of", objects, facts)


_BODY_APPOSITION_RE = re.compile(
    r"\s*[,–—-]\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:group|bloc|body|alliance|coalition|"
    r"organi[sz]ation|union|grouping)\s*"
)
_ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _list_items(s: cl.Sentence, at: int, limit: int) -> list[Mention]:
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


def includes_members(s: cl.Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "The group consists of X and Y", "the bloc, a body including X": members."""
    groups, mode, _gap = subjects_before(s, cue.start(), clause[0])
    if mode != "direct":
        last = max((m for m in s.names if m.end <= cue.start()), key=lambda m: m.end, default=None)
        if last is None or not _BODY_APPOSITION_RE.fullmatch(s.body[last.end : cue.start()]):
            return
        groups = [last]
    elif cue.group().lower() == "including":
        return
    if len(groups) != 1 or groups[0].kind != "organization":
        return
    members, o_gap = cl.objects_after(s, cue.end(), clause[1])
    members = members or _list_items(s, cue.end(), clause[1])
    members = [m for m in members if m.kind in ("country", "organization")]
    if members:
        confidence = cl.confidence_of(0.8 if mode == "direct" else 0.7, [], [], o_gap)
        cl.emit(s, members, "member_of", groups, cl.Facts(confidence))


def among_members(s: cl.Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "X, Y and Z are among the group's members", "X and Y are its only members"."""
    subjects, mode, s_gap = subjects_before(s, cue.start(), clause[0])
    noun = re.search(r"(\w+)['’]s\s", cue.group())
    group = cl.group_named(s, noun.group(1)) if noun else _its_antecedent(s)
    if subjects and group and mode not in ("shared", "verb_and"):
        facts = cl.Facts(cl.confidence_of(0.7, subjects, [], s_gap))
        cl.emit(s, subjects, "member_of", [group], facts)


def _its_antecedent(s: cl.Sentence) -> Mention | None:
    """What "its" stands for: the one organization named in the sentence before."""
    prev = max(s.body.rfind(". ", 0, s.start - 2), s.body.rfind("\n", 0, s.start - 1)) + 1
    named = {m.name: m for m in s.orgs_before if m.start >= prev}
    return next(iter(named.values())) if len(named) == 1 else None


def removed_member(s: cl.Sentence, cue: re.Match[str], clause: tuple[int, int]) -> None:
    """ "... removed Argentina from the Lima Group": Argentina was a member until then."""
    members, gap = cl.objects_after(s, cue.end(), clause[1])
    if not members:
        return
    source = re.match(r"\s+from\b", s.body[members[-1].end : clause[1]])
    if source is None or sc.negates(s.body[clause[0] : cue.start()]):
        return
    groups, cap = cl.member_objects(s, members[-1].end + source.end(), clause[1])
    if groups:
        when = find_date(s.body[clause[0] : clause[1]], s.published) or s.published
        base = cl.confidence_of(min(0.8, cap), members, [], gap)
        cl.emit(s, members, "member_of", groups, cl.Facts(base, when is None, None, when))


_OWNER_RE = re.compile(r"['’]s\s+(?:(?P<noun>\w+)\s*,\s*)?")


def party_of_person(s: cl.Sentence) -> None:
    """ "Shinawatra's Pheu Thai Party", "Ruiz's party, Renewal": the person is
    a member of the party (a name ending in "Party", "Movement" and the like)."""
    nouns = sc.words("party_nouns")
    for i, m in enumerate(s.names[:-1]):
        owner = _OWNER_RE.match(s.body, m.end, s.end)
        party = s.names[i + 1]
        if (
            owner is None
            or m.kind != "person"
            or party.kind != "organization"
            or party.start != owner.end()
            or cl.is_former(s, m.start)
        ):
            continue
        noun = (owner["noun"] or party.name.split()[-1]).lower()
        if noun in nouns:
            cl.emit(s, [m], "member_of", [party], cl.Facts(0.7))
