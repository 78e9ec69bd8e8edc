"""Speakers: who says a quote, from the words around it.

In:  the clean body, a quote's span and sentence, and the mentions outside
     quotes (actors, countries, and the coreference stage's descriptions and
     pronouns).
Out: the speaking ``Mention`` (or None) and whether a reporting cue was seen.
Patterns: "Q, X said", "Q, said X" (a title may come between: "said UN refugee
chief Ana Ruiz"), "X said: Q", "X, who ..., said", "according to X", a
participle ("..., saying"), the subject of the clause that holds the cue.
Guarantees: never raises; the mention returned is one of those given.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left

from kb.pipeline.coreference import words
from kb.pipeline.quote_spans import CUE_RE, VERB_AFTER
from kb.pipeline.types import Block, Mention

_PREPOSITIONS = words("prepositions")
_PRONOUN_AFTER_RE = re.compile(rf"^[\s,.!?”\"’]*\s*(?:he|she)\s+{VERB_AFTER}\b", re.IGNORECASE)
_SPEECH_NOUN_ALT = (
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]hat) "
    r"(?:article|piece|op-ed|letter|statement|interview|tweet|post)"
)
SPEECH_NOUN_RE = re.compile(rf"\b{_SPEECH_NOUN_ALT} (?:also )?(?:says|said|states|adds)\b")

_CLOSED_SENTENCE_RE = re.compile(r"^[”\"’']\s*[.!?]\s+[A-Z]")
# '“…,” Kremlin spokesman Dmitry Peskov told': a short title between quote and name.
_TITLE_WORDS_RE = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[a-z][\w-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+")


def speaker_after(
    body: str, end: int, sentence_end: int, mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    after = body[end : end + 120].split("\n", 1)[0]
    if _CLOSED_SENTENCE_RE.match(after):
        return None, False  # '…regime”. Brazilian officials said': the next sentence's voice
    lead = re.match(r"^[\s,.!?:;”\"’“‘']*(?:(?:Mr|Mrs|Ms|Dr|President|General|Prof)\.?\s+)?", after)
    gap = lead.end() if lead else 0
    for m in mentions:
        if m.kind == "demonym" or not (end + gap - 1 <= m.start <= end + gap + 40):
            continue
        if m.start > end + gap + 1 and not _TITLE_WORDS_RE.fullmatch(body[end + gap : m.start]):
            continue
        rest = body[m.end : m.end + 80]
        if re.match(rf"\s*(?:,[^,]{{1,80}},\s*)?{VERB_AFTER}\b", rest):
            return m, True
    verb_first = re.match(rf"^\s*{VERB_AFTER}\s+", after[gap:])
    if verb_first:
        pos = end + gap + verb_first.end()
        for m in mentions:
            if m.kind != "demonym" and pos <= m.start <= pos + 20:
                return m, True
    if _PRONOUN_AFTER_RE.match(after):
        return None, True  # pronoun: resolved by the caller
    according = re.search(r"according to\s+(?:the\s+)?", after)
    if according:
        pos = end + according.end()
        for m in mentions:
            if m.kind != "demonym" and pos <= m.start <= pos + 5:
                return m, True
    return None, False


_TITLE_GAP_RE = re.compile(r"^(?:[’']s)?(?:\s+(?:[A-Z][\w’'-]*|of|for|the))*\s+$")


def word_before(body: str, pos: int, floor: int) -> str:
    """The word before ``pos`` in the clause, skipping a determiner ("with the EU" -> "with")."""
    words = re.findall(r"[A-Za-z’'-]+|[,;:()]", body[max(floor, pos - 40) : pos])
    while words and words[-1].lower() in ("the", "a", "an", "its", "their", "his", "her"):
        words.pop()
    return words[-1].lower() if words else ""


def _clause_subject(body: str, floor: int, inside: list[Mention]) -> Mention | None:
    """The first mention of the clause that no preposition governs: the subject of its verb.

    A country naming a title ("US Secretary of State Antony Blinken") yields the
    person it qualifies.
    """
    for index, mention in enumerate(inside):
        if word_before(body, mention.start, floor) in _PREPOSITIONS:
            continue
        if body[mention.end : mention.end + 2] in ("'s", "’s") and index + 1 < len(inside):
            # "The Commission's spokesman, Olof Gill, said": the possessor is not the subject.
            continue
        if mention.kind in ("country", "demonym") and index + 1 < len(inside):
            nxt = inside[index + 1]
            if nxt.kind in ("person", "organization") and _TITLE_GAP_RE.match(
                body[mention.end : nxt.start] + " "
            ):
                return nxt
        return mention
    return inside[0] if inside else None


def speaker_before(
    body: str, start: int, sentence: tuple[int, int], mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    prefix_start = sentence[0]
    prefix = body[prefix_start:start]
    cues = list(CUE_RE.finditer(prefix))
    if not cues:
        return None, False
    cue = cues[-1]
    cue_start = prefix_start + cue.start()
    if re.search(rf"\b{_SPEECH_NOUN_ALT} (?:also )?$", body[prefix_start:cue_start]):
        return None, False  # "The article also says": the speaker of the quotes before
    inside = [
        m
        for m in mentions
        if prefix_start <= m.start and m.end <= cue_start and m.kind != "demonym"
    ]
    if inside and (body[cue_start - 2 : cue_start] == ", " or cue.group().endswith("ing")):
        # "Geoff Ramsey, a researcher at X, called ...", "the coalition ..., decrying":
        # the verb belongs to the clause's subject, not to the nearest name.
        adjacent = [m for m in inside if body[m.end : cue_start].strip() == ""]
        if adjacent and word_before(body, adjacent[-1].start, prefix_start) == "with":
            return adjacent[-1], True  # "with Quispe saying ..."
        return _clause_subject(body, prefix_start, inside), True
    # A country in a title ("US President Donald Trump") is rarely the speaker when a
    # person or body is named.
    actors_inside = [m for m in inside if m.kind in ("person", "organization")]
    inside = actors_inside or inside
    if inside:
        return inside[-1], True
    return None, True


def between(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start, ``starts`` their starts) that start in ``[lo, hi)``."""
    return mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]


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
    people = [m for m in between(mentions, starts, lo, hi) if m.end <= hi and m.kind == "person"]
    for m in people:
        if word_before(body, m.start, lo) not in _PREPOSITIONS:
            return m
    return None
