"""Server-side SVG pictures: the alignment graph and the timeline.

Pure functions: plain dataclasses in, an SVG string out. No Django, no
database, no randomness, so the same data always draws the same picture and
the tests can compare output. Every piece of text that reaches the markup goes
through ``html.escape``; URLs must already be site paths (the caller builds
them with ``reverse``), and are escaped as attributes too.

Both pictures are ``role="group"``, not ``role="img"``: their nodes and
events are links, and an image's children are presentational, so links
inside one would be nested interactive elements a screen reader cannot reach.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

# Colours chosen for contrast on white (all >= 4.5:1 against #fff).
RELATION_COLOURS: dict[str, str] = {
    "supports": "#1a7f37",
    "recognizes": "#0550ae",
    "allied_with": "#116329",
    "member_of": "#57606a",
    "opposes": "#cf222e",
    "condemns": "#8250df",
    "sanctions": "#9a6700",
}
DEFAULT_COLOUR = "#57606a"


@dataclass(frozen=True)
class Node:
    key: str  # "actor:12" or "country:VE": unique across kinds
    label: str
    url: str
    kind: str  # "person", "organization" or "country"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    label: str
    negated: bool = False


@dataclass(frozen=True)
class Event:
    day: dt.date
    label: str
    url: str
    kind: str  # "article" or "claim"


def _layout(nodes: list[Node], centre: str | None, size: int) -> dict[str, tuple[float, float]]:
    """Nodes on a circle in key order; the centre node (if any) in the middle."""
    mid = size / 2
    ring = sorted((n for n in nodes if n.key != centre), key=lambda n: (n.label.casefold(), n.key))
    radius = size / 2 - 60
    places: dict[str, tuple[float, float]] = {}
    if centre is not None and any(n.key == centre for n in nodes):
        places[centre] = (mid, mid)
    count = max(len(ring), 1)
    for i, node in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / count
        places[node.key] = (mid + radius * math.cos(angle), mid + radius * math.sin(angle))
    return places


def _shorten(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def alignment_svg(
    nodes: list[Node], edges: list[Edge], *, centre: str | None = None, size: int | None = None
) -> str:
    """Who backs or opposes whom, as an SVG string (empty string when no edges)."""
    if not edges:
        return ""
    # Small graphs get a small picture; big ones room to spread their labels.
    size = size or min(640, 260 + 30 * len(nodes))
    places = _layout(nodes, centre, size)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        'class="graph" role="group" aria-labelledby="graph-title">',
        '<title id="graph-title">Alignment graph: who backs or opposes whom</title>',
        "<defs>",
    ]
    for relation, colour in sorted(RELATION_COLOURS.items()):
        parts.append(
            f'<marker id="arrow-{relation}" viewBox="0 0 10 10" refX="22" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    for edge in edges:
        if edge.source not in places or edge.target not in places:
            continue
        (x1, y1), (x2, y2) = places[edge.source], places[edge.target]
        colour = RELATION_COLOURS.get(edge.relation, DEFAULT_COLOUR)
        dash = ' stroke-dasharray="6 4"' if edge.negated else ""
        marker = (
            f' marker-end="url(#arrow-{edge.relation})"'
            if edge.relation in RELATION_COLOURS
            else ""
        )
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dash}{marker}>'
            f"<title>{escape(edge.label)}</title></line>"
        )
    for node in sorted(nodes, key=lambda n: n.key):
        if node.key not in places:
            continue
        x, y = places[node.key]
        shape = (
            f'<rect x="{x - 9:.1f}" y="{y - 9:.1f}" width="18" height="18" class="node-country"/>'
            if node.kind == "country"
            else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" class="node-{escape(node.kind)}"/>'
        )
        parts.append(
            f'<a href="{escape(node.url)}">{shape}'
            f'<text x="{x:.1f}" y="{y + 26:.1f}" text-anchor="middle">'
            f"{escape(_shorten(node.label))}</text>"
            f"<title>{escape(node.label)}</title></a>"
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(events: list[Event], *, width: int = 720, height: int = 140) -> str:
    """Articles (above the axis) and claims (below) placed by date; "" when empty."""
    if not events:
        return ""
    days = sorted(e.day for e in events)
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    left, right = 40, width - 40
    axis = height / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        'class="timeline" role="group" aria-labelledby="timeline-title">',
        '<title id="timeline-title">Timeline of articles and claims</title>',
        f'<line x1="{left}" y1="{axis}" x2="{right}" y2="{axis}" stroke="#57606a"/>',
        f'<text x="{left}" y="{height - 8}" class="tick">{first.isoformat()}</text>',
        f'<text x="{right}" y="{height - 8}" text-anchor="end" class="tick">'
        f"{last.isoformat()}</text>",
    ]
    # Events on the same day stack outwards so none hides another.
    stacks: dict[tuple[dt.date, str], int] = {}
    for event in sorted(events, key=lambda e: (e.day, e.kind, e.label, e.url)):
        x = left + (right - left) * ((event.day - first).days / span) if span else left
        n = stacks.get((event.day, event.kind), 0)
        stacks[(event.day, event.kind)] = n + 1
        direction = -1 if event.kind == "article" else 1
        y = axis + direction * (14 + 10 * min(n, 4))
        shape = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="ev-article"/>'
            if event.kind == "article"
            else f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" class="ev-claim"/>'
        )
        parts.append(
            f'<a href="{escape(event.url)}">{shape}'
            f"<title>{escape(event.day.isoformat())}: {escape(event.label)}</title></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
