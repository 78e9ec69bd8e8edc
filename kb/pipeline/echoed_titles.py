"""Descriptions a text defines itself: "Panglima Laot Tarmizi Abdul Gani … “…,” the
panglima laot said"; "the Defender of the People, Iris Cuéllar … said the Defender of
the People".

In:  the clean body, the mentions outside quotes in text order, and the spans other
     descriptions already cover.
Out: ``echoed_titles``: a ``Mention`` of the person for each "the X" next to a
     reporting verb whose words the text set, in any case, right before one person's
     name ("Panglima Laot X", "the Defender of the People, X,") or right after it
     ("X, the Defender of the People").
Guarantees: pure; ``body[m.start:m.end]`` is the description itself; a description
     echoing two people, or one the closed list of person descriptions reads
     ("the minister"), or one overlapping a mention, names no one.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kb.pipeline.text import find_words, fold, lexicon
from kb.pipeline.types import Mention
from kb.pipeline.wordlists import words

# Verbs that put a description next to a quote, as wire copy and translations write them.
_CUE_VERBS = (
    "said", "says", "added", "adds", "told", "affirmed", "declared", "stressed", "noted",
    "recalled", "manifested", "insisted", "explained", "warned", "assured", "indicated",
    "expressed", "precised", "concluded", "underlined", "emphasised", "emphasized",
    "continued", "replied", "answered", "asserted", "maintained", "remarked", "pointed out",
)  # fmt: skip
_WORD = r"[A-Za-zÀ-ÖØ-öø-ÿ’'-]+"


@cache
def _verb_words() -> tuple[str, ...]:
    return tuple(sorted({*_CUE_VERBS, *lexicon("reporting_verbs")}, key=len, reverse=True))


# "said the Defender of the People in …" (the words after "the" are cut below) and
# "the panglima laot said", read around each reporting verb only.
_AFTER_RE = re.compile(rf",?\s+(?P<d>the\s+{_WORD}(?:\s+{_WORD}){{0,4}})")
_BEFORE_RE = re.compile(rf"(?<![\w’'-])(?P<d>[Tt]he\s+{_WORD}(?:\s+{_WORD}){{0,4}}?),?\s+$")


def echoed_titles(
    body: str, outside: list[Mention], covered: list[tuple[int, int]]
) -> list[Mention]:
    people = [m for m in outside if m.kind == "person"]
    if not people or "he " not in body:
        return []
    starts = [m.start for m in people]
    spans = sorted([(m.start, m.end) for m in outside] + covered)
    out: list[Mention] = []
    for verb_start, verb_end in find_words(body, _verb_words()):
        for match in (
            _AFTER_RE.match(body, verb_end),
            _BEFORE_RE.search(body, max(0, verb_start - 80), verb_start),
        ):
            if match is None:
                continue
            start = match.start("d")
            earlier = people[: bisect_left(starts, start)]
            found = _longest_echo(body, match.group("d"), earlier) if earlier else None
            if found is None:
                continue
            end = start + found[0]
            if not any(lo < end and start < hi for lo, hi in spans):
                out.append(Mention(start, end, found[1], "person"))
                spans.append((start, end))
    return sorted(out, key=lambda m: m.start)


def _longest_echo(body: str, phrase: str, earlier: list[Mention]) -> tuple[int, str] | None:
    """The longest "the …" prefix of ``phrase`` that the text set next to exactly one
    earlier person's name, as (its length, that person)."""
    tokens = list(re.finditer(_WORD, phrase))
    for count in range(len(tokens), 1, -1):  # "the" and at least one word
        length = tokens[count - 1].end()
        described = [fold(t.group()) for t in tokens[1:count]]
        if described[-1] in _FUNCTION_WORDS or described[0] in _FUNCTION_WORDS:
            continue
        if " ".join(described) in words("person_descriptions") or described[-1] in words(
            "person_descriptions"
        ):
            return None  # the closed list's own rules decide "the minister"
        pattern = _echo_res(tuple(described))
        holders = {m.name for m in earlier if _echoes(body, m, pattern)}
        if len(holders) == 1:
            return length, holders.pop()
        if holders:
            return None  # two people so described: no one
    return None


_FUNCTION_WORDS = frozenset(words("function_words")) | {"same", "other", "first", "last"}


@cache
def _echo_res(
    described: tuple[str, ...],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    phrase = r"\s+".join(re.escape(w) for w in described)
    return (
        # "Panglima Laot X", "the Defender of the People, X": right before the name
        re.compile(rf"(?<![\w’'-])(?i:{phrase}),?\s+$"),
        # "X, the Defender of the People", "X, UNHCR Representative in …"
        re.compile(rf",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){{0,2}}(?i:{phrase})\b"),
        re.compile(rf"(?i:{phrase})\s+[A-Z]"),
    )


def _echoes(
    body: str, mention: Mention, pattern: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
) -> bool:
    before, after, within = pattern
    return bool(
        before.search(body, max(0, mention.start - 80), mention.start)
        or after.match(body, mention.end, mention.end + 120)
        # "Panglima Laot Tarmizi Abdul Gani" read whole as a name: the title opens it
        or within.match(body, mention.start, mention.end)
    )
