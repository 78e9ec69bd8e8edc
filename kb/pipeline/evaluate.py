"""Scoring: gold annotation files and pipeline predictions in, a ``Report`` out.

In:  a folder of gold JSON files (people, organizations, countries, quotes
     with speakers) and predictions keyed by gold file stem, each in the
     ``jsonout.to_json`` shape.
Out: precision, recall and F1 for people, organizations, countries, quotes,
     stances (``score_stances``), negated stances and roles (``score_roles``),
     speaker accuracy on matched quotes, organisation-or-country accuracy on
     matched roles, how often confident facts are right (``Score.count_confidence``:
     people, organisations, stances, roles), and what was missed or invented.
Matching: a gold actor matches a predicted actor of the same kind when any
folded form (name or surface form, ignoring accents and case) is shared; a
second prediction for an already matched gold actor is one false positive.
Countries match by ISO code (gold names go through ``geo.lookup``). A gold
quote matches a predicted quote when their folded texts overlap by most of
their length. A speaker is right when the predicted speaker shares a form with
the gold speaker (through the gold entity that has that name or surface form;
a gold speaker such as "US officials" that names no entity stands for the
country it starts with), or when both are null.
Stances are unique (subject, relation, object) triples per document: gold
``stances`` against predicted stances that hold, gold ``negative_stances``
(relations stated as not holding or as ended) against predicted stances that
are negated or carry a ``valid_to``. Subject and object match as a speaker
does, or as countries with the same ISO code; "meets" matches either way round.
Guarantees: pure (reads only the gold folder); never mutates its inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import partial_ratio

from kb.pipeline.score_figures import score_figures
from kb.pipeline.score_roles import score_roles
from kb.pipeline.score_stances import score_stances
from kb.pipeline.scoring import Report, Score, country_code, entity_forms, forms_of, name_key
from kb.pipeline.text import fold

__all__ = ["Report", "Score", "evaluate", "evaluate_many", "score_folder"]


def _score_actors(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], score: Score, label: str
) -> None:
    matched: set[int] = set()
    for pred in predicted:
        forms = forms_of(pred)
        hit = next((i for i, g in enumerate(gold) if forms_of(g) & forms), None)
        # Right only as a new gold entity of this kind: invented, the wrong kind
        # (scored against the other list) or a second actor for one entity is wrong.
        score.count_confidence(pred.get("confidence"), right=hit is not None and hit not in matched)
        if hit is None or hit in matched:
            score.fp += 1
            score.invented.append(f"{label}:{pred.get('name')}")
        else:
            matched.add(hit)
            score.tp += 1
    for i, g in enumerate(gold):
        if i not in matched:
            score.fn += 1
            score.missed.append(f"{label}:{g.get('name')}")


def _quote_key(text: str) -> str:
    return " ".join(fold(text).split())


def _same_quote(a: str, b: str) -> bool:
    ka, kb = _quote_key(a), _quote_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 0.6 * len(long_) and partial_ratio(short, long_) >= 90


def _score_document(gold: dict[str, Any], pred: dict[str, Any], report: Report, label: str) -> None:
    actors = pred.get("actors", [])
    _score_actors(
        gold.get("people", []),
        [a for a in actors if a.get("kind") == "person"],
        report.people,
        label,
    )
    _score_actors(
        gold.get("organizations", []),
        [a for a in actors if a.get("kind") == "organization"],
        report.organizations,
        label,
    )
    gold_codes = {c for c in (country_code(g) for g in gold.get("countries", [])) if c}
    pred_codes = {c.get("code") for c in pred.get("countries", []) if c.get("code")}
    report.countries.tp += len(gold_codes & pred_codes)
    report.countries.fp += len(pred_codes - gold_codes)
    report.countries.fn += len(gold_codes - pred_codes)
    report.countries.missed += [f"{label}:{c}" for c in sorted(gold_codes - pred_codes)]
    report.countries.invented += [f"{label}:{c}" for c in sorted(pred_codes - gold_codes)]

    pred_quotes = list(pred.get("quotes", []))
    used: set[int] = set()
    pred_actor_forms = {a.get("name"): forms_of(a) for a in actors}
    pred_actor_forms.update({c.get("name"): forms_of(c) for c in pred.get("countries", [])})
    for g in gold.get("quotes", []):
        hit = next(
            (
                i
                for i, q in enumerate(pred_quotes)
                if i not in used and _same_quote(g["text"], q.get("text", ""))
            ),
            None,
        )
        if hit is None:
            report.quotes.fn += 1
            report.quotes.missed.append(f"{label}:{g['text'][:50]}")
            continue
        used.add(hit)
        report.quotes.tp += 1
        gold_speaker, pred_speaker = g.get("speaker"), pred_quotes[hit].get("speaker")
        report.speakers_total += 1
        if gold_speaker is None or pred_speaker is None:
            right = gold_speaker is None and pred_speaker is None
        else:
            right = bool(
                entity_forms(gold_speaker, gold)
                & (pred_actor_forms.get(pred_speaker) or {name_key(pred_speaker)})
            )
        if pred_speaker is not None:
            _count_given(report, pred_quotes[hit], right=right)
        if right:
            report.speakers_right += 1
        else:
            report.speaker_errors.append(
                f"{label}:{g['text'][:30]}… gold={gold_speaker} got={pred_speaker}"
            )
    for i, q in enumerate(pred_quotes):
        if i not in used:
            report.quotes.fp += 1
            report.quotes.invented.append(f"{label}:{q.get('text', '')[:50]}")
    score_stances(gold, pred, report, label)
    if "roles" in gold:  # the seeds' gold has no roles: nothing to score there
        score_roles(gold, pred, report, label)
    score_figures(gold, pred, report, label)  # only where the prediction carries its body


def _count_given(report: Report, quote: dict[str, Any], *, right: bool) -> None:
    """A speaker the pipeline gave: right or not, by its rule, and at its confidence."""
    given = report.speakers_given
    given.tp += right
    given.fp += not right
    given.count_confidence(quote.get("confidence"), right=right)
    bucket = report.speaker_rules.setdefault(quote.get("speaker_rule") or "?", [0, 0])
    bucket[0] += right
    bucket[1] += 1


def evaluate(gold_dir: Path, predictions: dict[str, dict[str, Any]]) -> Report:
    """Score ``predictions`` (gold file stem -> ``to_json`` dict) against ``gold_dir/*.json``."""
    report = Report()
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        pred = predictions.get(gold_file.stem)
        if pred is None:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        # "000", "a01", "gen01": the part before the first underscore names the file.
        _score_document(gold, pred, report, gold_file.stem.split("_", 1)[0])
    return report


def evaluate_many(gold_dir: Path, items: Iterable[tuple[str, dict[str, Any]]]) -> Report:
    return evaluate(gold_dir, dict(items))


def score_folder(gold_dir: Path, text_dir: Path | None = None) -> Report:
    """Extract the text each gold file in ``gold_dir`` names and score the lot.

    Texts are read from ``text_dir`` (default: ``gold_dir`` itself), with an
    empty snapshot, so the score is the pipeline's alone.
    """
    from kb.pipeline.extract import extract  # here: extract's modules import this one's peers
    from kb.pipeline.jsonout import to_json

    folder = text_dir or gold_dir
    predictions: dict[str, dict[str, Any]] = {}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        name = gold.get("file") or gold_file.stem + ".txt"
        extraction = extract((folder / name).read_text("utf-8"))
        predictions[gold_file.stem] = {**to_json(extraction), "body": extraction.body}
    return evaluate(gold_dir, predictions)
