"""Web debris: the lines of a page that are site furniture, not the article.

In:  one stripped line of raw text.
Out: ``is_debris``: whether the line is furniture ("Image copyright", "Read more", "Link
     Copied!", "Reporting by X; Editing by Y", a section's kicker, a navigation bar's icon
     labels); ``looks_like_heading`` and ``looks_like_title``: a line's shape;
     ``LINKS_HEADER_RE``, the header over a list of other stories' headlines; and
     ``DOCUMENT_SYMBOL_RE``, a document's symbol ("PSC/PR/COMM.1318").
Guarantees: pure; one regex match per line for the common case.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.text import load_json

# One alternation, so a line costs one match attempt instead of sixteen.
_DEBRIS_RE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^image copyright\b.*$",
            r"^.{0,120}image copyright$",
            r"^image caption$",
            r"^(?:[\w .-]*/)?(?:getty images|afp|reuters|ap|epa|efe|shutterstock|alamy|pa media|"
            r"pa)(?:/[\w .-]*)?$",
            r"^media playback is (?:unsupported|not supported) on your device$",
            r"^media caption.*$",
            r"^leave a (?:reply|comment)$",
            r"^your email address will not be published.*$",
            r"^(?:subscribe|sign up)\b.{0,80}\bnewsletter\b.*$",
            r"^also on [a-z0-9-]+\.(?:com|org|net|co\.uk|ru|tv)\b.*$",
            r"^(?:read more|related|advertisement|share this(?: article)?|follow us.*|"
            r"comments?|skip to .*|"
            r"click here.*|listen to this article.*|copy link|link copied!?|share|print|email)$",
            r"^(?:updated|published|posted|last updated)\b[^.]{0,60}$",
            r"^(?:©|copyright)\s.{0,80}$",
            r"^copyright \d{4}\b.*\ball rights reserved\b.*$",
            # Wire trailers: "Reporting by A in Caracas; Editing by B" credits staff, not actors.
            # Bracketed or not: "(Reporting by A; Editing by B)".
            r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b[^.]*"
            r"(?:;|\b(?:editing|writing) by\b).*$",
            r"^\(?editing by\b.{0,80}$",
            # "(MHA) Reporting: Yusuf Kaan Özdemir | Editing: Elif Naz Karaca"
            r"^(?:\([A-Z]{2,8}\)\s*)?(?:reporting|editing|writing)\s*:\s.{0,100}$",
            # "Ana Ruiz reported from Osh and Bishkek. Editing by B.": the trailer as a sentence
            r"^[^.;]{3,60}\breported from\b[^.;]{2,60}[.;]\s*(?:editing|writing) by\b.{0,80}$",
            # "(Translated from Spanish by A)": the translator's credit.
            r"^\(?(?:unofficial\s+)?(?:translated|translation)\b[^()]{0,60}\bby\b[^()]{0,60}\)?$",
            r"^our standards:.*$",
            # A section's kicker: "CHRONICLE | LONG READ", "LONG READ | Displacement"
            r"^(?:[\w ]{1,25}\s\|\s)?(?:long read|analysis|explainer|in depth|special report|"
            r"fact check|opinion|feature|live updates?)(?:\s\|\s[\w ]{1,25})?$",
            r"^[-–—#* ]*(?:ends?|#{3})[-–—#* ]*$",  # a press release's "-END-", "-ENDS-", "###"
            r"^\d{1,2} min(?:ute)? read$",
            r"^related (?:coverage|topics|stories|content)$",
            r"^(?:more on this story|close panel|share page|about sharing|tweet)$",
            r"^\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}(?:\s+\d{1,2}:\d{2})?(?:\s*/.*)?$",
            r"^[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}(?:\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s*/.*)?$",
        )
    ),
    re.IGNORECASE,
)

# The words of a navigation bar's icon labels ("icon arrow down", "share facebook"):
# a line of nothing else is site furniture.
_NAV_WORDS = frozenset(load_json("clean.json")["nav_words"])
_TERMINAL_PUNCT = '.,;:!…"”’)'


def is_debris(text: str) -> bool:
    if len(text) > 600:
        return False  # web debris is short; long lines are prose
    if _DEBRIS_RE.match(text):
        return True
    if text.endswith("."):
        return False  # navigation debris never ends a sentence (the test below)
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) >= 6:
        nav = sum(1 for w in words if w.lower() in _NAV_WORDS)
        if nav / len(words) >= 0.5 and not text.endswith("."):
            return True
    return False


# "PSC/PR/COMM.1318 (2026)", "CP/RES. 1259 (2520/24)": the issuer, then series and number
DOCUMENT_SYMBOL_RE = re.compile(
    r"\b[A-Z]{1,6}((?:/[A-Z0-9][A-Za-z0-9.()-]*){2,}|/[A-Z]{2,6}\.?\s?\d+)"
)
# A header over a list of other stories' headlines: "Related Stories", "Read more".
LINKS_HEADER_RE = re.compile(
    r"(?:related(?: stories| coverage| content| articles)?|read more|more on this story"
    r"|you may also like|more from [\w ]{1,30}|recommended)\s*:?$",
    re.IGNORECASE,
)


def looks_like_heading(text: str) -> bool:
    if not text or text[-1] in _TERMINAL_PUNCT or not text[0].isupper():
        return False  # most lines are prose: no need to split them into words
    words = text.split(None, 25)
    if len(words) <= 14:
        return bool(words)
    # A headline in title case runs longer: "Gangs Tighten Grip on Haiti's Capital as
    # Multinational Mission Struggles to Scale Up, Special Representative Tells ...".
    long_words = [w for w in words if len(w) > 3]
    return len(words) <= 25 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def looks_like_title(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 25
        and text[-1] not in _TERMINAL_PUNCT.replace("’", "")
        and text[0].isupper()
    )
