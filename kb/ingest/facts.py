"""Write one article's claims, stances and roles: the import's fact-writing half.

In: the article row, its ``Extraction``, and the actors and countries the
import resolved for it (``kb.ingest.services`` does that half).
Out: rows, written inside the caller's transaction:

- one claim per quote and figure, with the pipeline's confidence (a quote's is
  its speaker's); a quote the same speaker already has from
  another outlet in near-identical words (folded, rapidfuzz ratio >= 90) is
  not a new claim but one more ``ClaimSource`` of that claim;
- one stance claim per sentence and relation, its span the whole sentence, so
  a list ("Russia, China and Turkey back Ruiz") is one claim, not one per name;
- one ``Stance`` per fact (subject, relation, negated, object), found by its
  key across every article (or by the key it was extracted under, when an
  editor corrected it): this article adds its sentence as evidence and never a
  second row; a rejected fact stays rejected and only gains evidence;
- one ``Role`` per post held (holder, folded title, organization, country),
  with a ``RoleEvidence`` span from this article.

Guarantees: re-importing the same extraction adds nothing twice (evidence
rows are unique and cleared per article before an update); the facts'
consolidated fields are recomputed by ``kb.claims.facts`` once at the end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from typing import Any

from django.db.models import Q
from rapidfuzz import fuzz

from kb.articles.models import Article
from kb.claims.facts import roles_refresh, stances_refresh
from kb.claims.models import (
    Claim,
    ClaimSource,
    Role,
    RoleEvidence,
    Stance,
    StanceEvidence,
    ref_key,
    role_key,
    stance_key,
)
from kb.entities.models import Actor, Country
from kb.pipeline.fold import fold
from kb.pipeline.text import sentence_bounds
from kb.pipeline.types import Extraction, Ref, StanceFound

# Two reports of one quote: folded texts this similar (rapidfuzz ratio, 0-100).
SAME_QUOTE_RATIO = 90


class FactWriter:
    """Claims, stances and roles of one article (see the module docstring)."""

    def __init__(
        self,
        article: Article,
        extraction: Extraction,
        *,
        actors_by_name: dict[str, Actor],
        countries: dict[str, Country],
        new: bool,
        touched: tuple[set[int], set[int]] = (set(), set()),
    ) -> None:
        self.article = article
        self.extraction = extraction
        self.actors_by_name = actors_by_name
        self.countries = countries
        self.new = new
        # Stances and roles this article evidenced before an update: refreshed too.
        self.stance_ids, self.role_ids = set(touched[0]), set(touched[1])

    def _inside(self, start: int, end: int) -> bool:
        """A span the pipeline found lies inside the body; others are dropped, never stored."""
        return 0 <= start < end <= len(self.extraction.body)

    def write(self) -> None:
        kept = self._kept_claims()
        claims = [*self._quotes(kept), *self._figures(kept)]
        stance_claims, grouped = self._stance_claims(kept)
        Claim.objects.bulk_create([*claims, *(c for c in stance_claims.values() if not c.pk)])
        self._write_stances(stance_claims, grouped)
        self._write_roles()
        stances_refresh(self.stance_ids)
        roles_refresh(self.role_ids)

    def _kept_claims(self) -> dict[tuple[str, int, int, str], Claim]:
        if self.new:
            return {}
        return {
            (c.kind, c.start, c.end, c.relation): c
            for c in Claim.objects.filter(article=self.article)
        }

    # ------------------------------------------------------------------ quotes

    def _quotes(self, kept: dict[tuple[str, int, int, str], Claim]) -> list[Claim]:
        found = [
            q
            for q in self.extraction.quotes
            if (Claim.Kind.QUOTE, q.start, q.end, "") not in kept and self._inside(q.start, q.end)
        ]
        speakers = {
            self.actors_by_name[q.speaker].pk
            for q in found
            if q.speaker and q.speaker in self.actors_by_name
        }
        # The same speaker's quotes from other articles: one query, per speaker bounded
        # by how often they are quoted, not by the size of the knowledge base.
        known: defaultdict[int, list[tuple[int, str]]] = defaultdict(list)
        if speakers:
            for pk, speaker_id, text in (
                Claim.objects.quotes()
                .filter(speaker_id__in=speakers)
                .exclude(article=self.article)
                .values_list("pk", "speaker_id", "text")
            ):
                known[speaker_id].append((pk, fold(text)))
        claims, sources = [], []
        for quote in found:
            speaker = self.actors_by_name.get(quote.speaker or "")
            same = _same_quote(fold(quote.text), known.get(speaker.pk, [])) if speaker else None
            if same is not None:
                sources.append(
                    ClaimSource(
                        claim_id=same, article=self.article, start=quote.start, end=quote.end
                    )
                )
                continue
            claims.append(
                Claim(
                    article=self.article,
                    kind=Claim.Kind.QUOTE,
                    start=quote.start,
                    end=quote.end,
                    text=quote.text,
                    speaker=speaker,
                    confidence=quote.confidence,
                )
            )
        ClaimSource.objects.bulk_create(sources, ignore_conflicts=True)
        return claims

    def _figures(self, kept: dict[tuple[str, int, int, str], Claim]) -> list[Claim]:
        return [
            Claim(
                article=self.article,
                kind=Claim.Kind.FIGURE,
                start=figure.start,
                end=figure.end,
                text=figure.text,
                value=figure.value,
                unit=(figure.unit or "")[:50],
                counted=figure.about[:300],
                figure_kind=figure.kind[:10],
                low=figure.low,
                high=figure.high,
                frame=figure.frame[:160],
                frame_label=figure.frame_label[:200],
                speaker=self.actors_by_name.get(figure.source or ""),
                confidence=figure.confidence,
            )
            for figure in self.extraction.figures
            if (Claim.Kind.FIGURE, figure.start, figure.end, "") not in kept
            and self._inside(figure.start, figure.end)
        ]

    # ------------------------------------------------------------------ stances

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding a stance's span: its evidence, one per relation."""
        bounds = sentence_bounds(self.extraction.body)
        i = bisect_right([s for s, _ in bounds], start) - 1
        if i < 0:
            return start, end
        s_start, s_end = bounds[i]
        # A span running past one "sentence" (an abbreviation split it) keeps its end.
        return s_start, max(s_end, end)

    def _stance_claims(
        self, kept: dict[tuple[str, int, int, str], Claim]
    ) -> tuple[dict[tuple[int, int, str], Claim], dict[tuple[int, int, str], list[StanceFound]]]:
        body = self.extraction.body
        claims: dict[tuple[int, int, str], Claim] = {}
        grouped: dict[tuple[int, int, str], list[StanceFound]] = defaultdict(list)
        for found in self.extraction.stances:
            if not self._inside(found.start, found.end):
                continue
            if found.relation not in Stance.Relation.values:
                continue  # a relation the model has no word for yet: not misfiled
            relation = found.relation
            start, end = self._sentence(found.start, found.end)
            group = (start, end, relation)
            grouped[group].append(found)
            if group in claims:
                continue
            claims[group] = kept.get((Claim.Kind.STANCE, start, end, relation)) or Claim(
                article=self.article,
                kind=Claim.Kind.STANCE,
                start=start,
                end=end,
                relation=relation,
                text=body[start:end].strip() or body[start:end],
            )
        return claims, grouped

    def _write_stances(
        self,
        claims: dict[tuple[int, int, str], Claim],
        grouped: dict[tuple[int, int, str], list[StanceFound]],
    ) -> None:
        # Per fact key: its fields, and per claim the best of what the sentence says.
        facts: dict[str, dict[str, Any]] = {}
        evidence: dict[tuple[str, int], dict[str, Any]] = {}
        for group, found_list in grouped.items():
            claim = claims[group]
            for found in found_list:
                subject, obj = self._ref(found.subject), self._ref(found.object)
                if subject is None or obj is None or subject == obj:
                    continue
                key = stance_key(ref_key(subject), group[2], found.negated, ref_key(obj))
                facts.setdefault(
                    key,
                    {
                        "relation": group[2],
                        "negated": found.negated,
                        **_ref_fields("subject", subject),
                        **_ref_fields("object", obj),
                    },
                )
                row = evidence.setdefault(
                    (key, claim.pk),
                    {"confidence": 0.0, "valid_from": None, "valid_to": None},
                )
                row["confidence"] = max(row["confidence"], found.confidence)
                if found.valid_from:
                    row["valid_from"] = min(filter(None, (row["valid_from"], found.valid_from)))
                if found.valid_to:
                    row["valid_to"] = max(filter(None, (row["valid_to"], found.valid_to)))
        if not facts:
            return
        rows = _find_facts(Stance, set(facts))
        new = [
            Stance(key=key, extracted_key=key, article=self.article, **fields)
            for key, fields in facts.items()
            if key not in rows
        ]
        Stance.objects.bulk_create(new)
        rows.update({s.key: s for s in new})
        StanceEvidence.objects.bulk_create(
            [
                StanceEvidence(stance_id=rows[key].pk, claim_id=claim_id, **values)
                for (key, claim_id), values in evidence.items()
            ],
            ignore_conflicts=True,
        )
        self.stance_ids |= {s.pk for s in rows.values()}

    def _ref(self, ref: Ref) -> Actor | Country | None:
        if ref.type == "country":
            return self.countries.get(ref.name)
        return self.actors_by_name.get(ref.name)

    # ------------------------------------------------------------------ roles

    def _write_roles(self) -> None:
        """Posts the text gives people ("Foreign Minister Ana Quispe"): one row per
        post held, across articles, and one evidence span per mention of it here."""
        facts: dict[str, dict[str, Any]] = {}
        spans: dict[tuple[str, int, int], dict[str, Any]] = {}
        for found in self.extraction.roles:
            actor = self.actors_by_name.get(found.actor)
            title, former = _post(found.title, former=found.former)
            if (
                actor is None
                or actor.kind != Actor.Kind.PERSON
                or not title
                or not self._inside(found.start, found.end)
            ):
                continue
            organization = self.actors_by_name.get(found.organization or "")
            if organization is not None and organization.kind != Actor.Kind.ORGANIZATION:
                organization = None
            country = self.countries.get(found.country or "")
            key = role_key(
                actor.pk, title, organization and organization.pk, country and country.pk
            )
            facts.setdefault(
                key,
                {"actor": actor, "title": title, "organization": organization, "country": country},
            )
            spans.setdefault(
                (key, found.start, found.end),
                {
                    "former": former,
                    "confidence": found.confidence,
                    "valid_from": found.valid_from,
                    "valid_to": found.valid_to,
                },
            )
        if not facts:
            return
        rows = _find_facts(Role, set(facts))
        new = [
            Role(key=key, extracted_key=key, article=self.article, **fields)
            for key, fields in facts.items()
            if key not in rows
        ]
        Role.objects.bulk_create(new)
        rows.update({r.key: r for r in new})
        RoleEvidence.objects.bulk_create(
            [
                RoleEvidence(
                    role_id=rows[key].pk, article=self.article, start=start, end=end, **values
                )
                for (key, start, end), values in spans.items()
            ],
            ignore_conflicts=True,
        )
        self.role_ids |= {r.pk for r in rows.values()}


_FORMER = re.compile(r"^(?:former|ex-)\s*", re.IGNORECASE)


def _post(title: str, *, former: bool) -> tuple[str, bool]:
    """The post's title without "former" ("Former Foreign Minister" is the post
    Foreign Minister, held before), and whether the text said so."""
    title = title.strip()
    bare = _FORMER.sub("", title, count=1)
    return bare[:1].upper() + bare[1:200], former or bare != title


def _find_facts(model: type[Stance] | type[Role], keys: set[str]) -> dict[str, Any]:
    """Existing facts by the key the import computed: their own key, or the key they
    were extracted under before an editor corrected them (the correction wins)."""
    found: dict[str, Any] = {}
    for row in model.objects.filter(Q(key__in=keys) | Q(extracted_key__in=keys)):
        if row.key in keys:
            found[row.key] = row
        if row.extracted_key in keys:
            found.setdefault(row.extracted_key, row)
    return found


def _same_quote(folded: str, known: list[tuple[int, str]]) -> int | None:
    """The claim this quote repeats: the same words once folded, or nearly (a ratio)."""
    if not folded:
        return None
    best, best_ratio = None, 0.0
    for pk, other in known:
        if other == folded:
            return pk
        ratio = fuzz.ratio(folded, other, score_cutoff=SAME_QUOTE_RATIO)
        if ratio > best_ratio:
            best, best_ratio = pk, ratio
    return best


def _ref_fields(prefix: str, target: Actor | Country) -> dict[str, Any]:
    if isinstance(target, Actor):
        return {f"{prefix}_actor": target}
    return {f"{prefix}_country": target}


__all__ = ["SAME_QUOTE_RATIO", "FactWriter"]
