"""Country reference data for the database, from the same source the pipeline uses.

``country_rows()`` yields every ISO 3166 country (and the historical states
writers still name) with the names readers use. ``sync_countries()`` writes
them; it runs after every ``migrate`` and is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pycountry


def _short(name: str) -> str:
    # pycountry writes "Venezuela, Bolivarian Republic of"; readers write "Venezuela".
    return name.split(",")[0].strip()


def country_rows() -> Iterator[dict[str, Any]]:
    display, demonyms, other_names = _pipeline_names()
    seen: set[str] = set()
    historic = [c for c in pycountry.historic_countries if getattr(c, "alpha_2", None)]
    for country, historical in [(c, False) for c in pycountry.countries] + [
        (c, True) for c in historic
    ]:
        code = country.alpha_2
        if code in seen:
            continue
        seen.add(code)
        name = display.get(code) or getattr(country, "common_name", None) or _short(country.name)
        yield {
            "code": code,
            "name": name,
            "official_name": getattr(country, "official_name", None) or country.name,
            "historical": historical,
            "demonyms": sorted(demonyms.get(code, ())),
            "other_names": sorted(other_names.get(code, set()) - {name}),
        }


def _pipeline_names() -> tuple[dict[str, str], dict[str, set[str]], dict[str, set[str]]]:
    """Names and demonyms as the pipeline's gazetteer knows them, by ISO code."""
    from kb.pipeline.geo import gazetteer

    gaz = gazetteer()
    demonyms: dict[str, set[str]] = {}
    other_names: dict[str, set[str]] = {}
    for surface, (code, kind) in gaz.entries.items():
        if code is None:
            continue
        if kind == "demonym":
            demonyms.setdefault(code, set()).add(surface)
        elif kind == "name":
            other_names.setdefault(code, set()).add(surface)
    return dict(gaz.display), demonyms, other_names


def sync_countries(**_: Any) -> None:
    from kb.entities.models import Country

    rows = list(country_rows())
    existing = Country.objects.in_bulk([r["code"] for r in rows])
    create, update = [], []
    for row in rows:
        current = existing.get(row["code"])
        if current is None:
            create.append(Country(**row))
        elif any(getattr(current, k) != v for k, v in row.items()):
            for k, v in row.items():
                setattr(current, k, v)
            update.append(current)
    Country.objects.bulk_create(create)
    if update:
        Country.objects.bulk_update(
            update, ["name", "official_name", "historical", "demonyms", "other_names"]
        )
