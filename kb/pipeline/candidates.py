"""Candidate actor spans: the clean body in, classified capitalised spans out.

In:  the clean body, spans to ignore (credits, bylines), heading and quote spans,
     and the article's publisher.
Out: ``Candidate``s in text order: capitalised runs (``runs``: "Ruritanian
     Foreign Minister Ana Ruiz") cut at titles by each run's ``run_plan.plan``, then at
     connectors and not-actor
     words into pieces (``pieces``), each classified by ``classify``; an
     organisation naming its officer is cut in two ("OAS Secretary-General Tomas
     Vidal"); plus the formula-named organisations of ``bodies`` (bracketed
     acronyms spelled out, state bodies, "Committee to Protect Journalists").
     Datelines ("BEIJING —") are no candidates.
Guarantees: pure; every candidate satisfies ``body[start:end] == text``, none
     starts inside an excluded span, and a spelled-out name or state body
     replaces the run candidates starting inside it.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from collections.abc import Iterator

from kb.pipeline.bodies import (
    acronym_names,
    described_names,
    group_tags,
    infinitive_names,
    state_bodies,
)
from kb.pipeline.body_extent import joined_remits
from kb.pipeline.caps_names import caps_names
from kb.pipeline.classify import classify
from kb.pipeline.entity import (
    MEDIA_HEADS,
    Candidate,
    Lexicon,
    Spans,
    is_acronym,
)
from kb.pipeline.name_trims import trimmed
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.run_plan import plan
from kb.pipeline.runs import Run, at_plural_possessives, sequences
from kb.pipeline.text import fold

_ELIDED_RE = re.compile(r"(?<![\w'’])[a-z]['’]$")


class _Marks:
    """Where a candidate sits: in an excluded span, a quote, a heading."""

    def __init__(
        self,
        excluded: tuple[tuple[int, int], ...],
        headings: list[tuple[int, int]],
        quotes: list[tuple[int, int]],
    ) -> None:
        self.excluded, self.quotes, self.headings = Spans(excluded), Spans(quotes), Spans(headings)

    def mark(self, cand: Candidate) -> Candidate:
        cand.in_quote = cand.start in self.quotes
        cand.in_heading = cand.start in self.headings
        return cand


def candidates(
    body: str,
    lex: Lexicon,
    excluded: tuple[tuple[int, int], ...],
    headings: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    publisher: str | None,
    main: str | None = None,
) -> list[Candidate]:
    out: list[Candidate] = []
    # A news outlet naming itself is not an actor; a think tank citing itself
    # ("As Crisis Group has argued") is.
    words = (publisher or "").split()
    media_like = bool(words) and (is_acronym(words[0]) or words[-1] in MEDIA_HEADS)
    publisher_key = fold(publisher) if publisher and media_like else None
    pending: list[Run] = []
    marks = _Marks(excluded, headings, quotes)
    for run in _runs_then_pending(at_plural_possessives(body, sequences(body)), pending):
        if _ELIDED_RE.match(body, max(0, run[0][1] - 2), run[0][1]):
            continue  # "Côte d'Ivoire": the word after an elided article ends a name begun before
        planned = plan(tuple([w for w, _s, _e in run]))
        if planned is None:
            continue
        split, title, slices = planned
        if split is not None:
            pending.append(run[split:])
            for a, b in slices:
                cand = classify(body, run[a:b], "", lex)
                if (
                    cand is not None
                    and cand.start not in marks.excluded
                    and not _dateline(body, cand)
                ):
                    out.append(marks.mark(cand))
            continue
        for a, b in slices:
            cand = classify(body, run[a:b], title, lex)
            if cand is None:
                continue
            title = ""
            if cand.start in marks.excluded or _dateline(body, cand):
                continue
            if publisher_key and fold(cand.text) in (publisher_key, fold(publisher_key.split()[0])):
                continue
            while out and out[-1].start >= cand.start:
                out.pop()  # "Land and Justice Party": a name run back over the word before
            if out and cand.start < out[-1].end:
                continue  # "Institute for Peace and Security Studies": inside a name run on
            out.append(marks.mark(trimmed(body, cand, lex)))
    spelled = (
        acronym_names(body, excluded)
        + described_names(body, excluded)
        + state_bodies(body, excluded, main)
        + infinitive_names(body, excluded, headings)
        + caps_names(body, excluded)
        + group_tags(body, excluded)
    )
    if spelled:
        out = [c for c in out if not any(x.start <= c.start < x.end for x in spelled)]
        out = sorted(out + [marks.mark(c) for c in spelled], key=lambda c: c.start)
    return joined_remits(body, out)


_AGENCY_BEFORE_RE = re.compile(r"[A-Z][\w .'’-]{1,40},\s*[\w .]{2,30}\s+\(")
# "(Reuters) -", "(EFE).-", and PTI's "New Delhi, Mar 18 (PTI) Two Indian …", no dash.
_AGENCY_AFTER_RE = re.compile(r"\)\s*\.?\s*[-–—]|\)[ \t]+(?=[A-Z0-9])")
# "PANAMA CITY / GENEVA, 7 December -": the slash spaced or not
_PLACES_DATELINE_RE = re.compile(r"[A-Z][A-Z.'’ -]*(?:\s?/\s?[A-Z][A-Z.'’ -]*)+(?=,|\s*[—–-])")
# "MARACAY.- At least …": the Spanish press's dateline ends on a full stop and a dash.
_DATELINE_AFTER_RE = re.compile(r"[ \t]*(?:,|:|—|–|-|\(|\.[-–—])")


def _dateline(body: str, cand: Candidate) -> bool:
    """ "BEIJING —", "KHARTOUM, Aug 3 (Reuters) -", "COLOMBO (AFP)": an upper-case
    place opening a line is a dateline, not an organisation (acronyms are shorter);
    "Bamako, 3 March (AMAP) -", "Quito, 12 Jan (EFE).-": the agency of a dateline."""
    if (
        body[cand.start - 1 : cand.start] == "("
        and _AGENCY_AFTER_RE.match(body, cand.end)
        and _AGENCY_BEFORE_RE.fullmatch(body, body.rfind("\n", 0, cand.start) + 1, cand.start)
    ):
        return True  # "Caracas, Jan 6 (Prensa Latina) The …": an agency in any case
    if not cand.text.isupper() or reference_org(cand.text) is not None:
        return False
    if (
        (cand.start == 0 or body[cand.start - 1] == "\n")
        and len(cand.text.replace(" ", "")) >= 4
        and _DATELINE_AFTER_RE.match(body, cand.end) is not None
    ):
        return True
    # "ABIDJAN/GENEVA, 14 March -", "GENEVA/PORT-AU-PRINCE, 22 October -": every
    # upper-case place of a line's dateline.
    line_start = body.rfind("\n", 0, cand.start) + 1
    head = _PLACES_DATELINE_RE.match(body, line_start)
    return head is not None and cand.end <= head.end() and "/" in head.group()


def _runs_then_pending(runs: list[Run], pending: list[Run]) -> Iterator[Run]:
    """Each run, and right after it any tail the caller split off and queued."""
    for run in runs:
        yield run
        while pending:
            yield pending.pop()
