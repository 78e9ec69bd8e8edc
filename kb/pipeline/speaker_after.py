"""Speakers after a quote: "Q, X said", "Q, said X", "Q, he said".

In:  the clean body, a quote's end and its sentence's end, and the mentions
     outside quotes.
Out: ``speaker_after``: the speaking ``Mention`` a cue right after the quote
     names (or None) and whether a cue was seen: a name and its verb, a verb and
     the name its title words lead to ("said UN refugee chief Ana Ruiz"), "the
     OAS mission said", a set-off person ("the Union's envoy, Siobhan O'Brien,
     told"), a cue closing the sentence ("a “path” remains open, she said"); a
     pronoun or an unnamed voice ("a wounded soldier replied") gives None.
Guarantees: pure; never raises; the mention returned is one of those given.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.name_trims import AFTER_HONORIFIC
from kb.pipeline.quote_spans import VERB_AFTER
from kb.pipeline.speaker_names import LOWER_TITLES, is_title_gap, named_after
from kb.pipeline.text import fold
from kb.pipeline.types import Mention

_PRONOUN_AFTER_RE = re.compile(
    rf"^[\s,.!?”\"’]*\s*(?:he|she|it|they|we)\s+{VERB_AFTER}\b", re.IGNORECASE
)
_CLOSED_SENTENCE_RE = re.compile(r"^[”\"’']\s*[.!?]\s+[A-Z]")
_CLOSED_INSIDE_RE = re.compile(r"^[”\"’']\s+[A-Z]")
_LEAD_RE = re.compile(r"^[ \t,.!?:;”\"’“‘']*")


def speaker_after(
    body: str, end: int, sentence_end: int, mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    """The speaker a cue right after the quote names: "Q, X said", "Q, said X",
    "Q, according to X", "Q, he said"."""
    after = body[end : end + 160].split("\n", 1)[0]
    if _CLOSED_SENTENCE_RE.match(after) or (
        body[end - 1 : end] == "." and _CLOSED_INSIDE_RE.match(after)
    ):
        # '…regime”. Brazilian officials said', '…their future." The Ministry said':
        # the next sentence's voice
        return None, False
    lead = _LEAD_RE.match(after)
    gap = end + (lead.end() if lead else 0)
    for m in mentions:
        if m.kind == "demonym" or not (gap - 1 <= m.start <= gap + 70):
            continue
        joint = _JOINT_AFTER_RE.match(body, m.end) if m.start <= gap + 1 else None
        if joint and any(
            o.start == joint.end()
            and o.kind == m.kind
            and re.match(rf"\s+{VERB_AFTER}\b", body[o.end : o.end + 40])
            for o in mentions
        ):
            return None, True  # "“…,” Sudan and Chad said": two voices, no one speaker
        if m.start > gap + 1 and not is_title_gap(body[gap : m.start]):
            continue
        rest = re.match(
            # "“…,” Salihoğlu Bey said": an honorific written after the name
            # "“…,” Aïchatou Abdou-Bako, 43, a seamstress in Niamey, said": past an age too
            rf"(?:\s+{AFTER_HONORIFIC})?\s*(?:,\s*\d{{1,3}}(?=,))?"
            rf"(?:,(?P<set_off>[^,“”\"]{{1,80}}),\s*)?{VERB_AFTER}\b",
            body[m.end : m.end + 90],
        )
        if rest is None and m.kind == "organization":
            rest = _ORG_PART_RE.match(body, m.end, m.end + 90)  # "the OAS mission said"
        if rest and m.kind == "organization" and _SPOKES_FOR_RE.fullmatch(body, gap, m.start):
            return m, True  # "a spokesperson for the German Foreign Office said": the body
        if (
            rest
            and not rest.group("set_off")
            and m.kind != "person"
            and LOWER_TITLES & set(fold(body[gap : m.start]).split())
        ):
            return None, True  # "the head of the Russian delegation stressed": unnamed here
        if rest:
            if rest.group("set_off") and m.kind != "person":
                # "the Union's envoy to Georgia, Siobhan O'Brien, told": the person set off
                lo, hi = m.end + rest.start("set_off"), m.end + rest.end("set_off")
                person = next(
                    (p for p in mentions if lo <= p.start and p.end <= hi and p.kind == "person"),
                    None,
                )
                if person is not None:
                    return person, True
            return m, True
    spoken_for = _spokesperson_of(body, gap, mentions)
    if spoken_for is not None:
        return spoken_for, True  # "an ICRC spokesperson in Geneva said": the body speaks
    # "said to the press the secretary-general of X, Ana Ruiz,": whom it was said to first
    cue = re.match(
        rf"\s*(?:{VERB_AFTER}|according to)\s+"
        # "indicated to our editorial staff X", "told to this newspaper X", "said to AFP X"
        r"(?:to\s+(?:(?:the|our|this)\s+(?:[a-z]+\s+){0,2}|(?=[A-Z]{2,6}\s))"
        r"(?:press|reporters|journalists|media|newspaper|daily|agency|staff|correspondent|"
        # "said to the Gazeta the first vice-president of the party, X": an outlet's name
        r"reporter|team|[A-Z]{2,6}|(?<=the )[A-Z][a-z]+)\s+)?",
        body[gap : gap + 80],
    )
    if cue:
        return named_after(body, gap + cue.end(), mentions), True
    aged = _AGED_RE.match(body, gap, gap + 80)
    if aged:
        person = _person_of_age(body, end, aged.group(1), mentions)
        if person is not None or not aged.group(2):
            return person, True  # "the 58-year-old said", whom no age was given: no one
    unnamed = _UNNAMED_AFTER_RE.match(body, gap, gap + 80)
    if unnamed and unnamed.group("set_off"):
        # "the unit's chief, Commander Ana Ruiz, told": the description's name set off
        lo, hi = unnamed.span("set_off")
        for p in mentions:
            if (
                p.kind == "person"
                and lo <= p.start
                and p.end == hi
                and is_title_gap(body[lo : p.start])
            ):
                return p, True
    if _PRONOUN_AFTER_RE.match(after) or unnamed:
        return None, True  # a voice we cannot name: "he said", "a wounded soldier replied"
    return trailing_cue(body, end, mentions)


_JOINT_AFTER_RE = re.compile(r" and (?:the )?")
# A body's own part speaking for it, between its name and the verb.
_ORG_PART_RE = re.compile(rf"\s+(?:mission|delegation|secretariat)\s+(?P<set_off>){VERB_AFTER}\b")
# "“…,” a wounded soldier replied": a voice the text describes but does not name.
_UNNAMED_AFTER_RE = re.compile(
    rf"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother)\s+"
    rf"(?!(?:and|or|but|that|who|which)\b)(?:[A-Za-z][\w’'-]*\s+){{0,3}}[A-Za-z][\w’'-]*"
    # "a secondary school teacher in Sulaymaniyah, who asked not to be named, said"
    r"(?:\s+(?:in|from|at|near|of)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
    # "one volunteer, a nurse from San Antonio, told reporters"
    rf"(?:,\s*(?P<set_off>[^,“”\"\n]{{1,80}}),)?\s+{VERB_AFTER}\b"
)
# "the 45-year-old told", "the 58-year-old lawyer said"
_AGED_RE = re.compile(rf"[Tt]he\s+(\d{{1,3}})-year-old\s+(?:([a-z][\w-]*)\s+)?{VERB_AFTER}\b")


def _person_of_age(body: str, end: int, age: str, mentions: list[Mention]) -> Mention | None:
    """ "“…,” the 45-year-old told the BBC": the person the text gave that age, the
    nearest before ("Yusmary Rangel, 45, a former nurse"; "a 45-year-old, Ana Ruiz");
    no one when the text gave it to no one."""
    aged = re.compile(rf",\s+(?:aged\s+)?{age}\b(?!-)|^\s+\({age}\)")
    before = re.compile(rf"\b{age}-year-old\b[^.“”\"]{{0,40}}$")
    for m in reversed(mentions):
        if m.kind != "person" or m.end > end:
            continue
        if aged.match(body, m.end, m.end + 12) or before.search(
            body, max(0, m.start - 60), m.start
        ):
            return m
    return None


_TRAILING_RE = re.compile(rf",\s+(?P<subject>[^,.;:“”\"]{{1,70}}?)\s+{VERB_AFTER}(?=[\s,.!?])")


_BRACKET_END_RE = re.compile(r"\s*\([^()]{1,20}\)$")


def trailing_cue(body: str, end: int, mentions: list[Mention]) -> tuple[Mention | None, bool]:
    """ "a “path out of this war” remains open, she said": the cue closes the sentence."""
    if body[end - 1 : end] in (".", "!", "?") and _CLOSED_INSIDE_RE.match(body[end : end + 4]):
        # 'the report was “alarmist.” Burkina Faso, it said, …': that sentence is over
        return None, False
    rest = re.match(r"[^.!?“”\"\n]*[.!?]?", body[end + 1 : end + 400])
    if rest is None:
        return None, False
    for match in _TRAILING_RE.finditer(body, end + 1, end + 1 + rest.end()):
        subject_start = match.start("subject")
        # "the Ministry of Foreign Relations (Itamaraty) said": the name before its acronym
        bracket = _BRACKET_END_RE.search(match.group("subject"))
        subject_end = match.start("subject") + bracket.start() if bracket else match.end("subject")
        found = [
            m
            for m in mentions
            if subject_start <= m.start and m.end == subject_end and m.kind != "demonym"
        ]
        if found and is_title_gap(body[subject_start : found[0].start]):
            return found[0], True
    return None, False


_SPOKES_AFTER_RE = re.compile(
    rf"\s+spokes(?:man|woman|person)\b[^.,;:“”\"]{{0,40}}?\s+{VERB_AFTER}\b"
)


_SPOKES_FOR_RE = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?"
)


def _spokesperson_of(body: str, gap: int, mentions: list[Mention]) -> Mention | None:
    """The body whose unnamed spokesperson speaks: "an ICRC spokesperson said"."""
    for m in mentions:
        if m.kind != "organization" or not (gap <= m.start <= gap + 6):
            continue
        if re.fullmatch(r"(?:[Aa]n?|[Tt]he)\s+", body[gap : m.start]) and _SPOKES_AFTER_RE.match(
            body, m.end, m.end + 80
        ):
            return m
    return None
