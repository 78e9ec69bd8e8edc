"""Scoring figures: gold figures against predicted ones, by where they stand in the text.

In:  one gold annotation dict, one prediction (``jsonout.to_json`` with the clean
     body added under ``"body"``, as ``evaluate.score_folder`` does), the ``Report``.
Gold: ``figures`` (our own articles: text, kind, low, high, counts; see
     tests/pipeline/fixtures/generality/README) or, failing that, the seeds'
     ``numeric_claims`` (a fragment and the ``quantity`` inside it; no kind or range).
Out: figure precision and recall (``Report.figures``); on matched gold figures
     that state them, kind and range accuracy; and calibration: a predicted figure
     is right when it matches a gold figure with the right kind and range.
Matching: each gold figure is found in the body (its phrase, searched after the
previous gold figure's start, so repeats are told apart); a predicted figure
matches the first unmatched gold figure whose span overlaps its own. A second
prediction on one gold figure is a false positive.
Range: each bound the gold states must be within 11 % of the predicted one (a
hedged "about 60" is read 54..66, an exact figure within 2 %); an open bound
("more than X": X..null) must stay open in the prediction (its other end
beyond X by more than 11 %, or null).
Guarantees: pure; never mutates its inputs; scores nothing without a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kb.pipeline.scoring import Report

_TOLERANCE = 0.11


@dataclass(frozen=True, slots=True)
class GoldFigure:
    text: str
    start: int  # -1 when the phrase is not in the body
    end: int
    kind: str | None = None  # None: the gold does not say (the seeds)
    low: float | None = None
    high: float | None = None
    ranged: bool = False  # the gold states low and high (null meaning open)


def _find(body: str, phrase: str, after: int) -> int:
    """Where ``phrase`` stands in ``body`` (whitespace-insensitive), from ``after`` on."""
    at = body.find(phrase, after)
    if at < 0:
        at = body.find(phrase)
    if at >= 0:
        return at
    pattern = r"\s+".join(re.escape(w) for w in phrase.split())
    hit = re.compile(pattern).search(body, after) or re.compile(pattern).search(body)
    return hit.start() if hit else -1


def _phrase_end(body: str, phrase: str, at: int) -> int:
    pattern = r"\s+".join(re.escape(w) for w in phrase.split())
    hit = re.compile(pattern).match(body, at)
    return hit.end() if hit else at + len(phrase)


def gold_figures(gold: dict[str, Any], body: str) -> list[GoldFigure]:
    """The gold figures of one article, placed in ``body``."""
    found: list[GoldFigure] = []
    after = 0
    if "figures" in gold:
        for item in gold["figures"]:
            text = str(item["text"])
            at = _find(body, text, after)
            after = at + 1 if at >= 0 else after
            end = _phrase_end(body, text, at) if at >= 0 else -1
            low, high = item.get("low"), item.get("high")
            found.append(
                GoldFigure(
                    text,
                    at,
                    end,
                    item.get("kind"),
                    None if low is None else float(low),
                    None if high is None else float(high),
                    ranged=True,
                )
            )
        return found
    for claim in gold.get("numeric_claims", []):  # the seeds: a fragment and its quantity
        fragment, quantity = str(claim.get("text", "")), str(claim.get("quantity", ""))
        base = _find(body, fragment, 0)
        at = _find(body, quantity, base) if base >= 0 and quantity else -1
        end = _phrase_end(body, quantity, at) if at >= 0 else -1
        found.append(GoldFigure(quantity or fragment, at, end))
    return found


def _near(predicted: float | None, gold: float) -> bool:
    return predicted is not None and abs(predicted - gold) <= _TOLERANCE * abs(gold) + 1e-9


def range_right(gold: GoldFigure, low: float | None, high: float | None) -> bool:
    """Whether the predicted ``low``..``high`` reads the range the gold states."""
    if gold.low is None and gold.high is None:
        return True
    if gold.low is not None and gold.high is not None:
        return _near(low, gold.low) and _near(high, gold.high)
    if gold.low is not None:  # "more than X": open above
        return _near(low, gold.low) and (high is None or high > gold.low * (1 + _TOLERANCE))
    assert gold.high is not None  # "below X": open below
    return _near(high, gold.high) and (low is None or low < gold.high * (1 - _TOLERANCE))


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def score_figures(gold: dict[str, Any], pred: dict[str, Any], report: Report, label: str) -> None:
    body = pred.get("body")
    if not isinstance(body, str) or not ("figures" in gold or "numeric_claims" in gold):
        return
    golds = gold_figures(gold, body)
    score = report.figures
    matched: set[int] = set()
    for fig in sorted(pred.get("figures", []), key=lambda f: int(f.get("start", 0))):
        start, end = int(fig.get("start", 0)), int(fig.get("end", 0))
        hit = next(
            (
                i
                for i, g in enumerate(golds)
                if i not in matched and g.start >= 0 and g.start < end and start < g.end
            ),
            None,
        )
        if hit is None:
            score.fp += 1
            score.invented.append(f"{label}:{fig.get('text')}")
            score.count_confidence(fig.get("confidence"), right=False)
            continue
        matched.add(hit)
        score.tp += 1
        g = golds[hit]
        kind = fig.get("kind")
        kind_ok = g.kind is None or kind == g.kind
        range_ok = not g.ranged or range_right(g, _number(fig.get("low")), _number(fig.get("high")))
        if g.kind is not None:
            report.figure_kinds_total += 1
            report.figure_kinds_right += kind_ok
            if not kind_ok:
                report.figure_errors.append(f"{label}:{g.text} kind gold={g.kind} got={kind}")
        if g.ranged:
            report.figure_ranges_total += 1
            report.figure_ranges_right += range_ok
            if not range_ok:
                report.figure_errors.append(
                    f"{label}:{g.text} range gold={g.low}..{g.high} "
                    f"got={fig.get('low')}..{fig.get('high')}"
                )
        score.count_confidence(fig.get("confidence"), right=kind_ok and range_ok)
    for i, g in enumerate(golds):
        if i not in matched:
            score.fn += 1
            score.missed.append(f"{label}:{g.text}" + ("" if g.start >= 0 else " (not in body)"))
