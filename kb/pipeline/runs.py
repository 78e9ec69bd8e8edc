"""Capitalised runs: the clean body in, runs of capitalised words out.

In:  the clean body.
Out: ``sequences``: each run of capitalised words ("Ruritanian Foreign Minister Ana
     Ruiz", "Economic Community of West African States") as (word, start, end)
     triples, joined by single spaces, hyphens, no-break spaces, lower-case
     connectors ("of the", "de") and Arabic particles ("al-"); a lone initial
     keeps its dot inside a name ("John F. Kennedy"); a possessive ends a run,
     as ``at_plural_possessives`` makes a plural one ("the Okonkwos' PDU party").
Guarantees: pure; ``body[start:end] == word`` for every word (possessives cut).
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.entity import CONNECTORS, actor_words, shared_lexicon
from kb.pipeline.geo import gazetteer
from kb.pipeline.text import strip_possessive

Run = list[tuple[str, int, int]]  # (word, start, end) of each word of a run

TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'’\u2018]*[^\W_])?(?:\.(?:com|org|net|info)\b)?"
)
# A capitalised word or an acronym with dots ("U.S."). Written capital-first, with
# "(?:[A-Z]\.){2,}" folded in behind a look-behind, so that the regex engine can skip
# to the next capital instead of trying the pattern at every position (3x faster).
# A lone initial ("John F. Kennedy", "T. J. Okonjo") keeps its dot when a capital follows.
_CAP = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Z])\.(?= [A-Z])"
    # "Vaka\u2018uta": a Polynesian glottal stop written with an opening quote mark
    r"|(?:[\w'’]|\u2018(?=[a-z]))*"
    # "Rawle St. Clair Peltier", "St. Lucia": Saint's abbreviation inside a name.
    r"(?:\.(?:com|org|net|info)\b|(?<=\bMd)\.(?= [A-Z])|(?<=\bMa)\.(?= [A-Z])"
    r"|(?<=\bSt)\.(?= [A-Z][a-z]))?))"
)
CONNECTOR_ALT = "|".join(sorted(CONNECTORS, key=lambda w: (-len(w), w)))
# A run: capitalised words joined by one space, a hyphen or a no-break space, with
# lower-case connectors ("of", "de", "of the") allowed between two capitalised words.
# "Abdel Fattah al-Burhan", "Karim bin Youssef el-Hadj": a lower-case Arabic particle
# joined to the next word by a hyphen is part of the name too.
_HYPHENED = "|".join(sorted(actor_words("arabic_particles"), key=lambda w: (-len(w), w)))
# "Tehreek-e-Insaf", "Quaid-i-Azam": a Persian or Urdu izafe joins two words of one name.
_IZAFE = r"-(?:e|i|ul|ud|ur)-"
_IZAFE_RE = re.compile(rf"[A-Z]\w*{_IZAFE}[A-Z]\w*")
# "Yawovi d'Almeida-Tchalla", "Valéry d'Estaing": an elided "de" opens a surname.
_ELIDED_DE = r" d['’](?=[A-Z])"
# "Villanueva-de Guzman", "Lefort-d'Aubigny": a particle after a hyphen in a surname.
_HYPHEN_PARTICLE = r"-(?:(?:de|del|da|di|du|la|van|von) |d['’])(?=[A-Z])"
# "Coalition Against the Junta": a capitalised "Against" in a body's name, then "the".
_AGAINST_THE = r"(?<=Against) the "
# "the United Nations Office at Geneva": the UN's offices are named by their seat.
_SEAT = r"(?<=Nations Office) at "
RUN_RE = re.compile(
    rf"{_CAP}(?:(?:{_HYPHEN_PARTICLE}|[ \-\xa0]|{_IZAFE}|{_ELIDED_DE}|{_AGAINST_THE}|{_SEAT}"
    rf"|(?: (?:(?:of|for) the|{CONNECTOR_ALT}))+ "
    rf"| (?:{_HYPHENED})-){_CAP})*"
    # "Cholpon Asanbek kyzy", "Bakyt Toktosun uulu": a Turkic patronymic's last word.
    r"(?: (?:kyzy|uulu|ogly|oglu|gizi|qizi)\b)?"
)


def sequences(body: str) -> list[Run]:
    """Runs of capitalised words joined by single spaces or hyphens, possessives ending a run."""
    runs: list[Run] = []
    current: Run
    for run in RUN_RE.finditer(body):
        if run.start() > 0 and (body[run.start() - 1].isalnum() or body[run.start() - 1] == "_"):
            continue  # the capital sits inside a word ("McDonald" is one word; "iPhone" none)
        text = run.group()
        if text.isalpha() and text.isascii():
            runs.append([(text, run.start(), run.end())])  # one plain word, the usual run
            continue
        if text.isascii() and text.replace(" ", "").replace("-", "").isalpha():
            # Plain ASCII words: TOKEN_RE would cut exactly at the spaces and hyphens
            # and no possessive can end one, so split without the regex.
            pos = run.start()
            current = []
            for spaced in text.split(" "):
                for word in [spaced] if _IZAFE_RE.fullmatch(spaced) else spaced.split("-"):
                    current.append((word, pos, pos + len(word)))
                    pos += len(word) + 1
            runs.append(current)
            continue
        current = []
        for match in TOKEN_RE.finditer(text):
            word = match.group()
            start = run.start() + match.start()
            if current and _ends_sentence(body, current[-1], word, start):
                runs.append(current)  # "Plan B. The ministry": the initial ended a sentence
                current = []
            bare = word if word in _NOT_POSSESSIVE else strip_possessive(word)
            current.append((bare, start, start + len(bare)))
            if bare != word:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
    return _missions_sent_to(body, [_without_honorific_end(body, run) for run in runs])


_SENT_TO_RE = re.compile(r" (?:to the|to|in) ")
_WORD_RE = re.compile(r"[a-z]+")
_POSTS_ABROAD = frozenset(["Mission", "Delegation", "Embassy", "Consulate"])


def _missions_sent_to(body: str, runs: list[Run]) -> list[Run]:
    """ "Permanent Mission of Peru to the United Nations", "the EU Delegation to the
    African Union", "OSCE Mission to Moldova", "Embassy of China in Bolivia": a post
    abroad's name goes on to the body or the state it is sent to."""
    if " to " not in body and " in " not in body:
        return runs
    out: list[Run] = []
    for run in runs:
        gap = _SENT_TO_RE.fullmatch(body, out[-1][-1][2], run[0][1]) if out else None
        if (
            gap is not None
            and any(w in _POSTS_ABROAD for w, _s, _e in out[-1])
            # "to the" may lead to any body; bare "to" and "in" only to a state or its
            # capital, one word or two ("Embassy of Peru in Lima said")
            and (gap.group() == " to the " or (len(run) <= 2 and _is_state_or_capital(run)))
        ):
            joined = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(body, *gap.span())]
            out[-1] = [*out[-1], *joined, *run]
        else:
            out.append(run)
    return out


def _is_state_or_capital(run: Run) -> bool:
    return " ".join(w for w, _s, _e in run) in gazetteer().entries


# Honorifics written with a dot, which ends the run they close ("Foreign Affairs
# Minister Dr. Rohan Balgobin" is two runs): the honorific belongs to the name after it.
_DOTTED_HONORIFICS = frozenset(
    ["Dr", "Mr", "Ms", "Mrs", "Mme", "Sr", "Sra", "Rev", "Gen", "Col", "Sgt", "Gov", "Sen",
     "Rep", "Maj", "Adm", "Cdr", "Hon", "Prof", "Capt", "Brig", "Cmdr"]
)  # fmt: skip


def _without_honorific_end(body: str, run: Run) -> Run:
    """``run`` without a last word that is an honorific before the next name: what is
    left is the title before it ("Foreign Affairs Minister"), never "Minister Dr"."""
    word, _start, end = run[-1]
    if len(run) > 1 and word in _DOTTED_HONORIFICS and re.match(r"\. [A-Z]", body[end : end + 3]):
        return run[:-1]
    return run


# Words whose "'s" is part of a name: "the People's Republic of China", "the People's
# Liberation Army", "the Malakal Women's Peace Forum".
_NOT_POSSESSIVE = frozenset(
    ["People's", "People’s", "Women's", "Women’s", "Children's", "Children’s", "Men's", "Men’s"]
)


def _ends_sentence(body: str, last: tuple[str, int, int], word: str, at: int) -> bool:
    """Whether a lone capital before ``word`` ended a sentence: its dot is followed by
    a function word ("Plan B. The"), not by a name ("John F. Kennedy") nor by another
    initial ("Syed M. A. Junejo", whose "A." is no article)."""
    return (
        len(last[0]) == 1
        and body[last[2] : last[2] + 1] == "."
        and word in shared_lexicon().stop
        and not (len(word) == 1 and body[at + 1 : at + 2] == ".")
    )


# A body named for its members ("Workers' Union", "Farmers' Association").
_MEMBERS_OF = frozenset(
    ["Workers", "Farmers", "Teachers", "Journalists", "Employers", "Women", "Veterans",
     "Students", "Fishermen", "Miners", "Traders", "Nurses", "Doctors", "Lawyers", "Peoples"]
)  # fmt: skip
_BODY_ENDS = frozenset(
    ["Union", "Association", "Federation", "Congress", "Council", "Fund", "Party", "Front",
     "Movement", "League", "Society", "Syndicate", "Confederation", "Alliance", "Cooperative"]
)  # fmt: skip


def at_plural_possessives(body: str, runs: list[Run]) -> list[Run]:
    """ "the Okonkwos' PDU party": a plural possessive ends a run, as "'s" does in
    ``sequences`` (whose tokens never end with the apostrophe)."""
    out: list[Run] = []
    for run in runs:
        if len(run) == 1:
            out.append(run)  # the usual run: one word, nothing to cut
            continue
        cut = 0
        for k, (word, _s, end) in enumerate(run[:-1]):
            if body[end : end + 1] in ("'", "’") and body[end + 1 : end + 2] == " ":
                if word in _MEMBERS_OF and run[-1][0] in _BODY_ENDS:
                    continue  # "Logistics Workers' General Union": one body's name
                out.append(run[cut : k + 1])
                cut = k + 1
        out.append(run[cut:] if cut else run)
    return out
