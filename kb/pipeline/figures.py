"""Figures: clean body and mentions in, numeric claims out.

In:  the clean body and the actor/country mentions (for the source).
Out: ``Figure``s: "2.3 million Venezuelans" -> 2300000.0 people about
     "Venezuelans"; "US $400 million" -> 400000000.0 USD; "1,000 per cent" ->
     1000.0 percent; "the 14-member Lima Group" -> 14.0 members about "Lima
     Group"; "about three million people" (word numbers too). The source is
     the actor named by "according to X" or "X said" in the same sentence.
"a two-week visit" is a duration, "Ruiz, 35," an age, "tens of thousands" a range.
Years, dates ("14 of January", "five years ago"), times, phone numbers, frequencies
("three times") and identifiers ("COVID-19", "Resolution 9855") are not figures.
Guarantees: never raises; ``body[f.start:f.end] == f.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kb.pipeline.figure_confidence import FigureEvidence, figure_confidence, is_definite
from kb.pipeline.frames import VAGUE_RE, frame_of, kind_of, vague_range, value_range
from kb.pipeline.text import sentence_bounds
from kb.pipeline.types import Block, Figure, Mention

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a half-dozen": 6,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 1_000_000,
    "half-dozen": 6,
    "dozens": 12,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_FIGURE_RE = re.compile(
    rf"(?P<currency>(?:US\s?)?\$\s?|€\s?|£\s?)?(?P<num>{_NUMBER}|\b(?:{_WORDNUM})\b)"
    rf"(?:\s*(?:-|to|and)\s*(?P<num2>{_NUMBER}))?"
    rf"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    rf"(?:\s?(?P<cur2>US)\b)?"
    rf"(?P<percent>\s?(?:per\s?cent|percent|%))?"
    rf"(?P<member>-(?:member|country|nation|strong|point|seat))?"
    rf"(?P<span>-(?:year|month|week|day|hour|decade)s?\b(?!-old))?",
    re.IGNORECASE,
)
_UNIT_NOUN_RE = re.compile(
    r"\s+(?:of\s+)?((?:[A-Z][a-z]+(?<!s)\s+)?(?:(?!(?:from|to|in|on|at|by|for|with|and|or|than|is|are|was|were|has|have)\s)[a-z-]+\s+)?(?:people|persons|refugees|migrants|[A-Z][a-z]+(?:ans|ns|is|ese)|"
    r"barrels(?: per day| a day)?|countries|nations|members|officials|troops|soldiers|delegates|"
    r"deaths|dead|"
    r"votes|signatures|workers|children|women|men|cases|days|years|months|weeks|dollars|tonnes|tons|"
    r"(?!(?:is|has|was|this|its|his|thus|does|goes|plus|less|unless|whereas)\b)[a-z]{2,}s)\b)"
)
# A counted noun after a number with up to three modifiers: "two Singapore-registered
# shipping firms", "thousands of other political detainees", "three Myanmar businessmen".
_STOP = (
    r"(?:from|to|in|on|at|by|for|with|and|or|than|is|are|was|were|has|have|had|the|a|an|of|"
    r"that|which|who|this|these|those|its|their|his|her|our|more|times|ago|thus|as|if|but|"
    r"when|while|after|before|said|says|say|told|within|over|under|into|across|since|during|"
    r"per|each|every|some|about|nearly|almost|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|hundreds?|thousands?|millions?|dozens?)\b"
)
_MODIFIED_NOUN_RE = re.compile(
    rf"\s+(?:of\s+)?((?:(?!{_STOP})[A-Za-z][\w-]*\s+){{0,3}}"
    rf"(?!{_STOP})(?:[a-z]+-)?(?:[a-z]*men|people|children|[a-z]{{2,}}s))\b"
)
# Not figures: "N of <Month>" (a date in translated copy), phone numbers and codes
# ("+41 22 000 0000"), frequencies ("three times").
_DATE_OF_RE = re.compile(rf"\s*of\s+{_MONTHS}")
_CODE_BEFORE_RE = re.compile(r"(?:\+|\d\s)$")
_CODE_AFTER_RE = re.compile(r"\s\d")
_TIMES_RE = re.compile(r"\s+times\b", re.IGNORECASE)
_AGO_RE = re.compile(r"\s+ago\b")  # "five years ago": a date, told from now
# "Ruiz, 35, is backed": an age in apposition to a name.
_AGE_APPOSITION_RE = re.compile(r"[A-Z][\w'\u2019.-]*,\s*$")
_PEOPLE = re.compile(
    r"people|persons|refugees|migrants|[A-Z][a-z]+ans\b|officials|troops|soldiers|delegates|workers|children|women|men|deaths|dead"
)
_SOURCE_RE = re.compile(r"according to\s+(?:the\s+)?$|^")


def _value(num: str) -> float | None:
    key = num.lower()
    if key in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[key])
    try:
        return float(num.replace(",", ""))
    except ValueError:
        return None


_ANCHOR_RE = re.compile(r"[\d$€£]")


def _candidates(body: str) -> list[re.Match[str]]:
    """Full figure matches tried only where a digit, a currency sign or a number word starts.

    Running the whole pattern at every offset is many times slower than this.
    """
    anchors: set[int] = set()
    for hit in _ANCHOR_RE.finditer(body):
        pos = hit.start()
        if pos > 0 and (body[pos - 1].isdigit() or body[pos - 1] in ".,$€£"):
            continue
        if body[max(0, pos - 3) : pos] == "US ":
            anchors.add(pos - 3)
        elif body[max(0, pos - 2) : pos] == "US":
            anchors.add(pos - 2)
        anchors.add(pos)
    lowered = body.lower()
    if len(lowered) == len(body):
        for word in _WORD_NUMBERS:
            pos = lowered.find(word)
            while pos >= 0:
                end = pos + len(word)
                if (pos == 0 or not lowered[pos - 1].isalnum()) and (
                    end >= len(lowered) or not lowered[end].isalnum()
                ):
                    anchors.add(pos)
                pos = lowered.find(word, pos + 1)
    matches: list[re.Match[str]] = []
    covered = -1
    for pos in sorted(anchors):
        if pos < covered:
            continue
        match = _FIGURE_RE.match(body, pos)
        if match and match.group("num"):
            matches.append(match)
            covered = match.end()
    return matches


def _is_not_figure(match: re.Match[str], body: str) -> bool:
    """Years, dates, identifiers, times and numbered articles of law."""
    num = match.group("num")
    start, end = match.start(), match.end()
    before = body[max(0, start - 12) : start]
    after = body[end : end + 12]
    has_marker = any(
        match.group(g) for g in ("currency", "scale", "percent", "member", "cur2", "span")
    )
    if has_marker:
        return False
    if _TIMES_RE.match(body, end) or _DATE_OF_RE.match(body, end):
        return True
    if not num[0].isdigit():
        noun = _UNIT_NOUN_RE.match(body, end) or _MODIFIED_NOUN_RE.match(body, end)
        return not noun or num.lower() in ("one",)
    if _CODE_BEFORE_RE.search(before) or _CODE_AFTER_RE.match(after) or num[:2] == "00":
        return True
    return bool(
        re.fullmatch(r"(?:1[89]|20)\d\d", num)
        or re.search(rf"{_MONTHS}\s*$", before)
        or re.match(rf"\s*{_MONTHS}", after)
        or re.search(r"[-:/]$|No\.\s*$|[A-Za-z]$", before)
        or re.match(r"[-:/]\d|\w", after)
        or re.search(r"(?:Resolution|Article|Act|Law|Decree|Section|page|Chapter)\s+$", before)
    )


def _unit_about(match: re.Match[str], body: str, end: int) -> tuple[str | None, str, int]:
    """The figure's unit, what it is about, and where its phrase ends."""
    unit: str | None = None
    about = ""
    if match.group("percent"):
        unit = "percent"
    elif match.group("currency") or match.group("cur2"):
        cur = (match.group("currency") or match.group("cur2") or "").strip()
        unit = "EUR" if "€" in cur else "GBP" if "£" in cur else "USD"
    elif match.group("span"):  # "a two-week visit": a duration in weeks
        unit = match.group("span")[1:].rstrip("s") + "s"
        about = unit
    elif match.group("member"):
        unit = match.group("member")[1:] + "s"
        tail = re.match(r"\s+((?:[A-Z][\w-]*\s?)+)", body[end:])
        about = tail.group(1).strip() if tail else ""
    noun = _UNIT_NOUN_RE.match(body, end) or _MODIFIED_NOUN_RE.match(body, end)
    if noun and not about:
        about = noun.group(1)
        end = noun.end()
        if unit is None:
            unit = _unit_of(about)
    return unit, about, end


def _unit_of(about: str) -> str | None:
    if "barrels" in about:
        return "barrels per day" if ("per day" in about or "a day" in about) else "barrels"
    if _PEOPLE.search(about):
        return "people"
    return about.split()[-1] if about.endswith("s") else None


def _source(body: str, sentence: tuple[int, int], mentions: list[Mention]) -> str | None:
    """The actor named by "according to X" in the figure's sentence."""
    s, e = sentence
    according = re.search(r"according to\s+(?:the\s+)?", body[s:e])
    if not according:
        return None
    at = s + according.end()
    return next((m.name for m in mentions if at <= m.start <= at + 2), None)


def _vague(body: str, start: int) -> tuple[int, tuple[float | int, float | int]] | None:
    """ "hundreds of thousands" at ``start``: where the phrase ends and its range."""
    hit = VAGUE_RE.match(body, start)
    if not hit:
        return None
    span = vague_range(hit.group())
    return (hit.end(), span) if span else None


class _Mentions:
    """The mentions, and those starting in a stretch in their given order, by bisection
    (each figure asks for its sentence's; scanning them all per figure was quadratic)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.all = mentions
        self._order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self._starts = [mentions[i].start for i in self._order]

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        found = self._order[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        return [self.all[i] for i in sorted(found)]


def find_figures(
    body: str,
    mentions: list[Mention] | None = None,
    *,
    quotes: list[tuple[int, int]] | None = None,
    blocks: tuple[Block, ...] = (),
) -> tuple[Figure, ...]:
    """``quotes`` (spans of quoted speech) and ``blocks`` (captions) weigh on confidence."""
    indexed = _Mentions(mentions or [])
    captions = [(b.start, b.end) for b in blocks if b.kind == "caption"]
    bounds = sentence_bounds(body)
    starts = [s for s, _e in bounds]
    figures: list[Figure] = []
    covered = -1
    for match in _candidates(body):
        start, end = match.start(), match.end()
        if start == end or start < covered or _is_not_figure(match, body):
            continue
        index = bisect_right(starts, start) - 1
        sentence = bounds[index] if index >= 0 and start < bounds[index][1] else (start, end)
        placed = (
            any(s <= start < e for s, e in quotes or ()),
            any(s <= start < e for s, e in captions),
        )
        figure = _figure(body, match, sentence, indexed, placed)
        covered = figure.end
        if _AGO_RE.match(body, figure.end):
            continue
        figures.append(figure)
    return tuple(figures)


def _figure(
    body: str,
    match: re.Match[str],
    sentence: tuple[int, int],
    mentions: _Mentions,
    placed: tuple[bool, bool] = (False, False),
) -> Figure:
    """``placed``: whether the figure stands in a quote, and in a caption."""
    start, end = match.start(), match.end()
    before = body[max(0, start - 24) : start]
    value = _value(match.group("num"))
    low: float | int | None
    high: float | int | None
    vague = None if match.group("currency") or match.group("num2") else _vague(body, start)
    if vague:
        end, (low, high) = vague
        value = None
    else:
        scale = _SCALES.get((match.group("scale") or "").lower(), 1)
        if value is not None:
            value *= scale
        upper = _value(match.group("num2")) if match.group("num2") else None
        low, high = value_range(value, before, upper=upper * scale if upper else None)
    unit, about, end = _unit_about(match, body, end)
    s, e = sentence
    kind = kind_of(unit, about, before, body[end : end + 16], sized=bool(match.group("member")))
    if (
        kind == "count"
        and not about
        and value is not None
        and 15 <= value <= 110
        and _AGE_APPOSITION_RE.search(before)
        and body[end : end + 1] == ","
    ):
        kind = "age"
    near = mentions.starting_in(s, e + 1)
    inside = [m for m in near if m.end <= e and not start <= m.start < end]
    frame = frame_of(
        kind=kind,
        low=low,
        high=high,
        about=about,
        sentence=body[s:e],
        offset=start - s,
        figure_end=end,
        inside=inside,
    )
    return Figure(
        body[start:end],
        start,
        end,
        value,
        unit,
        about,
        _source(body, sentence, mentions.all),
        kind=kind,
        low=low,
        high=high,
        frame=frame.key,
        frame_label=frame.label,
        confidence=figure_confidence(
            FigureEvidence(
                kind,
                worded=not match.group("num")[0].isdigit(),
                vague=vague is not None,
                head=about,
                definite=is_definite(before) and not (match.group("member") or match.group("span")),
                framed=bool(frame.key),
                in_quote=placed[0],
                in_caption=placed[1],
            )
        ),
    )
