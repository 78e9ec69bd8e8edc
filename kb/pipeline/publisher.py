"""The publisher of an article, read off its own furniture.

In:  the raw article text.
Out: ``find_publisher``: the agency of a wire dateline ("CARACAS (Reuters) -"), else the
     outlet a byline, a newsletter box, "told X News", "The BBC's X reports" or "As X
     has argued" names, else the site of an "Also on x.com" box; None when nothing does.
     ``WIRE_DATELINE_RE`` (the dateline, which the cleaner also keeps out of actors),
     ``dateline`` (a line's dateline of any form, with a correspondent's tag) and
     ``first_at`` (a search tried only where a pattern's literal lead occurs).
Guarantees: pure; reads at most the first 40 lines for a dateline.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.credit_lines import CORRESPONDENT_RE

# Each with the literals without which it cannot match the article (as the cleaner's credits);
# the first is where every match begins, when one is (``first_at``).
_PUBLISHER_RES: tuple[tuple[tuple[str, ...], bool, re.Pattern[str]], ...] = (
    (
        ("By",),
        True,
        re.compile(
            r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3},\s+(?:the\s+)?([A-Z][A-Za-z]{1,10})\b",
            re.MULTILINE,
        ),
    ),
    (
        ("Subscribe to ",),
        True,
        re.compile(r"\bSubscribe to (?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}) newsletter"),
    ),
    (
        ("told ",),
        True,
        re.compile(r"\btold (?:the\s+)?((?:[A-Z][\w.]*\s){1,3}(?:News|Radio|Television|TV))\b"),
    ),
    (
        ("explains", "reports"),
        False,
        re.compile(
            r"\b(?:The\s+)?([A-Z]{2,5})[’']s\s+[A-Z][\w-]+\s+[A-Z][\w-]+\s+(?:explains|reports)\b"
        ),
    ),
    (
        ("As",),
        True,
        re.compile(
            r"\bAs\s+([A-Z][\w]*(?:\s[A-Z][\w]*){0,3})\s+has\s+(?:\w+\s+)?(?:argued|noted|reported|warned|written)\b"
        ),
    ),
)


# "CARACAS (Reuters) -", "KHARTOUM, Aug 3 (Reuters) -" and "Cucuta, Colombia - ": a wire
# dateline names a place and
# the agency, neither of them an actor of the story.
WIRE_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z0-9 .]{2,30})?\s+\(([A-Z][\w.]*(?: [A-Z][\w.]*)?)\)"
    r"\s*[-–—]+\s"
)


# "Cucuta, Colombia - ", and with no dash after the agency: "Caracas, Jan 6 (Prensa
# Latina) The …", "New Delhi, Mar 18 (PTI) Two …".
PLACE_DATELINE_RE = re.compile(
    r"^([A-Z][\w'’ .]{2,30})(?:,\s+[A-Z][\w .]{2,30}\s+"
    r"(?:[-–—]\s|\([A-Z][\w .]{1,25}\)\s+(?=[A-Z0-9]))"
    # "Addis Ababa (Addis Zena) - The third round …": the outlet, no date
    r"|\s+\([A-Z][\w .]{1,25}\)\s*[-–—]\s)"
)
_ALSO_ON_RE = re.compile(
    r"^Also on ([a-z0-9-]+)\.(?:com|org|net|co\.uk|ru|tv)\b", re.IGNORECASE | re.MULTILINE
)


def dateline(line: str) -> re.Match[str] | None:
    """The dateline opening ``line``: "KHARTOUM, Aug 3 (Reuters) -", "Cucuta, Colombia - ",
    or a TASS-style one up to its correspondent's tag ("CHISINAU, 9 January. /Corr. X/")."""
    return (
        WIRE_DATELINE_RE.match(line)
        or PLACE_DATELINE_RE.match(line)
        or (CORRESPONDENT_RE.search(line, 0, 120) if "/" in line else None)
    )


def first_at(rx: re.Pattern[str], lead: str, text: str) -> re.Match[str] | None:
    """``rx.search(text)`` for a pattern whose every match begins with ``lead`` (after
    zero-width assertions): tried only where ``lead`` occurs. The engine cannot skip
    to a literal behind "\\b" or "^", so search tried the pattern at every position."""
    pos = text.find(lead)
    while pos >= 0:
        match = rx.match(text, pos)
        if match:
            return match
        pos = text.find(lead, pos + 1)
    return None


def find_publisher(raw: str) -> str | None:
    if "(" in raw:
        for line in raw.splitlines()[:40]:
            wire = WIRE_DATELINE_RE.match(line.strip())
            if wire:
                return wire.group(1)
    for needles, leads, rx in _PUBLISHER_RES:
        if not any(n in raw for n in needles):
            continue
        match = first_at(rx, needles[0], raw) if leads else rx.search(raw)
        if match:
            return match.group(1).strip()
    match = _ALSO_ON_RE.search(raw)
    if match:
        site = match.group(1)
        return site.upper() if len(site) <= 4 else site.capitalize()
    return None
