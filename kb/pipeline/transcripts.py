"""Transcript turns: a briefing's "QUESTION: …" and "MS PORTER: …" paragraphs are speech.

In:  the clean body and its blocks; for a speaker, the article's mentions.
Out: ``turns``: (start, end, label) for each paragraph opening on a speaker label in
     capitals, when the article holds such paragraphs by two voices at least, one of
     them answering (a transcript, not a heading); the span is the words after the
     label. ``label_speaker``: the
     person a label names ("MS PORTER" is the Porter the article names), or None for the
     questioner, the presenter or a name we do not know.
Guarantees: pure; spans lie inside their paragraph; a paragraph holding quote marks
     is left to them.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.text import fold
from kb.pipeline.types import Block, Mention

_LABEL_RE = re.compile(r"(?P<label>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}):[ \t]+(?=\S)")
_QUESTION = frozenset(
    ["QUESTION", "Q", "QUESTIONER", "REPORTER", "PRESENTER", "INTERVIEWER", "HOST", "ANCHOR",
     "MODERATOR"]
)  # fmt: skip


# The questioner's labels that name no one the article introduces.
_UNNAMED = frozenset(["QUESTION", "Q", "QUESTIONER", "REPORTER"])


def turns(body: str, blocks: tuple[Block, ...]) -> list[tuple[int, int, str]]:
    found = []
    for block in blocks:
        if block.kind not in ("paragraph", "heading"):  # a short question reads as a heading
            continue
        match = _LABEL_RE.match(body, block.start, block.end)
        if match is None:
            continue
        end = block.end
        while end > match.end() and body[end - 1].isspace():
            end -= 1
        text = body[match.end() : end]
        if any(mark in text for mark in '“”"'):
            continue
        found.append((match.end(), end, match.group("label")))
    labels = {label for _s, _e, label in found}
    # A transcript has turns by two voices at least, one of them someone answering (not
    # only a "Q:" whose answers go unlabelled, as a magazine's interview may print).
    if len(found) < 2 or len(labels) < 2 or not labels - _QUESTION:
        return []
    return found


def label_speaker(body: str, label: str, mentions: list[Mention]) -> Mention | None:
    """The person the label names by surname, or the one the article introduces by the
    label's post ("presenter Harriet Colquhoun" for "PRESENTER"); None for an unnamed
    questioner or a name we do not know."""
    if label in _QUESTION:
        post = label.lower()
        introduced = [
            m
            for m in mentions
            if m.kind == "person"
            and body[max(0, m.start - 40) : m.start].lower().rstrip().endswith(post)
        ]
        names = {m.name for m in introduced}
        return introduced[0] if len(names) == 1 and label not in _UNNAMED else None
    surname = fold(label.split()[-1])
    # The label's own capitals ("PRICE") are no name the article gives.
    people = {m.name: m for m in mentions if m.kind == "person" and m.name and not m.name.isupper()}
    named = [m for name, m in people.items() if fold(name).split()[-1:] == surname.split()[-1:]]
    return named[0] if len(named) == 1 else None
