"""Scoring stances: unique (subject, relation, object) triples per document.

Gold ``stances`` are scored against predicted stances that hold, gold
``negative_stances`` (relations stated as not holding or as ended) against
predicted stances that are negated or carry a ``valid_to``. Subject and object
match as a speaker does, or as countries with the same ISO code; "meets"
matches either way round.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.scoring import Report, Score, country_code, entity_forms, forms_of, name_key

Triple = tuple[str, str, str]
_SYMMETRIC = frozenset({"meets"})  # "X meets Y" is "Y meets X"
Forms = dict[str, set[str]]


def _same_entity(gold_name: str, pred_name: str, gold: dict[str, Any], pred_forms: Forms) -> bool:
    if entity_forms(gold_name, gold) & (pred_forms.get(pred_name) or {name_key(pred_name)}):
        return True
    code = _name_code(pred_name)
    return code is not None and code == _name_code(gold_name, gold)


def _name_code(name: str, gold: dict[str, Any] | None = None) -> str | None:
    """The ISO code of a country name, or of the gold country that has it as a form."""
    code = lookup(name) or gazetteer().entries.get(name, (None, "name"))[0]
    if code or gold is None:
        return code
    for item in gold.get("countries", []):
        if name_key(name) in forms_of(item):
            return country_code(item)
    return None


def _score_stances(
    gold_triples: list[Triple],
    pred_triples: dict[Triple, float | None],
    context: tuple[dict[str, Any], Forms],
    score: Score,
    label: str,
) -> None:
    gold, pred_forms = context
    matched: set[int] = set()
    for (subj, rel, obj), confidence in pred_triples.items():
        hit = next(
            (
                i
                for i, (gs, gr, go) in enumerate(gold_triples)
                if i not in matched
                and gr == rel
                and (
                    (
                        _same_entity(gs, subj, gold, pred_forms)
                        and _same_entity(go, obj, gold, pred_forms)
                    )
                    or (
                        rel in _SYMMETRIC
                        and _same_entity(gs, obj, gold, pred_forms)
                        and _same_entity(go, subj, gold, pred_forms)
                    )
                )
            ),
            None,
        )
        score.count_confidence(confidence, right=hit is not None)
        if hit is None:
            score.fp += 1
            score.invented.append(f"{label}:{subj} {rel} {obj}")
        else:
            matched.add(hit)
            score.tp += 1
    for i, (gs, gr, go) in enumerate(gold_triples):
        if i not in matched:
            score.fn += 1
            score.missed.append(f"{label}:{gs} {gr} {go}")


def _triples(items: Iterable[dict[str, Any]]) -> dict[Triple, float | None]:
    """Unique triples, each with the highest confidence any of its evidence has."""
    seen: dict[Triple, float | None] = {}
    for s in items:
        subj, rel, obj = str(s.get("subject")), str(s.get("relation")), str(s.get("object"))
        if rel in _SYMMETRIC and (obj, rel, subj) in seen:
            subj, obj = obj, subj
        confidence = s.get("confidence")
        old = seen.get((subj, rel, obj))
        if old is not None and confidence is not None:
            confidence = max(old, float(confidence))
        seen[(subj, rel, obj)] = old if confidence is None else float(confidence)
    return seen


def score_stances(gold: dict[str, Any], pred: dict[str, Any], report: Report, label: str) -> None:
    forms: Forms = {a.get("name") or "": forms_of(a) for a in pred.get("actors", [])}
    forms.update({c.get("name") or "": forms_of(c) for c in pred.get("countries", [])})
    stances = pred.get("stances", [])
    ended = [s for s in stances if s.get("negated") or s.get("valid_to")]
    holding = [s for s in stances if not (s.get("negated") or s.get("valid_to"))]
    context = (gold, forms)
    _score_stances(
        list(_triples(gold.get("stances", []))),
        _triples(holding),
        context,
        report.stances,
        label,
    )
    _score_stances(
        list(_triples(gold.get("negative_stances", []))),
        _triples(ended),
        context,
        report.negated_stances,
        label,
    )
