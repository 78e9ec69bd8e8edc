"""Documents that speak for their author: "the statement said", "according to the
communiqué", "a statement from the Ministry of Defence".

In:  the clean body, its mentions in text order (names, descriptions and pronouns
     already resolved) and the quoted spans.
Out: ``document_authors``: a ``Mention`` of the author for each reference to a
     statement, communiqué, declaration or note outside quotes whose author the
     text gives:
     - at the document itself: "a statement from X", "the communiqué issued by X",
       "X's statement";
     - for "the statement" (definite), at the nearest earlier document of the same
       kind: "X said in a statement", "In a statement, X …", "X issued a
       statement", or one of the forms above.
Guarantees: pure; ``body[m.start:m.end]`` is the document's noun phrase; an author
     is only ever read from the text (a nearest document that names none stops the
     search: an older one may be another voice's).
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from kb.pipeline.pronouns import governed
from kb.pipeline.text import near_words, sentence_bounds
from kb.pipeline.types import Mention
from kb.pipeline.wordlists import inside

_DOCUMENT = r"(?:statement|communiqu[eé]|declaration|press release|note|text)"
_DOCUMENT_RE = re.compile(
    rf"(?:\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|(?<=\w)(?P<owned>[’']s?))\s+"
    rf"(?:(?:joint|written|brief|short|separate|new|later|official|formal|televised|"
    rf"video|signed|same)\s+)?(?P<noun>{_DOCUMENT})s?\b"
)
_DOCUMENT_WORDS = (
    "statement", "communiqué", "communique", "declaration", "release", "note", "text"
)  # fmt: skip
# "a statement from X", "the communiqué issued by X", "a statement by X's office".
_AUTHOR_AFTER_RE = re.compile(
    r"\s*,?\s*(?:(?:issued|released|published|signed|read|put out|sent)\s+)?"
    r"(?:from|by)\s+(?:the\s+)?$"
)
# The verbs whose subject a document's author is: "X said in a statement", "X issued a
# statement", "X said on Sunday in a joint statement".
_AUTHOR_VERB_RE = re.compile(
    # "U.S. Central Command (CENTCOM) said in a statement": past the bracketed acronym
    r"^(?:[’']s?)?\)?(?:\s*\([^()]{1,20}\))?\s*(?:,[^,.;“”\"]{1,70},\s*)?(?:\w+\s+){0,2}?"
    r"(?:said|says|stated|states|added|adds|announced|announces|declared|declares|wrote|"
    r"writes|warned|warns|confirmed|confirms|denied|denies|insisted|insists|urged|urges|"
    r"called|calls|issued|issues|released|releases|published|publishes|put out|"
    r"condemned|condemns|rejected|rejects|welcomed|welcomes|accused|accuses|"
    r"expressed|expresses|noted|notes|signed|signs|adopted|adopts|approved|approves)\b"
    r"[^.;:“”\"\n]{0,90}?\s+$"
)
# "In a statement, X …": the author opens the clause after the document.
_LEADING_RE = re.compile(r"^(?:\s+(?:on|late|early|this|last)\s+[\w ,]{1,30}?)?\s*,\s*(?:the\s+)?$")


def document_authors(
    body: str, mentions: Sequence[Mention], quotes: Sequence[tuple[int, int]] = ()
) -> list[Mention]:
    spans = sorted(quotes)
    voices = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if m.kind in ("person", "organization", "country") and m.name
    ]
    starts = [v.start for v in voices]
    documents = [
        d for d in near_words(_DOCUMENT_RE, body, _DOCUMENT_WORDS) if not inside(spans, d.start())
    ]
    out: list[Mention] = []
    for k, doc in enumerate(documents):
        author = _author_at(body, doc, voices, starts)
        if author is None and (doc.group("det") or "").lower() == "the":
            author = _earlier_author(body, doc, documents[:k], voices, starts)
        if author is not None:
            out.append(Mention(doc.start(), doc.end(), author.name, author.kind))
    return out


def _author_at(
    body: str, doc: re.Match[str], voices: list[Mention], starts: list[int]
) -> Mention | None:
    """The author the text names at the document itself: "a statement from X", "X's
    statement", "X said in a statement", "In a statement, X"."""
    index = bisect_left(starts, doc.end())
    if index < len(voices):
        after = voices[index]
        gap = body[doc.end() : after.start]
        if after.start - doc.end() < 40 and (_AUTHOR_AFTER_RE.match(gap) or _LEADING_RE.match(gap)):
            return after
    intro = _ISSUED_INTRO_RE.match(body, doc.end())
    if intro:
        # "In a statement issued in Brussels, the EU's spokesperson, X, said": the
        # main clause's subject, a name set off right before its verb.
        verb = _CLAUSE_VERB_RE.search(body, intro.end(), intro.end() + 160)
        if verb:
            inner = voices[bisect_left(starts, intro.end()) : bisect_left(starts, verb.start())]
            set_off = [v for v in inner if body[v.end : verb.start()].strip() == ","]
            if set_off:
                return set_off[-1]
            if (
                inner
                and body[intro.end() : inner[0].start].strip() in ("", "the", "The")
                and not body.startswith((",", " and "), inner[0].end)  # "X, Y and Z said"
            ):
                return inner[0]  # "In a statement issued in Nairobi, the ministry said"
    lo, _hi = _sentence(body, doc.start())
    for before in reversed(voices[: bisect_left(starts, doc.start())]):
        if before.start < lo:
            break
        if before.end > doc.start():
            continue
        gap = body[before.end : doc.start()]
        if governed(body, before.start, lo):
            continue  # "X, a spokeswoman for the Rwandan government, said in a statement"
        if _AUTHOR_VERB_RE.match(gap):
            return before
        if before.kind == "person" or "\n" in gap:
            break
    return _possessor(body, doc, voices, starts)


_ISSUED_INTRO_RE = re.compile(
    r"\s+(?:issued|released|published|posted|read out|sent)\b[^,.;:“”\"\n]{0,60},\s*"
)
_CLAUSE_VERB_RE = re.compile(r"\b(?:said|says|stated|added|warned|urged|called|declared)\b")


def _possessor(
    body: str, doc: re.Match[str], voices: list[Mention], starts: list[int]
) -> Mention | None:
    """ "X's statement": a possessive right before the document's noun."""
    index = bisect_left(starts, doc.start()) - 1
    if index >= 0 and voices[index].end <= doc.start():
        gap = body[voices[index].end : doc.start("noun")]
        if re.fullmatch(r"[’']s?\s+(?:\w+\s+)?", gap):
            return voices[index]
    return None


def _earlier_author(
    body: str,
    doc: re.Match[str],
    earlier: list[re.Match[str]],
    voices: list[Mention],
    starts: list[int],
) -> Mention | None:
    """The author of the nearest earlier document of the same kind."""
    noun = doc.group("noun").lower()
    for previous in reversed(earlier):
        if noun != "text" and previous.group("noun").lower()[:6] != noun[:6]:
            continue  # "the text" is whichever document came last
        return _author_at(body, previous, voices, starts)
    return None


def _sentence(body: str, pos: int) -> tuple[int, int]:
    bounds = sentence_bounds(body)
    index = bisect_left(bounds, (pos + 1,)) - 1
    return bounds[index] if index >= 0 else (0, len(body))
