"""When a stance holds: time phrases near its cue, resolved against the article's date.

In:  a stretch of clean text (the clause around a stance cue) and the article's
     published date (or None).
Out: a ``date`` or None. "on 24 March 2021", "on March 24, 2021" -> that day;
     "in March 2021" -> 1 March 2021; "in 2017", "since 2019" -> 1 January of
     the year; "on Wednesday" -> the last Wednesday on or before the published
     date; "in March" -> 1 March of the published year (of the year before when
     March is later than the published month); "yesterday", "today" likewise.
     Phrases that need the published date give None without it.
Guarantees: pure, never raises.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b(?:on|since) (?P<day>\d{{1,2}}) {_MONTH},? {_YEAR}\b"),
    re.compile(rf"\b(?:on|since) {_MONTH} (?P<day>\d{{1,2}}),? {_YEAR}\b"),
    re.compile(rf"\b(?:on|since) (?P<day>\d{{1,2}}) {_MONTH}\b"),
    re.compile(rf"\b(?:on|since) {_MONTH} (?P<day>\d{{1,2}})\b"),
    re.compile(rf"\b(?:in|since) {_MONTH},? {_YEAR}\b"),
    re.compile(rf"\b(?:in|since) {_MONTH}\b"),
    re.compile(rf"\b(?:in|since) {_YEAR}\b"),
    re.compile(rf"\b(?:on|since|last) {_WEEKDAY}\b"),
    re.compile(r"\b(?P<relative>yesterday|today)\b"),
]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(match: re.Match[str], published: date | None) -> date | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    if "weekday" in groups:
        if published is None:
            return None
        back = (published.weekday() - _DAYS.index(groups["weekday"].lower())) % 7
        return published - timedelta(days=back)
    if "relative" in groups:
        if published is None:
            return None
        return published - timedelta(days=1 if groups["relative"] == "yesterday" else 0)
    month = _MONTHS[groups["month"].lower()] if "month" in groups else 1
    day = int(groups.get("day", "1"))
    if "year" in groups:
        return _safe_date(int(groups["year"]), month, day)
    if published is None:
        return None
    year = published.year - (1 if month > published.month else 0)
    return _safe_date(year, month, day)


def find_date(text: str, published: date | None) -> date | None:
    """The first time phrase in ``text`` that resolves, or None."""
    best: tuple[int, date] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            day = _resolve(match, published)
            if day is not None and (best is None or match.start() < best[0]):
                best = (match.start(), day)
            break
    return best[1] if best else None


def since_date(text: str, published: date | None) -> date | None:
    """The day a "since ..." phrase in ``text`` gives, or None."""
    at = text.find("since ")
    return find_date(text[at:], published) if at >= 0 else None
