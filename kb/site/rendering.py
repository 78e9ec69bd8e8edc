"""Turning stored text into safe HTML: article bodies, snippets and JSON-LD.

In: an article body (plain text), its blocks (``[kind, start, end]``) and the
spans to link (mentions, claims). Out: ``SafeString`` HTML in which every
character of the stored text has been escaped exactly once; only the markup we
add is left raw. Spans that cross each other are dropped rather than producing
broken nesting, so the output is always well-formed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Sentinels the search backends put around matches; they cannot occur in text
# we render (control characters), so we escape first and then swap them.
MARK_START = "\x02"
MARK_END = "\x03"

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    title: str
    kind: str  # "mention" or "claim"


def highlight(text: str) -> SafeString:
    """Escape ``text``, then turn the search sentinels into ``<mark>`` elements."""
    escaped = str(escape(text.replace(MARK_END, "\x00").replace(MARK_START, "\x01")))
    # Unbalanced sentinels (a snippet cut mid-match) are closed at the end.
    html = escaped.replace("\x01", "<mark>").replace("\x00", "</mark>")
    opened = html.count("<mark>") - html.count("</mark>")
    return mark_safe(html + "</mark>" * max(opened, 0))


def jsonld(data: Any) -> SafeString:
    """A ``<script type="application/ld+json">`` element that text can't escape from."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def snippet(body: str, start: int, end: int, *, context: int = 90) -> SafeString:
    """The text around ``body[start:end]`` with that span highlighted."""
    left = max(0, start - context)
    right = min(len(body), end + context)
    # Don't cut words in half at the edges.
    if left > 0:
        space = body.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(body):
        space = body.rfind(" ", end, right)
        right = space if space != -1 else right
    text = (
        ("…" if left > 0 else "")
        + body[left:start]
        + MARK_START
        + body[start:end]
        + MARK_END
        + body[end:right]
        + ("…" if right < len(body) else "")
    )
    return highlight(" ".join(text.split()))


def paragraph_around(body: str, blocks: list[list[Any]], start: int, end: int) -> tuple[int, int]:
    """The block (or blank-line paragraph) that holds ``start``; the span may run past it."""
    for block in blocks:
        if len(block) >= 3 and block[1] <= start < block[2]:
            return int(block[1]), max(int(block[2]), end)
    left = body.rfind("\n\n", 0, start)
    right = body.find("\n\n", end)
    return (0 if left == -1 else left + 2), (len(body) if right == -1 else right)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _blocks(body: str, blocks: list[list[Any]]) -> list[tuple[str, int, int]]:
    usable = [
        (str(b[0]), int(b[1]), int(b[2]))
        for b in blocks
        if len(b) >= 3 and 0 <= int(b[1]) < int(b[2]) <= len(body)
    ]
    if not usable:
        usable = [("paragraph", 0, len(body))]
    out: list[tuple[str, int, int]] = []
    for kind, lo, hi in sorted(usable, key=lambda b: (b[1], b[2])):
        if kind != "paragraph":
            out.append((kind, lo, hi))
            continue
        # A paragraph block may still hold blank lines (or be the whole body).
        pos = lo
        for match in _PARAGRAPH_BREAK.finditer(body, lo, hi):
            if match.start() > pos:
                out.append(("paragraph", pos, match.start()))
            pos = match.end()
        if pos < hi:
            out.append(("paragraph", pos, hi))
    return out


def _choose(links: Iterable[Link], lo: int, hi: int) -> list[Link]:
    """Links clipped to [lo, hi) that nest properly: claims outermost, mentions inside."""
    clipped = []
    for link in sorted(links, key=lambda k: (k.start, -k.end)):
        s, e = max(link.start, lo), min(link.end, hi)
        if s < e:
            clipped.append(Link(s, e, link.url, link.title, link.kind))
    # Claims first, over the whole block, so a mention is judged against all of them.
    claims: list[Link] = []
    for link in clipped:
        if link.kind == "claim" and (not claims or claims[-1].end <= link.start):
            claims.append(link)
    mentions: list[Link] = []
    for link in clipped:
        s, e = link.start, link.end
        if (
            link.kind != "claim"
            and (not mentions or mentions[-1].end <= s)
            and all(e <= c.start or s >= c.end or (c.start <= s and e <= c.end) for c in claims)
        ):
            mentions.append(link)
    return claims + mentions


def render_body(
    body: str, blocks: list[list[Any]], links: Iterable[Link], anchors: Iterable[tuple[int, int]]
) -> SafeString:
    """The article body as HTML with inline links and ``span-<start>-<end>`` anchors."""
    links = list(links)
    anchor_at: dict[int, list[str]] = {}
    for s, e in sorted(set(anchors)):
        anchor_at.setdefault(s, []).append(f"span-{s}-{e}")
    placed: set[str] = set()
    html: list[str] = []
    for kind, lo, hi in _blocks(body, blocks):
        chosen = _choose(links, lo, hi)
        opens: dict[int, list[Link]] = {}
        closes: dict[int, list[Link]] = {}
        for link in chosen:
            opens.setdefault(link.start, []).append(link)
            closes.setdefault(link.end, []).append(link)
        cuts = sorted({lo, hi, *opens, *closes, *(p for p in anchor_at if lo <= p < hi)})
        inner: list[str] = []
        for i, pos in enumerate(cuts):
            # Close inner (mention) before outer (claim).
            for link in sorted(closes.get(pos, []), key=lambda k: k.kind != "mention"):
                inner.append("</a>" if link.kind == "mention" else "</q>")
            for name in anchor_at.get(pos, []) if lo <= pos < hi else []:
                if name not in placed:
                    placed.add(name)
                    inner.append(f'<span id="{name}" class="anchor"></span>')
            for link in sorted(opens.get(pos, []), key=lambda k: k.kind != "claim"):
                if link.kind == "claim":
                    inner.append(
                        f'<q class="claim"><a class="claim-link" href="{escape(link.url)}" '
                        f'aria-label="Claim: {escape(link.title)}">claim</a> '
                    )
                else:
                    inner.append(
                        f'<a class="mention" href="{escape(link.url)}" '
                        f'title="{escape(link.title)}">'
                    )
            if i + 1 < len(cuts):
                inner.append(str(escape(body[pos : cuts[i + 1]])))
        text = "".join(inner).strip()
        if kind == "heading":
            html.append(f"<h2>{text}</h2>")
        elif kind == "caption":
            html.append(f"<figure><figcaption>{text}</figcaption></figure>")
        else:
            html.append(f"<p>{text}</p>")
    return mark_safe("\n".join(html))
