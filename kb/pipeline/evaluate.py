"""Scoring: gold annotation files and pipeline predictions in, a ``Report`` out.

In:  a folder of gold JSON files (people, organizations, countries, quotes
     with speakers) and predictions keyed by gold file stem, each in the
     ``jsonout.to_json`` shape.
Out: precision, recall and F1 for people, organizations, countries, quotes
     and roles, speaker accuracy on matched quotes, organisation-or-country
     accuracy on matched roles, and what was missed or invented.
Matching: a gold actor matches a predicted actor of the same kind when any
folded form (name or surface form, ignoring accents and case) is shared; a
second prediction for an already matched gold actor is one false positive.
Countries match by ISO code (gold names go through ``geo.lookup``). A gold
quote matches a predicted quote when their folded texts overlap by most of
their length. A speaker is right when the predicted speaker shares a form with
the gold speaker (through the gold entity that has that name or surface form;
a gold speaker such as "US officials" that names no entity stands for the
country it starts with), or when both are null.
A gold role (scored only where the gold file has a ``roles`` key) matches a
predicted role when the holder matches as a speaker does and the titles name
the same post: folded, without a leading "former"/"ex-", article or country
adjective, the words before the first preposition end in the same head noun,
agree on "vice"/"deputy", and one's words lie within the other's ("Foreign
Minister" ~ "foreign minister" ~ "Minister of Foreign Affairs"; not "Prime
Minister"). Its organisation or country is right when either matches gold (ISO
code; organisation through gold forms) or both are null on both sides.
Guarantees: pure (reads only the gold folder); never mutates its inputs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import partial_ratio

from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.text import fold, strip_possessive


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    people: Score = field(default_factory=Score)
    organizations: Score = field(default_factory=Score)
    countries: Score = field(default_factory=Score)
    quotes: Score = field(default_factory=Score)
    roles: Score = field(default_factory=Score)
    speakers_right: int = 0
    speakers_total: int = 0
    speaker_errors: list[str] = field(default_factory=list)
    role_context_right: int = 0
    role_context_total: int = 0
    role_context_errors: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_total if self.speakers_total else 1.0

    @property
    def role_context_accuracy(self) -> float:
        """Among matched roles, the share with the right organisation or country."""
        return self.role_context_right / self.role_context_total if self.role_context_total else 1.0

    def categories(self) -> dict[str, Score]:
        return {
            "people": self.people,
            "organizations": self.organizations,
            "countries": self.countries,
            "quotes": self.quotes,
            "roles": self.roles,
        }

    def as_table(self) -> str:
        lines = [f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for name, score in self.categories().items():
            lines.append(
                f"{name:<14} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                f"{score.tp:4d} {score.fp:4d} {score.fn:4d}"
            )
        lines.append(
            f"{'speakers':<14} accuracy {self.speaker_accuracy:.3f} "
            f"({self.speakers_right}/{self.speakers_total})"
        )
        lines.append(
            f"{'role org/country':<14} accuracy {self.role_context_accuracy:.3f} "
            f"({self.role_context_right}/{self.role_context_total})"
        )
        for name, score in self.categories().items():
            if score.missed:
                lines.append(f"missed {name}: " + "; ".join(score.missed))
            if score.invented:
                lines.append(f"invented {name}: " + "; ".join(score.invented))
        if self.speaker_errors:
            lines.append("speaker errors: " + "; ".join(self.speaker_errors))
        if self.role_context_errors:
            lines.append("role org/country errors: " + "; ".join(self.role_context_errors))
        return "\n".join(lines)


def _forms(item: dict[str, Any]) -> set[str]:
    return {
        fold(f) for f in [item.get("name") or "", *item.get("surface_forms", [])] if f and fold(f)
    }


def _score_actors(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], score: Score, label: str
) -> None:
    matched: set[int] = set()
    for pred in predicted:
        forms = _forms(pred)
        hit = next((i for i, g in enumerate(gold) if _forms(g) & forms), None)
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


def _country_code(item: dict[str, Any]) -> str | None:
    for form in [item.get("name") or "", *item.get("surface_forms", [])]:
        code = lookup(form) or gazetteer().entries.get(form, (None, "name"))[0]
        if code:
            return code
    return None


def _quote_key(text: str) -> str:
    return " ".join(fold(text).split())


def _same_quote(a: str, b: str) -> bool:
    ka, kb = _quote_key(a), _quote_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 0.6 * len(long_) and partial_ratio(short, long_) >= 90


_COLLECTIVE_RE = re.compile(r"^(?:the\s+)?(.+?)\s+(?:officials|government|authorities|diplomats)$")


def _entity_forms(name: str, gold: dict[str, Any]) -> set[str]:
    forms = {fold(name)}
    for key in ("people", "organizations", "countries"):
        for item in gold.get(key, []):
            item_forms = _forms(item)
            if fold(name) in item_forms:
                forms |= item_forms
    collective = _COLLECTIVE_RE.match(fold(name))
    if len(forms) == 1 and collective:
        # "US officials" is the gold's way of naming the state as a speaker, as
        # its countries list "Trump administration" among the US's forms.
        for item in gold.get("countries", []):
            if collective.group(1) in _forms(item):
                forms |= _forms(item)
    return forms


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
    gold_codes = {c for c in (_country_code(g) for g in gold.get("countries", [])) if c}
    pred_codes = {c.get("code") for c in pred.get("countries", []) if c.get("code")}
    report.countries.tp += len(gold_codes & pred_codes)
    report.countries.fp += len(pred_codes - gold_codes)
    report.countries.fn += len(gold_codes - pred_codes)
    report.countries.missed += [f"{label}:{c}" for c in sorted(gold_codes - pred_codes)]
    report.countries.invented += [f"{label}:{c}" for c in sorted(pred_codes - gold_codes)]

    pred_quotes = list(pred.get("quotes", []))
    used: set[int] = set()
    pred_actor_forms = {a.get("name"): _forms(a) for a in actors}
    pred_actor_forms.update({c.get("name"): _forms(c) for c in pred.get("countries", [])})
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
                _entity_forms(gold_speaker, gold)
                & (pred_actor_forms.get(pred_speaker) or {fold(pred_speaker)})
            )
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
    if "roles" in gold:  # the seeds' gold has no roles: nothing to score there
        _score_roles(gold, pred, report, label)


_PREPOSITION_RE = re.compile(r"\s(?:of|for|to|at|in|on|from)\s")
_TITLE_LEAD = frozenset(["former", "ex", "the", "a", "an", "then"])
# "Vice President" is another post than "President"; "military leader" the same as "leader".
_RANKED = frozenset(["vice", "deputy", "under", "assistant"])


def _title_core(title: str) -> list[str]:
    """Folded words of a title before its first preposition, without a leading
    "former"/"ex-", article or country adjective ("Peru's", "Peruvian", "U.S.")."""
    words = title.split()
    while words:
        word = words[0]
        bare = strip_possessive(word)
        if fold(word).startswith("ex-") and len(word) > 3:
            words[0] = word[3:]
        elif fold(word) in _TITLE_LEAD or lookup(bare) or lookup(bare.capitalize()):
            words = words[1:]
        else:
            break
    text = " " + fold(" ".join(words)).replace("-", " ") + " "
    return _PREPOSITION_RE.split(text, maxsplit=1)[0].split()


def _same_title(gold_title: str, pred_title: str) -> bool:
    """Same head noun, same rank ("vice"), and one title's words within the other's."""
    a, b = _title_core(gold_title), _title_core(pred_title)
    if not a or not b or a[-1] != b[-1] or (_RANKED & set(a)) != (_RANKED & set(b)):
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def _gold_country(name: str, gold: dict[str, Any]) -> str | None:
    code = _country_code({"name": name})
    if code:
        return code
    for item in gold.get("countries", []):
        if fold(name) in _forms(item):
            return _country_code(item)
    return None


def _role_context_right(
    g: dict[str, Any], p: dict[str, Any], gold: dict[str, Any], forms: dict[str, set[str]]
) -> bool:
    """Right when the country (by ISO code) or the organisation (through the gold's
    forms) matches gold, or when gold gives neither and neither is predicted."""
    g_org, g_country = g.get("organization"), g.get("country")
    p_org, p_country = p.get("organization"), p.get("country")
    if g_org is None and g_country is None:
        return p_org is None and p_country is None
    if g_country and p_country and _gold_country(g_country, gold) == p_country:
        return True
    return bool(
        g_org and p_org and _entity_forms(g_org, gold) & (forms.get(p_org) or {fold(p_org)})
    )


def _score_roles(gold: dict[str, Any], pred: dict[str, Any], report: Report, label: str) -> None:
    """A predicted role matches an unmatched gold role of the same holder (as speakers
    are matched) whose title is the same post (``_same_title``)."""
    forms = {a.get("name"): _forms(a) for a in pred.get("actors", [])}
    gold_roles = list(gold.get("roles", []))
    holders = [_entity_forms(g.get("person") or "", gold) for g in gold_roles]
    used: set[int] = set()
    for p in pred.get("roles", []):
        actor, title = p.get("actor") or "", p.get("title") or ""
        actor_forms = forms.get(actor) or {fold(actor)}
        hit = next(
            (
                i
                for i, g in enumerate(gold_roles)
                if i not in used
                and holders[i] & actor_forms
                and _same_title(g.get("title") or "", title)
            ),
            None,
        )
        if hit is None:
            report.roles.fp += 1
            report.roles.invented.append(f"{label}:{actor}/{title}")
            continue
        used.add(hit)
        report.roles.tp += 1
        report.role_context_total += 1
        g = gold_roles[hit]
        if _role_context_right(g, p, gold, forms):
            report.role_context_right += 1
        else:
            report.role_context_errors.append(
                f"{label}:{actor}/{title} gold={g.get('organization')}|{g.get('country')} "
                f"got={p.get('organization')}|{p.get('country')}"
            )
    for i, g in enumerate(gold_roles):
        if i not in used:
            report.roles.fn += 1
            report.roles.missed.append(f"{label}:{g.get('person')}/{g.get('title')}")


def evaluate(gold_dir: Path, predictions: dict[str, dict[str, Any]]) -> Report:
    """Score ``predictions`` (gold file stem -> ``to_json`` dict) against ``gold_dir/*.json``."""
    report = Report()
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        pred = predictions.get(gold_file.stem)
        if pred is None:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        _score_document(gold, pred, report, gold_file.stem[:3])
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
        predictions[gold_file.stem] = to_json(extract((folder / name).read_text("utf-8")))
    return evaluate(gold_dir, predictions)
