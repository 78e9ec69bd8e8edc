"""What the scorers share: ``Score`` and ``Report``, and matching names through gold forms.

In:  gold annotation dicts and ``jsonout.to_json`` predictions.
Out: counts (``Score``), the whole ``Report`` with its table, and the folded
     forms by which a gold entity is matched.
Guarantees: pure; never mutates its inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.text import fold

# The confidence at or above which a fact counts as confident (issue 16's calibration bar).
CONFIDENT = 0.8


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    # Calibration: predictions the pipeline gave at least CONFIDENT, and how many were right.
    confident: int = 0
    confident_right: int = 0

    def count_confidence(self, confidence: float | None, *, right: bool) -> None:
        if confidence is not None and confidence >= CONFIDENT:
            self.confident += 1
            self.confident_right += right

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
    stances: Score = field(default_factory=Score)
    negated_stances: Score = field(default_factory=Score)
    roles: Score = field(default_factory=Score)
    speakers_right: int = 0
    speakers_total: int = 0
    speaker_errors: list[str] = field(default_factory=list)
    # Matched quotes given a speaker: how many, and by which rule ("after/name": [right, all]).
    speakers_given: Score = field(default_factory=Score)
    speaker_rules: dict[str, list[int]] = field(default_factory=dict)
    role_context_right: int = 0
    role_context_total: int = 0
    role_context_errors: list[str] = field(default_factory=list)
    figures: Score = field(default_factory=Score)  # score_figures: matched by span
    figure_kinds_right: int = 0
    figure_kinds_total: int = 0
    figure_ranges_right: int = 0
    figure_ranges_total: int = 0
    figure_errors: list[str] = field(default_factory=list)

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
            "stances": self.stances,
            "negated stances": self.negated_stances,
            "roles": self.roles,
            "figures": self.figures,
        }

    def as_table(self) -> str:
        lines = [f"{'category':<15} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for name, score in self.categories().items():
            lines.append(
                f"{name:<15} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                f"{score.tp:4d} {score.fp:4d} {score.fn:4d}"
            )
        lines.append(
            f"{'speakers':<15} accuracy {self.speaker_accuracy:.3f} "
            f"({self.speakers_right}/{self.speakers_total})"
        )
        lines.append(
            f"{'role org/country':<15} accuracy {self.role_context_accuracy:.3f} "
            f"({self.role_context_right}/{self.role_context_total})"
        )
        given = self.speakers_given
        lines.append(
            f"{'speakers given':<15} right {given.precision:.3f} ({given.tp}/{given.tp + given.fp})"
            + "; by rule: "
            + ", ".join(f"{k} {r}/{n}" for k, (r, n) in sorted(self.speaker_rules.items()))
        )
        calibrated = [
            f"{name} {score.confident_right / score.confident:.3f} "
            f"({score.confident_right}/{score.confident})"
            for name, score in {**self.categories(), "speakers": given}.items()
            if score.confident
        ]
        if calibrated:
            lines.append(f"right at confidence >= {CONFIDENT}: " + ", ".join(calibrated))
        if self.figure_kinds_total or self.figure_ranges_total:
            kinds = _share(self.figure_kinds_right, self.figure_kinds_total)
            ranges = _share(self.figure_ranges_right, self.figure_ranges_total)
            lines.append(f"{'figures':<15} kind accuracy {kinds}, range accuracy {ranges}")
        for name, score in self.categories().items():
            if score.missed:
                lines.append(f"missed {name}: " + "; ".join(score.missed))
            if score.invented:
                lines.append(f"invented {name}: " + "; ".join(score.invented))
        if self.speaker_errors:
            lines.append("speaker errors: " + "; ".join(self.speaker_errors))
        if self.role_context_errors:
            lines.append("role org/country errors: " + "; ".join(self.role_context_errors))
        if self.figure_errors:
            lines.append("figure errors: " + "; ".join(self.figure_errors))
        return "\n".join(lines)


def _share(right: int, total: int) -> str:
    return f"{right / total if total else 1.0:.3f} ({right}/{total})"


_LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)


def name_key(form: str) -> str:
    """A form folded for matching. A leading "the" is no part of a name: the gold
    writes "the military" where a mention is "military", and both mean one body; and
    "Ministry of Defence (Russia)", the pipeline's label, is "Ministry of Defence of
    Russia", "of the Russian Federation" and "of Russia" alike (the state, however
    styled), as "Defense" is "Defence"."""
    named = _COUNTRY_LABEL_RE.sub(r" of \1", _LEADING_THE_RE.sub("", form))
    named = re.sub(r" of the ", " of ", named, flags=re.IGNORECASE)
    head, of, place = named.rpartition(" of ")
    code = lookup(place) if of else None
    if code:
        named = f"{head} of {code}"
    return fold(named).replace("defense", "defence")


_COUNTRY_LABEL_RE = re.compile(r" \(([^()]+)\)$")


def forms_of(item: dict[str, Any]) -> set[str]:
    """The keys of the names an item goes by."""
    forms = [item.get("name") or "", *item.get("surface_forms", [])]
    return {key for f in forms if f and (key := name_key(f))}


def country_code(item: dict[str, Any]) -> str | None:
    for form in [item.get("name") or "", *item.get("surface_forms", [])]:
        code = lookup(form) or gazetteer().entries.get(form, (None, "name"))[0]
        if code:
            return code
    return None


_COLLECTIVE_RE = re.compile(r"^(?:the\s+)?(.+?)\s+(?:officials|government|authorities|diplomats)$")


def entity_forms(name: str, gold: dict[str, Any]) -> set[str]:
    forms = {name_key(name)}
    for key in ("people", "organizations", "countries"):
        for item in gold.get(key, []):
            item_forms = forms_of(item)
            if name_key(name) in item_forms:
                forms |= item_forms
    collective = _COLLECTIVE_RE.match(fold(name))
    if len(forms) == 1 and collective:
        # "US officials" is the gold's way of naming the state as a speaker, as
        # its countries list "Trump administration" among the US's forms.
        for item in gold.get("countries", []):
            if collective.group(1) in forms_of(item):
                forms |= forms_of(item)
    return forms
