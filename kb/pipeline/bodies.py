"""Organisations named by a formula rather than a capitalised run.

In:  the clean body and the spans to ignore.
Out: ``acronym_names``: names spelled out by the bracketed acronym after them
     ("Centre for Research, Transparency and Accountability (CRTA)");
     ``state_bodies``: a state's embassies and ministries named by its country
     ("the Chinese embassy in Brussels", "Kenya's foreign ministry", "the foreign
     ministry of Kenya"), a ministry with its canonical name ("Ministry of Foreign
     Affairs (Kenya)") as its ``label``; ``described_names``: reference bodies
     written with lower-case words ("the UN human rights office").
Guarantees: pure; every candidate satisfies ``body[start:end] == text``, none
     starts inside an excluded span, state bodies never overlap one another, and a
     country spelled out by its acronym ("... Republic of Korea (DPRK)") is none.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from functools import cache

from kb.pipeline.entity import CORE_TITLES, Candidate, actor_words, in_any
from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.reference_orgs import described_forms, reference_org
from kb.pipeline.text import near_words

_DEFINED_ACRONYM_RE = re.compile(r"\s\(([A-Z][A-Z&.-]{1,8})\)")  # "(PML-N)" too
_ACRONYM_GLUE = actor_words("acronym_glue")


def _spelled_out(
    body: str, paren: int, letters: str, hyphened: bool = False
) -> tuple[int, int] | None:
    """The name before "(OSCE)" whose capitalised words' initials spell the acronym;
    ``hyphened``: a hyphenated word gives an initial per part ("League-Nawaz", PML-N)."""
    line_start = body.rfind("\n", 0, paren) + 1
    words = list(re.finditer(r"[\w’'-]+|[,&]", body[max(line_start, paren - 160) : paren]))
    offset = max(line_start, paren - 160)
    need = list(letters)
    start: int | None = None
    for word in reversed(words):
        text = word.group()
        if text[:1].isupper():
            # "League-Nawaz" gives two initials to "(PML-N)", "Guinea-Bissau" one.
            parts = text.split("-") if hyphened else [text]
            for part in reversed(parts):
                if not part[:1].isupper():
                    continue
                if not need or part[0] != need[-1]:
                    return None
                need.pop()
            start = offset + word.start()
            if not need:
                break
        elif text.lower() not in _ACRONYM_GLUE:
            return None
    if need or start is None or len(letters) < 2:
        return None
    return start, paren


def acronym_names(body: str, excluded: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """Organisations defined by their acronym: "Centre for Research, Transparency and
    Accountability (CRTA)" is one name even across the comma and the "and"."""
    found = []
    for match in _DEFINED_ACRONYM_RE.finditer(body):
        acronym = match.group(1)
        letters = acronym.replace(".", "").replace("&", "").replace("-", "")
        span = _spelled_out(body, match.start(), letters, hyphened="-" in acronym)
        if span is None or in_any(span[0], excluded):
            continue
        text = body[span[0] : span[1]]
        if lookup(text) is not None:
            continue  # "Democratic People's Republic of Korea (DPRK)" is a country
        if re.match(r"[A-Z][\w-]* of ", text) and text.split()[0] in CORE_TITLES:
            continue  # "Superintendent of Police (SP)": a post, not a body
        cand = Candidate(span[0], span[1], text, len(text.split()), "organization", 2)
        cand.acronym_of = match.group(1)
        found.append(cand)
    return found


# "Committee to Protect Journalists", "International Campaign to Ban Landmines": a
# body's head word, then "to" and a verb phrase in capitals, is one name.
_TO_HEADS = (
    "Committee", "Campaign", "Coalition", "Alliance", "Mission",
    "Fund", "Foundation", "Initiative", "Network", "Movement",
)  # fmt: skip
_TO_NAME_RE = re.compile(
    r"(?<![\w’'-])(?:(?!The\b)[A-Z][\w’'-]* ){0,3}"
    rf"(?P<noun>{'|'.join(_TO_HEADS)}) to [A-Z][a-z]+(?: (?:the )?[A-Z][a-z]+){{1,3}}"
)


# A parliament's record of a member: "Lina Petraitytė (Renew, LT)", "(S&D, ES)".
_GROUP_TAG_RE = re.compile(r"\((?P<group>[A-Z][\w&/ -]{0,24}?), [A-Z]{2}\)")


def group_tags(body: str, excluded: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """The political group of a "Name (GROUP, CC)" tag, when it is a group the table of
    international bodies knows: a member's group is an organisation of the article."""
    found = []
    for match in _GROUP_TAG_RE.finditer(body) if ", " in body and ")" in body else ():
        start, end = match.span("group")
        text = match.group("group")
        if in_any(start, excluded) or reference_org(text) is None:
            continue
        found.append(Candidate(start, end, text, len(text.split()), "organization", 2))
    return found


def infinitive_names(
    body: str, excluded: tuple[tuple[int, int], ...], headings: list[tuple[int, int]]
) -> list[Candidate]:
    """Organisations named by a head word and an infinitive ("Committee to Protect
    Journalists"), never in a heading, where title case makes any phrase look so
    ("Council to Meet Next Week")."""
    found = []
    for match in near_words(
        _TO_NAME_RE,
        body,
        (
            "Committee",
            "Campaign",
            "Coalition",
            "Alliance",
            "Mission",
            "Fund",
            "Foundation",
            "Initiative",
            "Network",
            "Movement",
        ),
    ):
        if in_any(match.start(), excluded) or in_any(match.start(), headings):
            continue
        text = match.group()
        found.append(
            Candidate(match.start(), match.end(), text, len(text.split()), "organization", 2)
        )
    return found


_STATE_BODY_WORDS = ("embassy", "Embassy", "consulate", "Consulate", "ministry", "Ministry")
# The portfolio's word in a ministry's canonical name: "Ministry of Foreign Affairs (Kenya)".
_PORTFOLIO_NAMES = {
    "foreign": "Foreign Affairs",
    "defence": "Defence",
    "defense": "Defence",
    "interior": "Interior",
    "finance": "Finance",
    "trade": "Trade",
    "commerce": "Commerce",
    "justice": "Justice",
    "oil": "Oil",
    "petroleum": "Petroleum",
    "energy": "Energy",
    "health": "Health",
    "education": "Education",
    "agriculture": "Agriculture",
    "information": "Information",
    "economy": "Economy",
    "labour": "Labour",
    "labor": "Labour",
    "environment": "Environment",
    "transport": "Transport",
    "mines": "Mines",
    "electricity": "Electricity",
    "planning": "Planning",
}
# The portfolios' words as a text writes them before "ministry" ("the defence ministry",
# "Kenya's Health Ministry") and after "Ministry of" ("the Libyan Ministry of Health").
_PORTFOLIO = "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _PORTFOLIO_NAMES) + ")"
_NAMED_PORTFOLIO = "|".join(
    "Foreign (?:Affairs|Relations)" if w == "foreign" else w.capitalize() for w in _PORTFOLIO_NAMES
)
_GEO = r"[A-Z][\w.]*(?: [A-Z][\w.]*)?"
_STATE_BODY_RE = re.compile(
    rf"\b(?P<geo>{_GEO})(?:['’]s)? (?P<noun>[Ee]mbassy|[Cc]onsulate|{_PORTFOLIO} [Mm]inistry)"
    r"(?P<general>(?<=onsulate)[- ][Gg]eneral)?"
    r"(?: in (?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?"
)
# "the Attorney General's Office": the office of a post is a body; its country
# comes from the demonym or name before it, as any generic body's does.
_OFFICE_RE = re.compile(
    r"\b(?:(?:Attorney|Prosecutor|Solicitor|Comptroller|Auditor|Inspector)[- ]General"
    r"|Public Prosecutor|Ombudsman|Prime Minister|President)['’]s (?P<noun>Office)\b"
)
# "the foreign ministry of Kenya": the country after the body.
_MINISTRY_OF_RE = re.compile(rf"\b(?P<noun>{_PORTFOLIO} [Mm]inistry) of (?P<geo>{_GEO})")
# "the Venezuelan Ministry of Foreign Affairs", "Peru's Ministry of Foreign Relations".
_NAMED_MINISTRY_RE = re.compile(
    rf"\b(?P<geo>{_GEO})(?:['’]s)? Ministry of (?:the )?"
    rf"(?P<portfolio>{_NAMED_PORTFOLIO})\b(?! and\b)"
    # not a portfolio list: "Ministry of Agriculture, Fisheries and Food"
    r"(?!(?:, [A-Z][a-z]+)+,? and [A-Z])"
)


def ministry_label(noun: str, code: str) -> str | None:
    """ "Ministry of Foreign Affairs (Kenya)" for "foreign ministry" of KE; None for
    an embassy (one country keeps many)."""
    portfolio = _PORTFOLIO_NAMES.get(noun.split()[0].lower())
    if portfolio is None or not noun.lower().endswith("ministry"):
        return None
    return f"Ministry of {portfolio} ({gazetteer().display.get(code, code)})"


def state_bodies(
    body: str, excluded: tuple[tuple[int, int], ...], main: str | None = None
) -> list[Candidate]:
    """A state's embassy or ministry named by its country: "the Chinese embassy in
    Brussels", "US Embassy in Colombia", "the French defence ministry", "Kenya's
    foreign ministry", "the foreign ministry of Kenya"; a bare "the defence ministry"
    only in an article plainly about one country (``main``). A ministry carries its
    canonical name, so that all its stylings are one organisation."""
    found = _bare_ministries(body, excluded, main) if main else []
    for match in near_words(_STATE_BODY_RE, body, _STATE_BODY_WORDS):
        owner = _owner(match, excluded)
        if owner is None:
            continue
        start, code = owner
        end = match.end("general") if match.group("general") else match.end("noun")
        if match.group("place") and match.group("noun").lower() in ("embassy", "consulate"):
            end = match.end("place")  # one country keeps embassies in many
        found.append(_state_body(body, start, end, ministry_label(match.group("noun"), code)))
    for match in near_words(_OFFICE_RE, body, ("Office",)):
        if not in_any(match.start(), excluded):
            found.append(_state_body(body, match.start(), match.end("noun"), None))
    named = _NAMED_MINISTRY_RE.finditer(body) if "Ministry of" in body else ()
    for match in named:
        owner = _owner(match, excluded)
        if owner is None:
            continue
        start, code = owner
        noun = f"{match.group('portfolio').split()[0]} ministry"
        found.append(_state_body(body, start, match.end(), ministry_label(noun, code)))
    for match in near_words(_MINISTRY_OF_RE, body, ("ministry", "Ministry")):
        country = lookup(match.group("geo"))
        if country is None or in_any(match.start(), excluded):
            continue
        label = ministry_label(match.group("noun"), country)
        found.append(_state_body(body, match.start(), match.end("geo"), label))
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start, -c.end)):
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)  # spans never overlap
    return kept


def _owner(match: re.Match[str], excluded: tuple[tuple[int, int], ...]) -> tuple[int, str] | None:
    """Where the state owning a body begins, and its code: the "geo" group, or its last
    word when the first is an article ("The Chinese"); None for no state or excluded text."""
    start, geo = match.start(), match.group("geo")
    if lookup(geo) is None and " " in geo:
        start, geo = start + geo.index(" ") + 1, geo.split(" ", 1)[1]
    code = lookup(geo)
    if code is None or in_any(start, excluded):
        return None
    return start, code


_BARE_MINISTRY_RE = re.compile(rf"\b(?:[Tt]he|[Aa]|[Ii]ts) (?P<noun>{_PORTFOLIO} [Mm]inistry)\b")


def _bare_ministries(
    body: str, excluded: tuple[tuple[int, int], ...], main: str
) -> list[Candidate]:
    found = []
    for match in near_words(_BARE_MINISTRY_RE, body, ("ministry", "Ministry")):
        label = ministry_label(match.group("noun"), main)
        if not in_any(match.start(), excluded):
            found.append(_state_body(body, match.start("noun"), match.end("noun"), label))
    return found


def _state_body(body: str, start: int, end: int, label: str | None) -> Candidate:
    text = body[start:end]
    return Candidate(start, end, text, len(text.split()), "organization", 2, label=label)


@cache
def _described_re() -> re.Pattern[str]:
    forms = sorted(described_forms(), key=len, reverse=True)
    # "UN" is also written "U.N." in American copy.
    alternation = "|".join(re.escape(f).replace("UN\\ ", r"U\.?N\.?\ ") for f in forms)
    return re.compile(rf"\b(?P<noun>{alternation})\b")


def described_names(body: str, excluded: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """Reference bodies written with lower-case words: "The UN human rights office said"."""
    found = []
    anchors = tuple(sorted({f.split()[-1] for f in described_forms()}))
    for match in near_words(_described_re(), body, anchors):
        if in_any(match.start(), excluded):
            continue
        text = match.group()  # named by ``reference_orgs`` like any other form
        found.append(
            Candidate(match.start(), match.end(), text, len(text.split()), "organization", 2)
        )
    return found
