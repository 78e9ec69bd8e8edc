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
    try:
        from kb.pipeline import geo  # richer names and demonyms, when the pipeline has them
    except ImportError:  # pragma: no cover - the pipeline ships geo
        geo = None
    seen: set[str] = set()
    for country in pycountry.countries:
        code = country.alpha_2
        seen.add(code)
        yield {
            "code": code,
            "name": getattr(country, "common_name", None) or _short(country.name),
            "official_name": getattr(country, "official_name", None) or country.name,
            "historical": False,
            **_extra(geo, code),
        }
    for country in pycountry.historic_countries:
        code = getattr(country, "alpha_2", None)
        if not code or code in seen:
            continue
        seen.add(code)
        yield {
            "code": code,
            "name": _short(country.name),
            "official_name": country.name,
            "historical": True,
            **_extra(geo, code),
        }


def _extra(geo: Any, code: str) -> dict[str, Any]:
    info = getattr(geo, "country_info", None)
    if info is None:
        return {}
    data = info(code) or {}
    return {k: v for k, v in data.items() if k in {"name", "demonyms", "other_names"} and v}


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
