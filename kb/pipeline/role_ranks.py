"""Ranks before a name: a role of their own, beside the post that may precede them.

In:  a capitalised title read before a name ("Army chief General", "Police spokesman
     Inspector", "Commandant").
Out: ``split_rank``: the post and the rank as two titles ("Army chief", "General"),
     the rank spelled out ("Maj Gen" -> "Major General", ``spelled_out``);
     ``RANK_BEFORE_RE``: a rank or honorific between an apposed post and its name
     ("the military prosecutor, Commandant X").
Guarantees: pure functions of the text; "Secretary General", "Inspector General"
     and "Attorney General" stay one post.
"""

from __future__ import annotations

import re

from kb.pipeline.entity import COURTESY_STYLE_ALT
from kb.pipeline.role_posts import role_words
from kb.pipeline.text import fold

# A rank or honorific between an apposed post and the name: "the commission
# chairperson, Justice X", "the army chief, General X", "the prosecutor, Commandant X",
# "The Secretary-General of OTCA, Ambassador X".
RANK_BEFORE_RE = re.compile(
    r"(?:\b(?:"
    r"(?:(?:Lieutenant|Major|Brigadier|Brigade|Division|Rear|Vice|Air|Field)[- ])?"
    r"(?:General|Colonel|Admiral|Marshal)(?:[- ]in[- ]Chief)?"
    r"|Major|Captain|Brigadier|Commandant|Commissaire|Capitaine|Comandante|Coronel"
    r"|(?:Chief\s+)?Inspector|(?:Chief\s+)?Superintendent|Sergeant|Lt|Gen|Col|Maj|Capt|Cmdr|Cdr"
    r"|Justice|Judge|Dr|Mr|Mrs|Ms|Mister|Madam|Ma[iî]tre|Prof|Professor|Sheikh|H\.E|Ambassador|Hon"
    rf"|{COURTESY_STYLE_ALT}"  # "Alhaji X", "Ato X", "Dona X", "Monsignor X"
    r")\.?\s+)+$"
)
_LONGEST_RANK = 3
# Ranks as copy abbreviates them: "Maj Gen" is "Major General".
_ABBREVIATIONS = {
    "gen": "General",
    "maj": "Major",
    "lt": "Lieutenant",
    "col": "Colonel",
    "capt": "Captain",
    "brig": "Brigadier",
    "sgt": "Sergeant",
    "cpl": "Corporal",
    "adm": "Admiral",
    "supt": "Superintendent",
    "cmdr": "Commander",
    "cdr": "Commander",
}


def spelled_out(title: str) -> str:
    """``title`` with its rank abbreviations written out: "Maj Gen" -> "Major General"."""
    return " ".join(_ABBREVIATIONS.get(fold(w.rstrip(".")), w) for w in title.split())


def split_rank(title: str) -> tuple[str, str] | None:
    """``(post, rank)`` when ``title`` ends with a rank; ``post`` may be empty."""
    words = title.split()
    ranks = role_words("ranks")
    for size in range(min(_LONGEST_RANK, len(words)), 0, -1):
        tail = words[-size:]
        if fold(" ".join(w.rstrip(".") for w in tail)) not in ranks:
            continue
        head = words[:-size]
        if head and fold(head[-1]) in role_words("not_rank_compounds") and size == 1:
            return None  # "Secretary General", "Inspector General", "Police Inspector"
        return " ".join(head), spelled_out(" ".join(tail))
    return None
