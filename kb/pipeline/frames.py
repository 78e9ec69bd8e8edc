"""Figure frames: what a number counts, so that only like is compared with like.

In:  one figure (its span, value and unit as ``figures`` read them), the clean
     body, the bounds of its sentence and the mentions inside that sentence.
Out: a ``Frame``: the figure's ``kind`` (count, duration, age, percent, money,
     rate, size), the range it stands for (``low``..``high``: "about three
     million" is 2.7 to 3.3 million, "hundreds of thousands" 100,000 to
     999,999), and for counts a ``key`` naming the event, the thing counted and
     what it is about ("displaced|people|VE"), with a reader's ``label``.
Guarantees: pure, never raises. A frame gets a key only when the sentence
states all three parts; two figures are worth comparing only when their keys
are equal (``conflicting``). Durations, ages, dates, money and percentages of
different bases never get a key, so they are never set against counts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kb.pipeline.fold import fold
from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.text import DATA_DIR
from kb.pipeline.types import Mention

# Relative widths: a round figure in a report stands for a range, not a point.
_EXACT_TOLERANCE = 0.02
_APPROXIMATE = 0.10
# "more than 20" in reporting means the next round figure was not reached.
_AT_LEAST_SPAN = 1.5

# Whole numbers, written out as such ("2000000", not "2000000.0"): typed "float | int"
# all the way to ``Figure``, because compiled (mypyc) a bare float turns them into floats.
_VAGUE_RANGES: dict[str, tuple[float | int, float | int]] = {
    "dozens": (24, 144),
    "scores": (40, 200),
    "tens": (20, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
}
VAGUE_RE = re.compile(
    r"\b(?:(?:tens|hundreds) of (?:thousands|millions)"
    r"|dozens|scores|tens|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ'\u2019-]+")
_SINCE_RE = re.compile(r"\bsince (?:the (?:start|end) of )?((?:19|20)\d\d)\b")
_AGE_RE = re.compile(r"^-year-old|^\s*(?:years?|yrs?)[ -]old")
_AGED_RE = re.compile(r"\b(?:aged|age of)\s*$")


@dataclass(frozen=True, slots=True)
class Frame:
    kind: str  # count | duration | age | percent | money | rate | size
    low: float | None
    high: float | None
    key: str = ""
    label: str = ""


@cache
def _data() -> dict[str, Any]:
    with (DATA_DIR / "frames.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@cache
def _event_of_word() -> dict[str, str]:
    return {w: event for event, words in _data()["events"].items() for w in words}


@cache
def _counted_of_word() -> dict[str, str]:
    found: dict[str, str] = {}
    for counted, words in _data()["counted"].items():
        for word in words:
            found.setdefault(word, counted)
    return found


def vague_range(text: str) -> tuple[float | int, float | int] | None:
    """The range a vague magnitude stands for ("hundreds of thousands")."""
    return _VAGUE_RANGES.get(" ".join(text.lower().split()))


@cache
def _qualifier_words() -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    """Each qualifier kind in order, its words, and its words after a space."""
    kinds = ("at_least", "at_most", "approximate")
    return tuple((k, frozenset(_data()[k]), tuple(" " + w for w in _data()[k])) for k in kinds)


def _qualifier(before: str) -> str:
    tail = " ".join(before.lower().split())[-24:]
    for kind, whole, spaced in _qualifier_words():
        if tail in whole or tail.endswith(spaced):
            return kind
    return "exact"


def value_range(
    value: float | None, before: str, *, upper: float | None = None
) -> tuple[float | None, float | None]:
    """``value`` read with the words just before it ("about", "more than")."""
    if value is None:
        return None, None
    if upper is not None:
        return value, upper
    qualifier = _qualifier(before)
    if qualifier == "approximate":
        return value * (1 - _APPROXIMATE), value * (1 + _APPROXIMATE)
    if qualifier == "at_least":
        return value, value * _AT_LEAST_SPAN
    if qualifier == "at_most":
        return value / _AT_LEAST_SPAN, value
    return value * (1 - _EXACT_TOLERANCE), value * (1 + _EXACT_TOLERANCE)


def kind_of(unit: str | None, about: str, before: str, after: str, *, sized: bool) -> str:
    """``sized`` marks "the 14-member group": the size of a body, not a count."""
    words = about.lower().split()
    head = words[-1] if words else ""
    if unit == "percent":
        return "percent"
    if unit in ("USD", "EUR", "GBP"):
        return "money"
    if _AGE_RE.match(after) or _AGED_RE.search(before):
        return "age"
    if sized:
        return "size"
    tail = " ".join(after.lower().split())
    phrase = " ".join(words)
    if any(tail.startswith(t) or phrase.endswith(" " + t) for t in _data()["rate_tails"]):
        return "rate"
    if head in _data()["durations"]:
        return "duration"
    return "count"


def _event(sentence: str, offset: int, counted_words: list[str]) -> str:
    """The event class nearest the figure in its sentence; the counted noun first."""
    events = _event_of_word()
    for word in counted_words:
        if fold(word) in events:
            return events[fold(word)]
    best, distance = "", 10**9
    for match in _WORD_RE.finditer(sentence):
        event = events.get(fold(match.group()))
        if event and abs(match.start() - offset) < distance:
            best, distance = event, abs(match.start() - offset)
    return best


def _counted(counted_words: list[str]) -> tuple[str, str]:
    """(class of the thing counted, country its demonym names)."""
    country = ""
    for word in counted_words:
        country = _demonym_code(word) or country
    head = fold(counted_words[-1]) if counted_words else ""
    if country and _demonym_code(counted_words[-1]):
        return "people", country  # "2.3 million Venezuelans"
    return _counted_of_word().get(head, ""), country


def _demonym_code(word: str) -> str | None:
    hit = gazetteer().entries.get(word)
    return hit[0] if hit and hit[1] == "demonym" else None


def _anchor(event: str, country: str, figure_end: int, inside: list[Mention]) -> tuple[str, str]:
    """What the counted thing is about: (key part, reader's name)."""
    if event == "recognized":
        # Only people: a recognised "assembly" or "government" is too often
        # the wrong noun of a passive sentence whose subject came before.
        people = {m.name for m in inside if m.kind == "person"}
        if len(people) == 1:
            (name,) = people
            return fold(name), name
        return "", ""
    if country:
        return country, gazetteer().display.get(country, country)
    places = [m for m in inside if m.kind in ("country", "demonym")]
    after = [m for m in places if m.start >= figure_end]
    chosen = after[0] if after else (places[0] if len({m.name for m in places}) == 1 else None)
    if chosen is None:
        return "", ""
    code = lookup(chosen.name)
    return (code, gazetteer().display.get(code, chosen.name)) if code else ("", "")


_LABELS = {
    "displaced": "{counted} who left {anchor}",
    "recognized": "{counted} recognising {anchor}",
    "killed": "{counted} killed ({anchor})",
    "wounded": "{counted} wounded ({anchor})",
    "detained": "{counted} detained ({anchor})",
    "sanctioned": "{counted} under sanctions ({anchor})",
}


def frame_of(
    *,
    kind: str,
    low: float | None,
    high: float | None,
    about: str,
    sentence: str,
    offset: int,
    figure_end: int,
    inside: list[Mention],
) -> Frame:
    """``offset`` is the figure's start within ``sentence``; ``inside`` its mentions."""
    if kind != "count":
        return Frame(kind, low, high)
    counted_words = _WORD_RE.findall(about)
    counted, country = _counted(counted_words)
    event = _event(sentence, offset, counted_words)
    if not (counted and event):
        return Frame(kind, low, high)
    anchor, anchor_name = _anchor(event, country, figure_end, inside)
    if not anchor:
        return Frame(kind, low, high)
    label = _LABELS[event].format(counted=counted, anchor=anchor_name)
    since = _SINCE_RE.search(sentence)
    if since:
        label += f" since {since.group(1)}"
    return Frame(kind, low, high, f"{event}|{counted}|{anchor}", label)


def conflicting(a: Frame, b: Frame) -> bool:
    """Two figures about one frame whose ranges do not meet."""
    if not a.key or a.key != b.key:
        return False
    if None in (a.low, a.high, b.low, b.high):
        return False
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    return a.high < b.low or b.high < a.low
