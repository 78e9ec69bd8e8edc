"""The lines and line ends that credit staff, never actors: bylines, photographers in
captions, writers' bios, live-blog writers, press contacts, editors and producers.

In:  nothing; ``clean`` matches these patterns against the lines of an article.
Out: compiled patterns (``CREDIT_RES`` with the literals each needs, ``BYLINE_RE``,
     ``STAFF_LINE_RE``, ``PRESS_CONTACT_RE`` …) and ``STAFF_NAME``, the shape of one
     staff name.
Guarantees: pure data; no state.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text these patterns read

from __future__ import annotations

import re

# Each pattern with the literals one of which it cannot match without: a line
# lacking them skips the search (most lines are prose with none).
CREDIT_RES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    # "… in Dadaab on Monday. PHOTO | Otieno Mwangi-Were": the photographer after the label
    (("PHOTO",), re.compile(r"(?<=[.!?])\s+PHOTO\s*[|:]\s*[A-Z][^|]{1,60}$")),
    # "… in eastern Caracas. | GABRIELA OTERO-SUCRE": a caption's photographer in capitals
    (
        ("|",),
        re.compile(r"(?<=[.!?])\s+\|\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){1,3}\s*$"),
    ),
    # "(Matias Delacroix / The Associated Press)", "(Edgard Garrido/Reuters)"
    (("(",), re.compile(r"\s*\((?:[^()]{1,60}/\s*)?(?:The\s+)?[A-Z][^()]{1,60}\)\s*$")),
    # "REUTERS/Carlos Garcia Rawlins"
    (
        ("/",),
        re.compile(
            r"\s+(?:REUTERS|AFP|AP|EPA|EFE|GETTY IMAGES|Getty Images|Reuters)\s*/\s*[A-Z][\w "
            r".'/-]{1,60}\)?$"
        ),
    ),
    # "… in Niamey on August 6, 2023. © Hamidou Ibrahim-Sani, AFP"
    (("©",), re.compile(r"\s*©\s*[^©\n]{1,80}$")),
    # Al Jazeera's "[Fernando Vergara/AP Photo]"
    (("[",), re.compile(r"\s*\[[^\[\]/]{1,60}/[^\[\]]{1,40}\]\s*$")),
    # "… in Pacaraima. Tiago Andrade Bezerra for The Long Read)": a caption's photographer
    (
        (" for ",),
        re.compile(
            r"\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}\s+for\s+(?:[Tt]he\s+)?[A-Z][\w ]{1,30}\)$"
        ),
    ),
    (
        ("Photo", "Picture", "Image", "Credit"),
        re.compile(r"\s+(?:Photo(?:graph)?|Picture|Image|Credit)(?::| by)\s+[^.]{1,80}$"),
    ),
)
CREDIT_MARK_RE = re.compile(
    r"/|^\s+\|\s+[A-ZÀ-Þ]{2}|\bPHOTO\b|\b(?:Press|Reuters|REUTERS|AFP|Getty|EPA|EFE|Images|Photo|Bloomberg|Xinhua|TASS"
    r"|Photograph|Credit|Translated|Translation|Reporting|Editing)\b"
    r"|\bfor (?:[Tt]he )?[A-Z][\w ]{1,30}\)$"
)
NAMES_ONLY_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:(?:,|\s+and)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*$"
)
# One staff name: capitalised words, lower-case particles between them ("Tomás
# Echeverría y Luna"); a byline may join several with "and".
STAFF_NAME = (
    r"[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s+(?:(?:de|del|la|y|van|von|der|da|al|el|bin)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w.'’-]+){0,4}"
)
BYLINE_RE = re.compile(
    # "--With assistance from X and Y." closes Bloomberg copy; "by X" opens some sites'.
    rf"^(?:[-\u2013\u2014]+\s*)?(?:[Bb]y|Written by|Reporting by|Additional reporting by"
    rf"|With assistance from|Photographs by|Photos by|Photography by|Interview by|Words by|Text by"
    rf"|(?i:with a report from|with reporting from|with reports from))"
    # "By: Ana Ruiz | Photo: …", "By Ana Ruiz | Published 14 April 2026": a pipe or a dot
    # sets off the byline's other furniture.
    rf":?\s+({STAFF_NAME}(?:\s+and\s+{STAFF_NAME})*)\.?(?:(?:,|\s+[|·])\s*(.*))?$"
)
# "Rami Haddad | Tripoli" under a headline; "Rami Haddad is our North Africa
# correspondent, based in Tunis." closing the piece: the writer, not an actor.
# ("By Ana Ruiz | Photographs by X" is a byline and its photographer, all staff.)
BYLINE_PLACE_RE = re.compile(rf"^(?!By\b)({STAFF_NAME})\s*\|\s*[A-Z][\w .'’-]{{1,30}}$")
WRITER_BIO_RE = re.compile(
    rf"^({STAFF_NAME}) is (?:our|the|a|an) [\w ,'’-]{{0,50}}?"
    r"(?:correspondent|reporter|editor|writer|journalist|columnist|photographer)\b"
)
# A live blog's writers: "Helena Marsh-Okafor in Cúcuta and Pedro Luis Zambrano (earlier)".
LIVE_WRITER = rf"{STAFF_NAME}(?:\s+in\s+[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"
LIVE_BYLINE_RE = re.compile(
    rf"^{LIVE_WRITER}(?:(?:,|\s+and)\s+{LIVE_WRITER})*\s*\((?:earlier|now|later)\)$"
)
CONTACT_NAME_RE = re.compile(rf"^({STAFF_NAME})(?:\s+in\s+[A-Z][\w .'’-]{{1,30}})?\s+at\s+\S+@\S+")
# A release's press contact: "please contact: Ana Ruiz (+41 …)", "Media contact: Ana Ruiz, …".
PRESS_CONTACT_RE = re.compile(
    rf"\b(?:[Pp]lease contact|[Cc]ontacts?)\s*:?\s+({STAFF_NAME})(?=\s*[(,;/]|\s+at\s|\s+on\s|\s*$)"
)
# A line of staff credits: an editor's or producer's name after its label, and more
# such credits after it ("Presented by X. Produced by Y. Transcript: Z.", "Live coverage
# edited by X and Y, with reporting from Bissau by Z").
_STAFF_LABEL = (
    r"(?:Editor|Edited by|Producer|Produced by|Presenter|Presented by|Hosted by|Audio engineer"
    r"|Sound engineer|Translator|Translated by|Transcript|Transcribed by"
    r"|(?:Live )?(?:[Cc]overage|[Bb]log) edited by"
    r"|[Ww]ith (?:additional )?reporting (?:from [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? )?by)"
)
STAFF_LINE_RE = re.compile(
    rf"^\(?{_STAFF_LABEL}\s*:?\s+{STAFF_NAME}(?:\s+and\s+{STAFF_NAME})?"
    rf"\s*(?:\)|·|\||$|[.,;]\s*(?={_STAFF_LABEL}))"
)
# A TASS-style correspondent's tag after the dateline: "CHISINAU, 9 January. /Corr. X/."
CORRESPONDENT_RE = re.compile(rf"/(?:Corr|Own corr|Correspondent)\.?\s+{STAFF_NAME}/")
PRODUCED_BY_RE = re.compile(rf"\b(?:is|was|are|were) produced by ({STAFF_NAME})")
PHONE_RE = re.compile(r"\+\d{1,3}[\s\d-]{6,}")
CONTRIBUTED_RE = re.compile(r"\bcontributed(?: reporting)? to this (?:report|story)\.?\s*$")
# "… 11:05 a.m. (UTC+8) | Reporting by X; editing by Y": a byline after a pipe.
PIPED_BYLINE_RE = re.compile(r"[|·]\s*(?:Reporting by|Written by|By)\s+[A-ZÀ-Þ].*$")
# A name alone on a line, over a date line under the headline: a byline.
BYLINE_NAME_RE = re.compile(STAFF_NAME)
# "The interview was conducted by X and …", "Interview by X. This transcript has been …"
CONDUCTED_BY_RE = re.compile(
    rf"(?:\b(?:[Ii]nterview|[Cc]onversation) was conducted|^(?:Interview|Interviewed)) by "
    rf"({STAFF_NAME})"
)
# A line that is only a date: "08/12/2022", "12 March 2024", "March 12, 2024 10:41".
DATE_LINE_RE = re.compile(
    r"\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})(?:[\s,]+\d{1,2}:\d{2}.*)?\s*$"
)
# A briefing transcript's question label: "Question (Meera Subramaniam, The Hindu Wire):"
# names the reporter asking, staff of an outlet, not an actor.
QUESTION_LABEL_RE = re.compile(rf"^(?:Question|Q)\s*\(({STAFF_NAME}),\s*[^()]{{2,40}}\)\s*:")
