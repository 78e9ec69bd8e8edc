"""Lone names the text also names as a place: "in Benghazi", "the central Sahel".

In:  an ``Entity`` of one article and the article's body.
Out: ``named_as_place``: whether one of its forms stands where a place does.
Guarantees: pure; the same answer as searching the whole body with the place
pattern (a cheap look at the word before each occurrence only rules out
occurrences that pattern could not match).
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from functools import lru_cache

from kb.pipeline.entity import Entity, actor_words, shared_lexicon
from kb.pipeline.fold import MEMO_ENTRIES

_PLACE_BEFORE = (
    r"\b(?:(?:in|near|across|throughout|outside)\s+(?:the\s+)?"
    r"|(?:town|city|village|region|province|district) of\s+)"
)
_SEATS = actor_words("seats_of_government")
_REGIONS = ("central", "northern", "southern", "eastern", "western", "wider", "whole", "greater")
_REGION_ADJ = rf"(?:{'|'.join(_REGIONS)})"
_AFTER_PLACE = r"(?!['’]s)(?=\s*[,.;:)]|\s+(?:is|are|was|were|and|has|have|had)\b)"
_PERSON_LEAD = rf"{_PLACE_BEFORE}|the\s+{_REGION_ADJ}\s+(?={{w}})|the\s+(?={{w}}{_AFTER_PLACE})"
# Every place pattern ends in one of these words and then white space, right before the name.
_LAST_WORDS = ("in", "near", "across", "throughout", "outside", "the", "of", *_REGIONS)


@lru_cache(maxsize=MEMO_ENTRIES)
def _place_re(form: str, organization: bool) -> re.Pattern[str]:
    word = re.escape(form)
    lead = _PLACE_BEFORE if organization else _PERSON_LEAD.replace("{w}", word)
    return re.compile(rf"(?:{lead}){word}\b(?!['’]s)")


def _may_follow_lead(body: str, form: str) -> bool:
    """Some occurrence of ``form`` has white space and one of ``_LAST_WORDS`` before it."""
    pos = body.find(form)
    while pos >= 0:
        at = pos
        while at > 0 and body[at - 1].isspace():
            at -= 1
        if at < pos and body.endswith(_LAST_WORDS, 0, at):
            return True
        pos = body.find(form, pos + 1)
    return False


def named_as_place(entity: Entity, body: str) -> bool:
    """A lone word the text names as a place elsewhere is no person: "in Benghazi",
    "the central Sahel", "Citizens of the Sahel are"; nor a body named by one plain
    word ("the town of Zvecan", "outside Zvecan")."""
    if entity.multi or entity.known is not None or entity.label:
        return False
    organization = entity.kind == "organization"
    if organization:
        heads = shared_lexicon().org_heads
        if any(f.isupper() or f in _SEATS or f in heads or not f.isalpha() for f in entity.forms):
            return False  # an acronym, a seat, "in Congress": a body's own name
    return any(
        _may_follow_lead(body, form) and _place_re(form, organization).search(body)
        for form in entity.forms
    )
