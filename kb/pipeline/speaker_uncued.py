"""Speakers of a quote with no cue of its own.

In:  the clean body, the quote's span and sentence, its paragraph, and the mentions.
Out: ``framed_speaker``: a person set off by commas later in the quote's sentence
     ('“…” if …, Ana Quispe, …'); ``introduced_speaker``: the person the sentence
     before the quote introduces, in the same paragraph; ``next_speaker``: the
     person the sentence right after a quote that opens its paragraph opens on, when
     that sentence goes on to report or describe what they said ("“We heard the
     drone all night.” Khiam's mayor, Jihad Fares, said the dead were …", "“You sit
     with your knees under your chin.” Deivis Ochoa, 27, described the crossing").
Guarantees: pure; each returns one of the mentions given, or None.
"""

# ruff: noqa: RUF001 - curly quotes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left

from kb.pipeline.speaker_names import owns
from kb.pipeline.speaker_subjects import word_before
from kb.pipeline.speakers import INDEFINITE_SUBJECT_RE, between
from kb.pipeline.types import Block, Mention
from kb.pipeline.wordlists import words

_PREPOSITIONS = words("prepositions")

# The quote's closing mark, then a new sentence in the same paragraph.
_NEXT_SENTENCE_RE = re.compile(r"[.!?][”\"’][ \t]+(?=[A-Z])|[”\"’][.!?][ \t]+(?=[A-Z])")
# What may stand before the name: nothing, or a post the sentence opens on and sets
# off ("Khiam's mayor, ", "The head nurse, "), or "That was the message from".
_LEAD_RE = re.compile(
    r"(?:(?:[A-Z][\w’'-]*(?:['’]s)?\s+)?(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+"
    r"|That was (?:the|his|her) (?:message|answer|reply|verdict|view) (?:from|of) (?:the\s+)?"
    r"(?:[A-Z][\w.]*\s+){0,3})?$"
)
# After the name: its apposition or age set off, then a verb of saying or telling.
_VERB_AFTER_RE = re.compile(
    r"(?:,[^,;:“”\"]{1,80},)?,?\s+(?:also\s+)?(?:said|says|told|tells|described|describes|"
    r"recalled|recalls|explained|explains|recounted|added|remembered|remembers)\b"
)
_APPOSED_END_RE = re.compile(r"[,.]")


def next_speaker(body: str, end: int, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The person the sentence after the quote ending at ``end`` opens on (see module)."""
    gap = _NEXT_SENTENCE_RE.match(body, end - 1) or _NEXT_SENTENCE_RE.match(body, end)
    if gap is None:
        return None
    lo = gap.end()
    index = bisect_left(starts, lo)
    for m in mentions[index:]:
        if m.start > lo + 120 or "\n" in body[lo : m.start]:
            return None
        if m.kind != "person" or body.startswith(("'s", "’s"), m.end):
            continue  # "Khiam's mayor, X,": the place or body owns the post
        if not _LEAD_RE.fullmatch(body, lo, m.start):
            return None
        if _VERB_AFTER_RE.match(body, m.end) or (
            body.startswith("That was", lo) and _APPOSED_END_RE.match(body, m.end)
        ):
            return m
        return None
    return None


def framed_speaker(
    body: str,
    end: int,
    sentence: tuple[int, int],
    mentions: list[Mention],
    starts: list[int],
) -> Mention | None:
    """A person set off by commas later in the quote's sentence: '“…” if …, Ana Quispe, …'."""
    for m in between(mentions, starts, end, sentence[1]):
        if (
            end <= m.start < sentence[1]
            and m.kind == "person"
            and body[m.start - 2 : m.start] == ", "
            and body[m.end : m.end + 1] == ","
        ):
            return m
    return None


def introduced_speaker(
    body: str,
    start: int,
    bounds: list[tuple[int, int]],
    block: Block | None,
    mentions: list[Mention],
    starts: list[int],
) -> Mention | None:
    """The person the sentence before an uncued quote introduces, in the same paragraph."""
    if block is None:
        return None
    index = bisect_left(bounds, (start + 1,)) - 1
    while index >= 0 and bounds[index][1] > start:
        index -= 1
    if index < 0 or bounds[index][0] < block.start:
        return None
    lo, hi = bounds[index]
    own = body[hi:start]
    if INDEFINITE_SUBJECT_RE.match(own) or INDEFINITE_SUBJECT_RE.match(own.lstrip()):
        return None  # "A Western diplomat …, was blunter: the vote “…”": someone unnamed
    people = [m for m in between(mentions, starts, lo, hi) if m.end <= hi and m.kind == "person"]
    for m in people:
        if word_before(body, m.start, lo) not in _PREPOSITIONS and not owns(body, m.end):
            return m  # "the boats that leave Anjouan's beaches": a possessor introduces no one
    return None
