"""CSV for every list: ``?format=csv``.

In: serialized rows (dicts of plain values, lists and nested dicts). Out: CSV
text, one row per object, with nested dicts flattened to ``parent.child``
columns and lists joined with `` | ``. :func:`csv_lines` is a generator so a
view can stream a large export row by row; :class:`CSVRenderer` renders the
same format for the non-streamed cases (a single object, an error).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from rest_framework.renderers import BaseRenderer

LIST_SEPARATOR = " | "


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """One CSV-ready dict: nested dicts become dotted columns, lists one cell."""
    flat: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, prefix=f"{name}."))
        elif isinstance(value, list | tuple):
            flat[name] = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
        elif value is None:
            flat[name] = ""
        elif isinstance(value, bool):
            flat[name] = "true" if value else "false"
        else:
            flat[name] = str(value)
    return flat


class _Line:
    """A file-like sink that hands back what ``csv.writer`` writes to it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The header line, then one line per row; columns not in ``header`` are dropped."""
    writer = csv.DictWriter(_Line(), fieldnames=list(header), extrasaction="ignore")
    yield writer.writeheader()  # type: ignore[func-returns-value]
    for row in rows:
        yield writer.writerow(flatten(row))


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if isinstance(data, Mapping) and isinstance(data.get("results"), list):
            rows = data["results"]  # a paginated page, when not streamed
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        flat = [flatten(r) if isinstance(r, Mapping) else {"value": str(r)} for r in rows]
        header = list(dict.fromkeys(key for row in flat for key in row))
        return "".join(csv_lines(header, flat)).encode(self.charset)
