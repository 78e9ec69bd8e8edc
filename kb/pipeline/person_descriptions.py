"""Descriptions of people: "the president", "Venezuela's president", "the AU chief",
"the soldier" -> the person who holds that post or carries that description.

In:  the clean body, the mentions outside quotes in text order, the actors and the
     roles (who holds which post).
Out: ``person_descriptions``: a ``Mention`` per description, naming the holder of
     the post (a role, or the words before or after a name): the one just named as
     a subject, else the most present such person; none when someone unnamed was
     introduced with that post in between ("A Western diplomat … the diplomat
     said") or the subject just named may hold it.
Guarantees: pure; ``body[m.start:m.end]`` is the description itself; only whole
     words are read.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kb.pipeline.geo import lookup
from kb.pipeline.org_descriptions import DESCRIPTION_LEAD
from kb.pipeline.person_described import described, holds
from kb.pipeline.pronouns import governed
from kb.pipeline.text import fold, near_words
from kb.pipeline.types import ActorFound, Mention, RoleFound
from kb.pipeline.wordlists import alternation, anchors, words


@cache
def _person_re() -> re.Pattern[str]:
    return re.compile(
        DESCRIPTION_LEAD + rf"(?:(?:{alternation(words('description_adjectives'))})\s+)?"
        # Lazy, so "the Director General" is a post before "Director" is tried as a demonym.
        r"(?:(?P<demonym>[A-Z][a-z]+)\s+|(?P<modifier>[a-z][a-z-]{2,})\s+)??"
        r"(?:(?P<body>[A-Z]{2,6})\s+)?"
        rf"(?P<noun>(?i:{alternation(words('person_descriptions'))}))\b"
        r"(?! of\b)(?![ -][A-Z])(?!['’]s\b)"
    )


def person_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...], roles: tuple[RoleFound, ...]
) -> list[Mention]:
    starts = [m.start for m in ordered]
    people = [m for m in ordered if m.kind == "person"]  # the only ones that hold posts
    people_starts = [m.start for m in people]
    country_of = {a.name: a.country for a in actors}
    orgs_at = {m.start: m.name for m in ordered if m.kind == "organization"}
    titles: dict[str, list[RoleFound]] = {}
    for role in roles:
        titles.setdefault(role.actor, []).append(role)
    out: list[Mention] = []
    for match in near_words(_person_re(), body, anchors(words("person_descriptions"))):
        owner = match.group("owner")
        code = lookup(owner) if owner else None
        if owner and code is None:
            continue
        qualifier = None
        if match.group("demonym"):  # "the Peruvian foreign minister"
            code = code or lookup(match.group("demonym"))
            if code is None:
                # "the Houthi spokesman": a word no country's, which the holder's post
                # must carry too ("Houthi military spokesman X").
                qualifier = fold(match.group("demonym"))
        if match.group("modifier"):
            # "the rubber farmer" is the one the text called "a rubber farmer" only.
            qualifier = fold(match.group("modifier"))
        body_name = None
        if match.group("body"):  # "the AU chief": a post in that body
            body_name = orgs_at.get(match.start("body"))
            if body_name is None:
                continue
        noun = " ".join(fold(match.group("noun")).split())
        if _next_post_re().match(body, match.end()):
            continue  # "The executive secretary of …": the post goes on past the noun
        apposed = _apposed_person(body, ordered, starts, match.end())
        if apposed is not None:
            # "The Guatemalan president, Ana Ruiz, said": the name is given right there.
            out.append(Mention(match.start(), match.end(), apposed.name, "person"))
            continue
        earlier = people[: bisect_left(people_starts, match.start())]
        best = _title_holder(
            body,
            match.start(),
            noun,
            code,
            earlier,
            titles,
            country_of,
            body_name,
            qualifier,
        )
        if (
            best is None
            and not match.group("modifier")
            and noun not in _HEAD_POSTS
            and not code
            and not body_name
            and match.group("noun").islower()  # "the Presiding Judge": a formal post
            and not _introduced_re(noun).search(body, max(0, match.start() - 300), match.start())
            and not _SET_OFF_NAME_AFTER_RE.match(body, match.end())  # "…, Colonel X,": named
            and not _held_before(body, noun, earlier, titles)
            # "She asked the driver how long … “Four hours,” the driver said": the one
            # the text already calls so, unnamed, not the person named before
            and not _object_re(noun).search(
                body, max(0, match.start() - _SOLE_REACH), match.start()
            )
        ):
            best = _sole_recent_person(body, people, people_starts, match.start(), ordered)
        if best:
            out.append(Mention(match.start(), match.end(), best, "person"))
        elif noun in _SPOKES and (spoken_for := _unnamed_spokes_body(body, ordered, starts, match)):
            out.append(Mention(match.start(), match.end(), spoken_for, "organization"))
    return out


@cache
def _next_post_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(words('person_descriptions'))})\b")


_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson"])
# Posts one holder owns in an article ("the president"): never guessed from nearness.
_HEAD_POSTS = frozenset(
    ["president", "prime minister", "premier", "king", "queen", "monarch", "head of state",
     "head of government", "foreign minister", "defence minister", "defense minister"]
)  # fmt: skip
_SOLE_REACH = 300
# Descriptions any post may go by: the subject just named holds one, whatever it is.
_VAGUE = frozenset(["diplomat", "official", "politician", "leader", "representative"])


def _held_before(
    body: str, noun: str, earlier: list[Mention], titles: dict[str, list[RoleFound]]
) -> bool:
    """Whether someone named before holds the description: then its holder was weighed
    (and perhaps left undecided on purpose), and nearness must not overrule that."""
    return any(
        holds(noun, described(body, m.start, m.end), head_first=False)
        or any(holds(noun, (fold(r.title),)) for r in titles.get(m.name, []))
        for m in earlier
    )


def _sole_recent_person(
    body: str, people: list[Mention], starts: list[int], at: int, ordered: list[Mention]
) -> str | None:
    """ "Mariela Santamaría, MSF's medical coordinator, said … “…,” the veteran physician
    said": the one person named in the last ``_SOLE_REACH`` characters, within this
    paragraph or the one before, as the subject of a clause, when a description the
    article gives no one follows and no name we do not know comes between."""
    lo = bisect_left(starts, at - _SOLE_REACH)
    near = people[lo : bisect_left(starts, at)]
    if not near or len({m.name for m in near}) != 1:
        return None
    last = near[-1]
    if body.count("\n\n", last.end, at) > 1 or not _leads_clause(body, last.start):
        return None
    covered = [(m.start, m.end) for m in ordered if last.end <= m.start < at]
    for name in _NAME_RUN_RE.finditer(body, last.end, at):
        if not any(s <= name.start() < e for s, e in covered):
            return None  # "Colonel-Major Ousmane Dan Baba": someone we did not read
    return last.name


_SET_OFF_NAME_AFTER_RE = re.compile(r",\s+[A-Z][\w.’'-]*\s+[A-Z]")
# Two capitalised words in a row: a name, perhaps one no mention covers.
_NAME_RUN_RE = re.compile(
    r"(?<![.!?]\s)\b[A-Z][\w’'-]+(?:\s+(?:de|del|da|al|bin)?\s*[A-Z][\w’'-]+)+"
)

# "A Hong Kong government spokesman said …": someone unnamed, speaking for the body
# named in the same breath.
_UNNAMED_SPOKES_RE = re.compile(
    r"\b[Aa]n?\s+spokes(?:man|woman|person)\s+(?:for|of)\s+"
    r"|\b[Aa]n?\s+(?:[\w-]+\s+){0,4}?spokes(?:man|woman|person)\b"
)


def _unnamed_spokes_body(
    body: str, ordered: list[Mention], starts: list[int], match: re.Match[str]
) -> str | None:
    """The body whose unnamed spokesperson "the spokesman" goes back to: the last "a
    <body> spokesman" or "a spokeswoman for <body>" within a few paragraphs, with no
    person named as a spokesperson since."""
    lo = max(0, match.start() - 1500)
    intros = list(_UNNAMED_SPOKES_RE.finditer(body, lo, match.start()))
    if not intros:
        return None
    intro = intros[-1]
    index = bisect_left(starts, intro.start())
    named = ordered[index : bisect_left(starts, match.start())]
    if any(m.kind == "person" for m in named):
        return None
    # "an ICRC spokesman": the body inside the introduction; "a spokeswoman for the
    # ministry": the one right after it.
    after = intro.group().endswith(" ")
    for m in named:
        if m.kind == "organization" and (
            intro.start() < m.start and m.end <= intro.end()
            if not after
            else re.fullmatch(r"(?:the\s+)?", body[intro.end() : m.start])
        ):
            return m.name
    return None


def _apposed_person(
    body: str, ordered: list[Mention], starts: list[int], end: int
) -> Mention | None:
    """The person named right after a description, set off by a comma, past a short
    complement ("The envoy for Europe of Echenique, Ignacio Landaeta, declared")."""
    index = bisect_left(starts, end)
    # Names inside the complement ("of Echenique") are not the one set off after it.
    while index < len(ordered) and ordered[index].start - end <= 80:
        m = ordered[index]
        if m.kind == "person" and _SET_OFF_AFTER_RE.fullmatch(body, end, m.start):
            return m
        index += 1
    return None


# "The spokesman for the army, Colonel Ana Ruiz,": a rank may stand before the name.
_SET_OFF_AFTER_RE = re.compile(
    r"(?:\s+(?:for|of|to|in|at)\s+[^,.;:“”\"\n]{1,50})?,\s+(?:[A-Z][a-z]+\.?\s+){0,2}"
)


# Capitalised words before a name, on its line; a stop only after an abbreviation
# ("Gen.", "Dr."), so "… in Tokyo. Hayashi said" ends the run at "Hayashi".
_TITLE_RUN_RE = re.compile(r"(?:(?:\b[A-Z][a-z]{0,3}\.|\b[A-Z][\w-]*)[ ]+)+$")


def _leads_clause(body: str, start: int) -> bool:
    """Whether no preposition governs the name at ``start``, past its title words
    ("under President Orsk" is governed; "Foreign Minister Ruiz said" is not)."""
    titles = _TITLE_RUN_RE.search(body, max(0, start - 60), start)
    pos = titles.start() if titles else start
    return not governed(body, pos, max(0, pos - 60))


# A holder of the post named this close before the description (in characters, and at
# most one paragraph break away) is the one it means, whoever is named more.
_NEAR = 300


def _title_holder(
    body: str,
    at: int,
    noun: str,
    code: str | None,
    earlier: list[Mention],
    titles: dict[str, list[RoleFound]],
    country_of: dict[str, str | None],
    body_name: str | None = None,
    qualifier: str | None = None,
) -> str | None:
    """The holder of post ``noun`` the description means: the one just named as a
    subject ("Foreign Minister Ana Ruiz said … / The minister added"), else the one
    named most so far ("the president" in an article about Ruiz is Ruiz even just
    after a line on Orsk, or "under President Orsk")."""
    salience: dict[str, int] = {}
    last: dict[str, int] = {}
    last_end: dict[str, int] = {}
    subject_at: dict[str, int] = {}
    untitled_subject = -1  # the last subject the article gives no post or description
    for m in earlier:
        if m.kind != "person":
            continue
        held = [
            r
            for r in titles.get(m.name, [])
            if body_name in (None, r.organization)
            and (
                qualifier is None
                or qualifier in fold(r.title).split()
                or qualifier in " ".join(described(body, m.start, m.end)).split()
            )
            and (holds(noun, (fold(r.title),)) or _heads_body(noun, r.title, body_name))
        ]
        said_of = described(body, m.start, m.end)
        if not held and (
            body_name
            or (qualifier and qualifier not in " ".join(said_of).split())
            or not holds(noun, said_of, head_first=False)
        ):
            if (
                (
                    noun in _VAGUE  # "the diplomat" may be whatever post the subject holds
                    or (m.name not in titles and not said_of)
                )
                and m.name not in salience  # "Al-Qassimi said" after "the key witness, X,"
                and at - m.start <= _NEAR
                and _leads_clause(body, m.start)
            ):
                untitled_subject = m.start
            continue
        countries = {r.country for r in held} | {country_of.get(m.name)}
        if code and code not in countries and countries != {None}:
            continue
        # "Venezuela's president" is the president, not the interim or vice one.
        plain = not held or any(
            not words("qualified_title_words") & set(fold(r.title).split()) for r in held
        )
        if not plain and noun in _HEADS_OF:
            continue  # "the head of State" is no interim or self-proclaimed president
        rank = 1 + int(plain) + (2 if code and code in countries else 0)
        salience[m.name] = salience.get(m.name, 0) + rank
        last[m.name], last_end[m.name] = m.start, m.end
        if _leads_clause(body, m.start):
            subject_at[m.name] = m.start
    if not salience:
        return None
    recent = max(last, key=lambda n: last[n])
    # Only a sentence that opens on it introduces someone ("A Western diplomat …"); "a
    # half-brother of a former oil minister" describes the one named.
    if any(
        not _APPOSED_GAP_RE.fullmatch(body, last_end[recent], introduced.start())
        for introduced in _introduced_re(noun).finditer(body, last_end[recent], at)
    ):
        # "A Western diplomat …, who asked not to be named, … the diplomat said": the one
        # just introduced, unnamed, not the holder named before.
        return None
    if untitled_subject > last[recent] and qualifier is None:
        # "Hayashi said … The minister added": the subject just named may hold the
        # post though the article never says so; naming the earlier holder would guess.
        # "The rubber farmer" is no guess: only the one the text called so qualifies.
        return None
    # The holder's own quoted words between the name and the description are no
    # distance: "Minister X wrote that … “…”¶“…,” the minister added".
    tail = _QUOTED_RE.sub("", body[last[recent] : at])
    if subject_at.get(recent) == last[recent] and len(tail) <= _NEAR and tail.count("\n\n") <= 1:
        return recent
    return max(salience, key=lambda n: (salience[n], last[n]))


def _heads_body(noun: str, title: str, body_name: str | None) -> bool:
    """ "the AU chief" is the AU's chairperson: with a body named, "chief" or "head"
    means its top post, whatever the body calls it."""
    return (
        body_name is not None
        and noun in words("body_head_nouns")
        and any(holds(post, (title,)) for post in words("body_head_posts"))
    )


_HEADS_OF = frozenset(["head of state", "head of government"])
_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Between a name and the description set off after it: a comma, perhaps past an age
# ("Hala al-Khatib, 58, a retired teacher"). The description is hers, not someone new.
_APPOSED_GAP_RE = re.compile(r"\s*,\s*(?:\d{1,3},\s*)?")


@cache
def _object_re(noun: str) -> re.Pattern[str]:
    """ "asked the driver", "to the nurse": the description inside a clause, someone
    the sentence is about rather than its subject."""
    return re.compile(rf"\b[a-z]+\s+the\s+{re.escape(noun)}\b")


@cache
def _introduced_re(noun: str) -> re.Pattern[str]:
    """A sentence opening on someone unnamed with post ``noun``: "A Western diplomat"."""
    return re.compile(
        # ... or a clause: "Asked whether …, a senior defence ministry official said"
        rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=\n)|(?<=,\s))[Aa]n?\s+(?:[\w-]+\s+){{0,3}}"
        rf"{re.escape(noun)}\b",
        re.MULTILINE,
    )
