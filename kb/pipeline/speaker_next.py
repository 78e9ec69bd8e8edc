"""The speaker named in the sentence right after a quote that opens its paragraph.

In:  the clean body, the end of a quote with no cue of its own, and the mentions.
Out: ``next_speaker``: the person the next sentence opens on, when that sentence
     goes on to report or describe what they said ("“We heard the drone all
     night.” Khiam's mayor, Jihad Fares, said the dead were …", "“You sit with your
     knees under your chin.” Deivis Ochoa, 27, described the crossing"), or None.
Guarantees: pure; reads at most 220 characters after the quote; the mention
     returned is one of those given.
"""

# ruff: noqa: RUF001 - curly quotes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left

from kb.pipeline.types import Mention

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
