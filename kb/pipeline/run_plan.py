"""A run's plan, from its words alone: where an officer's title splits it, the title
leading it, and the pieces to classify.

In:  the words of one capitalised run ("Ruritanian Foreign Minister Ana Ruiz", "UNICEF
     Representative in Sudan Siddharth Raghavan").
Out: ``plan``: (where an officer's title splits the run or None, the title leading it, the
     word slices of its pieces), or None when the run holds no name.
Guarantees: pure and memoised (runs recur, as names are repeated); looks at the words only,
     so the same run always gets the same plan.
"""

from __future__ import annotations

from functools import lru_cache

from kb.pipeline.entity import (
    CONNECTORS,
    CORE_TITLES,
    NOT_ORG_ACRONYMS,
    PERSON_PARTICLES,
    Lexicon,
    actor_words,
    is_acronym,
    is_name_particle,
    shared_lexicon,
)
from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.geo import gazetteer, is_geo_word, lookup
from kb.pipeline.name_shapes import name_shaped
from kb.pipeline.pieces import split_piece
from kb.pipeline.text import fold
from kb.pipeline.titles import (
    MEMBER_TITLES,
    body_of_place_then_name,
    body_then_name_split,
    leading_title_end,
    officer_split,
    portfolio_then_first_name,
    without_caption_label,
)
from kb.pipeline.wordlists import words as words_of

Plan = tuple[int | None, str, tuple[tuple[int, int], ...]]
_NOT_NAMES = actor_words("not_name_words")
_PORTFOLIO = actor_words("portfolio_words") | actor_words("portfolio_tails")


@lru_cache(maxsize=MEMO_ENTRIES)
def plan(words: tuple[str, ...]) -> Plan | None:
    """What ``candidates`` makes of a run, from its words alone: where an officer's
    title splits it (or None), the title leading it, and the (start, end) word
    slices of the pieces to classify. None when it holds no name. Runs recur
    (names are repeated), so this is worked out once per distinct run."""
    lex = shared_lexicon()
    # Drop leading function words ("The", "But", "When") and lone sentence-initial common words.
    i = 0
    while i < len(words) and (
        words[i] in lex.stop
        or (words[i] in _NOT_NAMES and not _numbered_body(words, i, lex))
        or (words[i].lower() in CONNECTORS and not is_name_particle(words, i))
    ):
        i += 1
    if i == len(words):
        return None  # nothing but function words: no split, no title, no name
    words = without_caption_label(words)
    split = officer_split(words, i, lex)
    if split is None:
        split = body_then_name_split(words, i, lex)
    if split is None:
        split = body_of_place_then_name(words, i, lex)
    if split is not None:
        if split - i > 1 and words[split] in MEMBER_TITLES and is_acronym(words[i]):
            return split, "", ((i, i + 1),)  # "CHP | Hatay Deputy X": the party, not its province
        return split, "", _piece_slices(words, i, split, lex)
    if (
        i + 2 < len(words)
        and words[i].lower() in words_of("ordinary_people")
        and words[i + 1][:1].isupper()
        and words[i + 1] not in CORE_TITLES  # "Resident Coordinator X" is a post
    ):
        # "Villager Gulnara Toktosunova": a description, not a post, before the name.
        return None, words[i], _piece_slices(words, i + 1, len(words), lex)
    if _body_then_post(words, i, lex):
        # "UNICEF Regional Director for the Middle East": the body; its post names no one.
        return None, "", ((i, i + 1),)
    title_end = leading_title_end(words, i, lex)
    title = ""
    if (
        title_end >= i
        and title_end + 1 < len(words)
        and not all(w in lex.org_heads for w in words[title_end + 1 :])
        and not _named_for(words, title_end, lex)
        and words[title_end + 1] not in lex.org_heads  # "General Directorate of …"
    ):  # "Justice Party" is a party's name, not a title before "Party"
        title = " ".join(words[i : title_end + 1])
        i = title_end + 1
    if not title:
        office = _office_after_place(words, i, lex)
        if office > i:
            title, i = " ".join(words[i:office]), office
    while i < len(words) and (
        (words[i].lower() in CONNECTORS and not is_name_particle(words, i)) or words[i] == "the"
    ):
        i += 1
    if i == len(words) or lookup(" ".join(words[i:])) is not None:
        return None  # "Representative of the Republic of Korea": a title and a country
    i = _after_place(words, i, lex)
    if title and words[i - 1] in ("for", "of") and i == len(words) - 1:
        return None  # "High Commissioner for Peace": a portfolio, no one's name
    if title and words[i - 1] in ("for", "of"):
        # "Commissioner for Enlargement | Lena Hartikainen", "Under Secretary for Terrorism
        # and Financial Intelligence | Caroline Ashdown-Pierce": a portfolio, then a first
        # name and a surname; "for Reintegration of Moldova | X Y": a portfolio of a state.
        if i + 4 < len(words) and words[i + 1] == "of" and lookup(words[i + 2]) is not None:
            title, i = " ".join(words[: i + 3]), i + 3
        else:
            i, title = portfolio_then_first_name(words, i, title, lex)
    portfolio = _portfolio_end(words, i, lex)
    if portfolio >= 0:
        # "(Minister of) Human Rights Ahmed Arman": the portfolio ends the title.
        title = " ".join(words[: portfolio + 1])
        i = portfolio + 1
        # "Emergency Situations | Minister Bakyt Toktosun uulu": the office after it
        while i + 2 < len(words) and words[i] in lex.titles:
            i += 1
            title = " ".join(words[:i])
    return None, title, _piece_slices(words, i, len(words), lex)


def _named_for(words: tuple[str, ...], title_end: int, lex: Lexicon) -> bool:
    """ "King Faisal Center for Research": a body named for a titled person, its
    head word right after the name."""
    return (
        title_end + 2 < len(words)
        and words[title_end + 2] in lex.org_heads
        and words[title_end + 1] not in lex.org_heads
        and not any(is_geo_word(w) for w in words[: title_end + 1])
    )


def _after_place(words: tuple[str, ...], i: int, lex: Lexicon) -> int:
    """ "(ambassador in) Dhaka Michael Miller-Santos": a place before a first name and
    a surname ends the phrase before the name; where the name begins."""
    for n in (3, 2, 1):  # the longest place first: "Kyrgyz Republic", not "Kyrgyz"
        if (
            i + n + 1 < len(words)
            and is_geo_word(" ".join(words[i : i + n]))
            and (
                fold(words[i + n]) in lex.first_names
                or name_shaped(words[i + n :])
                # "(Minister of Foreign Affairs of the Republic of) Armenia Davit Hrachyai
                # Ter-Avetisyan": a state's name after its post, then a name of its own
                or (
                    i > 0
                    and words[i - 1] in ("of", "the")
                    and lookup(" ".join(words[i : i + n])) is not None
                    and len(words) - (i + n) >= 2
                    and not any(is_geo_word(w) for w in words[i + n :])
                )
                # "(UNICEF Representative in) Sudan Siddharth Raghavan": a run opening on
                # a state's name, then two or three words that can only be a name
                or (
                    i == 0
                    and _state_named(words[:n])
                    and 2 <= len(words) - n <= 3
                    and all(_bare_name_word(w, lex) for w in words[n:])
                )
            )
            and not any(w in lex.org_heads for w in words[i + n :])
        ):
            return i + n
    return i


def _state_named(words: tuple[str, ...]) -> bool:
    """A state's name in full ("Sudan", "South Sudan"), not a demonym ("Libyan Red
    Crescent") nor an initialism ("U.S. Border Patrol")."""
    hit = gazetteer().entries.get(" ".join(words))
    return (
        hit is not None
        and hit[0] is not None
        and hit[1] == "name"
        and not any(w.isupper() for w in words)
    )


def _bare_name_word(word: str, lex: Lexicon) -> bool:
    return (
        word.isalpha()
        and word[:1].isupper()
        and not word.isupper()
        and not is_geo_word(word)
        and word not in lex.titles
        and word not in lex.org_heads
        and word not in lex.stop
        and word not in _NOT_NAMES
        and word not in lex.not_actor
    )


def _office_after_place(words: tuple[str, ...], i: int, lex: Lexicon) -> int:
    """Where the name begins after a portfolio's place and a rank or office ("(spokesperson
    for the) West Philippine Sea Commodore | Ramoncito del Pilar"), or ``i``: the words
    before the office name no one (no first name among them) and a name follows it."""
    for k in range(i + 1, min(len(words) - 2, i + 5)):
        if words[k] not in CORE_TITLES or words[k] in lex.honorifics:
            continue
        before, after = words[i:k], words[k + 1 :]
        if "on" in after:  # "... del Pilar on Tuesday": the name ends at the date
            after = after[: after.index("on")]
        if any(fold(w) in lex.first_names or not w[:1].isupper() for w in before):
            return i
        shaped = 2 <= len(after) <= 4 and all(
            (w[:1].isupper() or w in PERSON_PARTICLES)
            and not is_geo_word(w)
            and w not in lex.titles
            and w not in lex.org_heads
            for w in after
        )
        return k + 1 if shaped or fold(after[0]) in lex.first_names or name_shaped(after) else i
    return i


def _body_then_post(words: tuple[str, ...], i: int, lex: Lexicon) -> bool:
    """Whether ``words[i:]`` is an acronym's body, then a post held in it and nothing
    but the post's region or country: no name follows."""
    if not (is_acronym(words[i]) and words[i] not in NOT_ORG_ACRONYMS) or i + 1 >= len(words):
        return False
    end = leading_title_end(words, i + 1, lex)
    if end < i + 1:
        return False
    rest = [w for w in words[end + 1 :] if w not in ("for", "of", "the", "in", "and")]
    return all(is_geo_word(w) or w in _DIRECTIONS for w in rest) or is_geo_word(" ".join(rest))


# "ICRC Regional Director for the Near (and Middle East)": a region's first word.
_DIRECTIONS = frozenset(
    ["North", "South", "East", "West", "Near", "Middle", "Far", "Central", "Northern", "Southern",
     "Eastern", "Western"]
)  # fmt: skip


def _numbered_body(words: tuple[str, ...], i: int, lex: Lexicon) -> bool:
    """Whether a number word opens a body's name ("Three Brotherhood Alliance"): two
    words or more after it, the last a body's head. "Five EU states", "Nobody in
    Abuja" are never names."""
    return (
        len(words) - i >= 3
        and words[-1] in lex.org_heads
        and words[i + 1][:1].isupper()
        and not is_geo_word(words[i + 1])  # "Three Kenyan Police officers"
    )


def _portfolio_end(words: tuple[str, ...], i: int, lex: Lexicon) -> int:
    """The last word of a minister's portfolio opening ``words[i:]`` before a name
    ("Diaspora Affairs | Faith Wanjiru Kariuki"), or -1; never in a body's name."""
    if any(w in lex.org_heads and w not in _PORTFOLIO for w in words[i:]):
        return -1  # "Petroleum Resources" is a portfolio, "National Petroleum Company" a body
    end = -1
    for k in range(i, len(words) - 1):
        if words[k] in _PORTFOLIO:
            end = k
        elif not words[k][:1].isupper() and words[k] not in ("of", "for", "and", "the"):
            break
    # A name follows: two words or more ("Faith Wanjiru Kariuki"), or a first name.
    if end >= 0 and len(words) - end < 3 and fold(words[end + 1]) not in lex.first_names:
        return -1
    return end


def _piece_slices(
    words: tuple[str, ...], lo: int, hi: int, lex: Lexicon
) -> tuple[tuple[int, int], ...]:
    """``split_piece(run[lo:hi])`` as word slices of the run: the pieces are
    contiguous, and the split looks only at the words, so word indices stand in
    for offsets."""
    parts = [(w, k, k + 1) for k, w in enumerate(words[lo:hi], start=lo)]
    return tuple((piece[0][1], piece[-1][2]) for piece in split_piece(parts, lex))
