"""Figure confidence: the evidence behind one figure in, how sure the importer is out.

In:  a ``FigureEvidence`` that ``figures`` fills while it reads a figure: its kind,
     how its number is written, its head noun and how far that noun is, whether
     the phrase restates a set already named, whether its frame is stated, and
     whether it stands in a quote or a caption.
Out: a confidence from 0 to 1 (``figure_confidence``) that the figure is one a
     reader would care about, with the right kind and range.
Rules, each from a kind of error the generality gold showed (README there):
- a base by kind and unit: money and percentages carry their unit (0.95);
  digits (0.9) are surer than number words (0.85), which also serve as
  pronouns ("the two sides"); a vague quantity ("hundreds of thousands") is a
  wide range but rarely misread (0.85);
- a stated frame (event, thing counted, place) adds 0.05;
- a count with no head noun ("by 29 votes to 21") loses 0.25: its kind is a guess;
- a capitalised head that is no demonym ("48 Cantons") is likely a name: -0.3;
- a definite restatement ("the three juntas", "all three", "Sri Lanka's two
  biggest lenders") names a set the text already gave, not a claim: -0.45;
- each modifier beyond one between number and head noun: -0.03;
- in a quote (someone's figure, often rhetorical "two neighbours"): -0.1;
- in a caption: -0.1.
Guarantees: pure; the result is within [0.05, 0.99].
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.pipeline.geo import gazetteer

_DEFINITE_RE = re.compile(
    r"(?:\b(?:the|all|both|these|those|its|their|his|her|our|my|your)|['\u2019]s)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FigureEvidence:
    kind: str  # count | duration | age | percent | money | rate | size
    worded: bool = False  # "three", "a dozen" rather than digits
    vague: bool = False  # "hundreds of thousands", "dozens"
    head: str = ""  # the counted noun phrase ("other political detainees"); "" if none
    definite: bool = False  # "the three juntas": a set already named
    framed: bool = False  # event, thing counted and place all stated
    in_quote: bool = False
    in_caption: bool = False


def is_definite(before: str) -> bool:
    """Whether the words before a number make it a definite restatement ("the two camps")."""
    return bool(_DEFINITE_RE.search(before))


def _named_head(head: str) -> bool:
    words = head.split()
    if not words or not words[-1][:1].isupper():
        return False
    hit = gazetteer().entries.get(words[-1])
    return not (hit and hit[1] == "demonym")


def figure_confidence(e: FigureEvidence) -> float:
    if e.kind in ("money", "percent"):
        score = 0.95
    elif e.vague:
        score = 0.85
    else:
        score = 0.85 if e.worded else 0.9
    if e.framed:
        score += 0.05
    if e.kind == "count":
        if not e.head:
            score -= 0.25
        elif _named_head(e.head):
            score -= 0.3
        if e.definite:
            score -= 0.45
    modifiers = len([w for w in e.head.split() if w != "of"]) - 1
    score -= 0.03 * max(0, modifiers - 1)
    if e.in_quote:
        score -= 0.1
    if e.in_caption:
        score -= 0.1
    return round(min(0.99, max(0.05, score)), 2)
