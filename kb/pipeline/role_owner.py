"""Roles: who a title is of, as the text writes it before or around the title.

In:  the body, where a title starts, and the organisation mentions of the
     article as ``(start, end, ActorFound.name)`` sorted by start.
Out: the organisation (an ``ActorFound.name``) or country (ISO code) that owns
     the title: "Peru's", "the EU's", "Renewal Party", "Agency" (the end of an
     organisation's name the article gives in full), "Peruvian", "U.S.".
Guarantees: pure, never raises.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left

from kb.pipeline.geo import GeoMention, lookup

_POSSESSIVE_RE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\s+$")
_CAPS_BEFORE_RE = re.compile(r"((?:[A-Z][\w-]*\s){1,4})$")


def org_at(orgs: list[tuple[int, int, str]], start: int, end: int) -> tuple[int, int, str] | None:
    for s, e, name in orgs:
        if start <= s and e <= end:
            return s, e, name
    return None


def org_ending(orgs: list[tuple[int, int, str]], end: int) -> tuple[int, int, str] | None:
    """The organisation mention (``orgs`` sorted by start) that ends at ``end``."""
    index = bisect_left(orgs, (end,)) - 1
    while index >= 0 and orgs[index][0] > end - 120:
        if orgs[index][1] == end:
            return orgs[index]
        index -= 1
    return None


def country_at(geo: list[GeoMention], start: int, end: int) -> str | None:
    for g in geo:
        if start <= g.start and g.end <= end:
            return g.code
    return None


def short_org(
    body: str, title_start: int, floor: int, orgs: list[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    """ "Agency Director General Ana Ruiz" after "the Atomic Energy Agency": capitalised
    words before the title that end the name of an organisation the article names."""
    run = _CAPS_BEFORE_RE.search(body, max(floor, title_start - 40), title_start)
    if run is None:
        return None
    words = run.group(1).split()
    for k in range(len(words)):
        short = " ".join(words[k:])
        for _s, _e, name in orgs:
            if name == short or name.endswith(" " + short):
                return title_start - len(short) - 1, title_start - 1, name
    return None


def owner_before(
    body: str, title_start: int, floor: int, orgs: list[tuple[int, int, str]]
) -> tuple[int, str | None, str | None]:
    """Who the title at ``title_start`` is of, as written before it: "Peru's", "the
    EU's", "Renewal Party", "Peruvian", "U.S.". Returns (role start, org, country)."""
    possessive = _POSSESSIVE_RE.search(body, max(floor, title_start - 40), title_start)
    if possessive and possessive.end() == title_start:
        code = lookup(possessive.group(1))
        if code:
            return possessive.start(1), None, code
        org = org_ending(orgs, possessive.end(1))
        if org:
            return org[0], org[2], None
    org = org_ending(orgs, title_start - 1) or short_org(body, title_start, floor, orgs)
    if org:
        return org[0], org[2], None
    qualifier = body[max(floor, title_start - 30) : title_start].split()
    if qualifier and lookup(qualifier[-1]):
        return title_start - len(qualifier[-1]) - 1, None, lookup(qualifier[-1])
    return title_start, None, None
