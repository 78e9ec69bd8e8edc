"""The publication date written in an article's furniture.

In:  one line of the raw article ("By Ana Ruiz | 12 June 2026", "March 3, 2019 5:04 PM",
     "date: 2019-05-01").
Out: ``parse_date``: the first day-month-year the line writes, as a ``date``, or None;
     ``DATE_PREFIX_RE``: a "date: YYYY-MM-DD" line opening a saved page.
Guarantees: pure; never raises.
"""

from __future__ import annotations

import re
from datetime import date, datetime

DATE_PREFIX_RE = re.compile(r"^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*")
_DATELINE_RES = (
    (re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b"), ("%d %b %Y", "%d %B %Y")),
    (re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})\b"), ("%b %d %Y", "%B %d %Y")),
)


def parse_date(text: str) -> date | None:
    for rx, formats in _DATELINE_RES:
        match = rx.search(text)
        if not match:
            continue
        joined = " ".join(match.groups())
        for fmt in formats:
            try:
                return datetime.strptime(joined, fmt).date()  # noqa: DTZ007 - a date only
            except ValueError:
                continue
    return None
