"""What the text says a person is, and whether a post or description fits it.

In:  the clean body and the span of a person's mention; a description's noun ("the
     minister", "the teacher") and the posts a person holds.
Out: ``described``: the words before the name in its clause ("UN refugee chief Ana
     Ruiz"), a post set off before it ("the Minister of Communication, spokesperson of
     the government, X") and an apposition after it ("Ana Ruiz, 58, a retired teacher,");
     ``holds``: whether one of the posts is called the noun or a synonym of it.
Guarantees: pure; cached, since the same mentions are asked about for every description.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from functools import lru_cache

from kb.pipeline.entity import COURTESY_STYLE_ALT
from kb.pipeline.role_ranks import spelled_out
from kb.pipeline.text import fold
from kb.pipeline.wordlists import synonyms, words


@lru_cache(maxsize=8192)
def holds(noun: str, titles: tuple[str, ...], *, head_first: bool = True) -> bool:
    """Whether one of ``titles`` (folded) is a post called ``noun`` or a synonym of it:
    it ends with it ("UN refugee chief"), or, with ``head_first``, opens with it
    ("minister of foreign affairs")."""
    wanted = (noun, *synonyms().get(noun, ()))
    titles = tuple(fold(spelled_out(t)) for t in titles)  # "maj gen" is "the general"
    # "General in Chief X" is "the general", a "Commander-in-Chief" "the commander".
    titles = tuple(t.removesuffix(" in chief").removesuffix(" at large") for t in titles)
    # "the general" is no Secretary-General, "the secretary" no general secretary's aide.
    compounds = [c for c in words("compound_titles") if noun in c.replace("-", " ").split()]
    kept = [t for t in titles if not any(c in t for c in compounds if c != noun)]
    return any(
        t == w or t.endswith(" " + w) or (head_first and t.startswith(w + " "))
        for t in kept
        for w in wanted
    )


_HONORIFIC_END_RE = re.compile(
    rf"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Father|Rev|{COURTESY_STYLE_ALT})\.?\s*)+$"
)


@lru_cache(maxsize=8192)
def described(body: str, start: int, end: int) -> tuple[str, ...]:
    """The descriptions the text gives a person at mention ``body[start:end]``: the
    words before the name in its clause ("UN refugee chief Ana Ruiz") and an
    apposition after it ("Ana Ruiz, a soldier,")."""
    raw = body[max(0, start - 90) : start]
    window = _HONORIFIC_END_RE.sub("", raw)
    pieces = re.split(r"[,;:!?“”\"()\n]|\.\s", window)
    found = [fold(pieces[-1]).strip()]
    if len(window) < len(raw):
        found.append(fold(raw[len(window) :]).strip())  # "Dr." is "the doctor"
    # "The official representative of the MFA of Armenia X": the post's head ends
    # before its first "of".
    found.append(re.split(r"\s(?:of|for|from)\s", found[0], maxsplit=1)[0])
    if (
        # or after a title word: "The Union's envoy for the Horn, Chief X"
        (not found[0] or (len(found[0].split()) == 1 and pieces[-1].strip()[:1].isupper()))
        and len(pieces) > 1
        and window[: len(window) - len(pieces[-1])].endswith(",")
    ):
        # "the Cabinet Secretary for Foreign Affairs, Dr. Ana Ruiz": the post comes
        # first, set off by a comma; its head is "cabinet secretary".
        post = fold(pieces[-2]).strip()
        found += [post, re.split(r"\s(?:of|for|in|at|to|from|near)\s", post, maxsplit=1)[0]]
        if len(pieces) > 2 and not pieces[-2].lstrip().startswith(("a ", "an ", "the ")):
            # "The Minister of Communication, spokesperson of the government, X": a
            # bare second post follows the first, which describes X as well.
            first = fold(pieces[-3]).strip()
            found += [first, re.split(r"\s(?:of|for|in|at|to)\s", first, maxsplit=1)[0]]
    after = re.match(
        # "Ana Ruiz, a soldier,", "Ana Ruiz, Chevron's vice president for …,"
        # "Trần Văn Lộc, 52, the boat's captain,": past an age, and a common noun's owner
        r",\s+(?:\d{1,3},\s+)?"
        r"(?:a|an|the|[A-Z][\w.-]*(?: [A-Z][\w.-]*)?[’']s|(?:the\s+)?[a-z]+[’']s)\s+"
        r"([\w\s-]{1,90}?)(?=[,.;:]|\s+(?:who|said|says)\b)",
        body[end : end + 130],
    )
    if after:
        described = fold(after.group(1)).strip()
        found.append(described)
        # "a soldier in his unit" describes a soldier too.
        found.append(re.split(r"\s(?:in|of|at|for|from|with|on)\s", described, maxsplit=1)[0])
    return tuple(f for f in found if f)
