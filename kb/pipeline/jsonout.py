"""The JSON form of an ``Extraction``: the documented contract of
``import_articles --format json`` (the importer adds file, status and error)."""

from __future__ import annotations

from datetime import date
from typing import Any

from kb.pipeline.types import Extraction


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def to_json(extraction: Extraction) -> dict[str, Any]:
    return {
        "title": extraction.title,
        "published": extraction.published.isoformat() if extraction.published else None,
        "publisher": extraction.publisher,
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "surface_forms": list(a.surface_forms),
                "mentions": [list(m) for m in a.mentions],
                "confidence": a.confidence,
            }
            for a in extraction.actors
        ],
        "countries": [
            {
                "code": c.code,
                "name": c.name,
                "surface_forms": list(c.surface_forms),
                "mentions": [list(m) for m in c.mentions],
            }
            for c in extraction.countries
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "start": q.start,
                "end": q.end,
                "confidence": q.confidence,
                "speaker_rule": q.speaker_rule,
            }
            for q in extraction.quotes
        ],
        "figures": [
            {
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "about": f.about,
                "kind": f.kind,
                "low": f.low,
                "high": f.high,
                "start": f.start,
                "end": f.end,
                "confidence": f.confidence,
            }
            for f in extraction.figures
        ],
        "stances": [
            {
                "subject": s.subject.name,
                "relation": s.relation,
                "object": s.object.name,
                "negated": s.negated,
                "speaker": s.speaker,
                "valid_from": _day(s.valid_from),
                "valid_to": _day(s.valid_to),
                "confidence": s.confidence,
                "start": s.start,
                "end": s.end,
            }
            for s in extraction.stances
        ],
        "roles": [
            {
                "actor": r.actor,
                "title": r.title,
                "organization": r.organization,
                "country": r.country,
                "former": r.former,
                "valid_from": _day(r.valid_from),
                "valid_to": _day(r.valid_to),
                "confidence": r.confidence,
                "start": r.start,
                "end": r.end,
            }
            for r in extraction.roles
        ],
    }
