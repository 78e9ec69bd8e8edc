"""Lone names the text also names as a place: "in Benghazi", "the central Sahel".

In:  an ``Entity`` of one article and the article's body.
Out: ``named_as_place``: whether one of its forms stands where a place does.
Guarantees: pure; the same answer as searching the whole body with the place
pattern, which is tried only where a lead may begin before an occurrence.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kb.pipeline.entity import Entity, actor_words, shared_lexicon
from kb.pipeline.fold import MEMO_ENTRIES

_PLACE_BEFORE = (
    r"\b(?:(?:in|near|across|throughout|outside)\s+(?:the\s+)?"
    r"|(?:town|city|village|region|province|district|outskirts|commune|department|"
    r"municipality|island|islands|county|camp) of\s+"
    # "west of Goma", "north-east of the capital"
    r"|(?:north|south)?-?(?:east|west|north|south)(?:ern)? of\s+)"
)
_SEATS = actor_words("seats_of_government")
_REGIONS = ("central", "northern", "southern", "eastern", "western", "wider", "whole", "greater")
_REGION_ADJ = rf"(?:{'|'.join(_REGIONS)})"
_AFTER_PLACE = (
    r"(?!['’]s)(?=\s*[,.;:)]|\s+(?:is|are|was|were|and|has|have|had)\b"
    # "the Farchana camp": a place's own noun after it (not "the Trudeau government")
    r"|\s+(?:camp|region|province|district|county|department|commune|valley)\b)"
)
_PERSON_LEAD = rf"{_PLACE_BEFORE}|the\s+{_REGION_ADJ}\s+(?={{w}})|the\s+(?={{w}}{_AFTER_PLACE})"
# Every place pattern ends in one of these words and then white space, right before the name.
_LAST_WORDS = ("in", "near", "across", "throughout", "outside", "the", "of", *_REGIONS)


@lru_cache(maxsize=MEMO_ENTRIES)
def _place_re(form: str, organization: bool) -> re.Pattern[str]:
    word = re.escape(form)
    lead = _PLACE_BEFORE if organization else _PERSON_LEAD.replace("{w}", word)
    return re.compile(rf"(?:{lead}){word}\b(?!['’]s)")


@lru_cache(maxsize=MEMO_ENTRIES)
def _multi_place_re(form: str) -> re.Pattern[str]:
    word = re.escape(form)
    return re.compile(
        rf"(?:{_PLACE_BEFORE}{word}(?!\s+(?:being|to)\b)|the\s+(?:{_REGION_ADJ}\s+)?{word}"
        rf"{_AFTER_PLACE})\b(?!['’]s)"
    )


def _word_start(body: str, end: int) -> int:
    while end > 0 and (body[end - 1].isalnum() or body[end - 1] == "_"):  # \w
        end -= 1
    return end


def _space_start(body: str, end: int) -> int:
    while end > 0 and body[end - 1].isspace():  # \s
        end -= 1
    return end


def _word_starts(body: str, end: int) -> Iterator[int]:
    """Where a lead word ending at ``end`` may begin: at its word's start (the leads
    under "\\b") or, for "the", which the other leads begin with, three back."""
    yield _word_start(body, end)
    if body.endswith("the", 0, end):
        yield end - 3


def _lead_starts(body: str, form: str) -> Iterator[int]:
    """Where a place pattern for ``form`` may begin: a lead is one or two words ("in",
    "in the", "town of", "the central") and white space right before an occurrence,
    its last word one of ``_LAST_WORDS``; so at the word or two before."""
    pos = body.find(form)
    while pos >= 0:
        at = _space_start(body, pos)
        if at < pos and body.endswith(_LAST_WORDS, 0, at):
            yield from _word_starts(body, at)
            first = _word_start(body, at)
            before = _space_start(body, first)
            if before < first:
                yield from _word_starts(body, before)
        pos = body.find(form, pos + 1)


def named_as_place(entity: Entity, body: str) -> bool:
    """A lone word the text names as a place elsewhere is no person: "in Benghazi",
    "the central Sahel", "Citizens of the Sahel are"; nor a body named by one plain
    word ("the town of Zvecan", "outside Zvecan"); nor a "person" of several words
    written whole where a place stands ("in Khan Younis", "the southern Gaza Strip")."""
    if entity.known is not None or entity.label:
        return False
    organization = entity.kind == "organization"
    if entity.multi and organization:
        return False  # "the Rapid Support Forces": a body of several words is named so
    if entity.multi:
        # A "person" of several words written whole in a place's slot: "in Khan Younis
        # in the southern Gaza Strip"; not "resulted in Ana Ruiz being appointed".
        return any(
            _multi_place_re(form).match(body, start)
            for form in entity.forms
            if " " in form
            for start in _lead_starts(body, form)
        )
    if organization:
        heads = shared_lexicon().org_heads
        if any(f.isupper() or f in _SEATS or f in heads or not f.isalpha() for f in entity.forms):
            return False  # an acronym, a seat, "in Congress": a body's own name
    return any(
        _place_re(form, organization).match(body, start)
        for form in entity.forms
        for start in _lead_starts(body, form)
    )
