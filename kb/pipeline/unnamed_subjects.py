"""Clause subjects the text describes but does not name, which keep a pronoun from
anyone named before them.

In:  nothing; ``pronouns`` searches the sentences before a pronoun with these.
Out: ``INDEFINITE_SUBJECT_RE`` ("A nurse in her twenties, … said", "One resident said"),
     ``DESCRIBED_SUBJECT_RE`` ("The new prime minister is expected", "Across the line,
     the cattle herder from Surin says he …") and ``DOCUMENT_SUBJECT_RE`` ("The text,
     issued by …").
Guarantees: pure data; no state.
"""

from __future__ import annotations

import re

from kb.pipeline.text import lexicon
from kb.pipeline.wordlists import words

_INTRODUCED_NOUNS = words("ordinary_people") | words("person_descriptions")
# A clause subject the text describes but does not name: "A nurse in her twenties,
# ... said", "One resident said".
INDEFINITE_SUBJECT_RE = re.compile(
    # "Outside the jail, a woman who would not give her name said": after an opener too
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?:An?|One|Another|an?|one|another)\s+"
    # "One of the injured fishermen, interviewed by phone, said": one of a group
    r"(?:of\s+(?:the|their|its|his|her|our)\s+(?:[a-z][\w-]*\s+){0,2}[a-z]+(?:s|men)\b|"
    # "A trochero that accepted to speak …": any noun, introduced by a relative clause
    # "a rubber tapper who did not want his name used", "A delivery rider waiting outside
    # the cart, who asked not to be named,": a relative clause or participle after it.
    r"(?:(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?:\s+|,\s+)(?:who|that\s+(?:accepted|agreed|asked|"
    r"requested|declined|preferred))\s|(?:[a-z][\w-]*\s+){1,2}(?!during\b|according\b)[a-z]{3,}ing\s|"
    r"(?:[\w-]+\s+){0,3}"
    # "A Kinmen county councillor, Hung Tzu-yun, told": a post introduces someone too.
    rf"(?:{'|'.join(sorted(_INTRODUCED_NOUNS, key=len, reverse=True))})"
    r"|\d+-year-old)\b)"
)
# A sentence opening on a post no name resolved: "The new prime minister is expected".
# "Across the line, the rubber farmer from Surin says he …": after an opener too, and
# anyone the text describes by what they do.
DESCRIBED_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))The\s+(?:[a-z][\w-]*\s+){0,3}"
    # "The Minister precised": a release's capitals name the post too.
    rf"(?i:{'|'.join(sorted(lexicon('role_nouns'), key=len, reverse=True))})\s+(?!of\b)[a-z]"
    r"|(?:(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?:The|the)\s+(?:[a-z][\w-]*\s+){0,2}"
    rf"(?:{'|'.join(sorted(words('ordinary_people'), key=len, reverse=True))})"
    r"(?:\s+(?:from|in|at)\s+[A-Z][\w-]+)?\s+(?:says|said|told|added|insists|insisted)\s+(?:he|she)\b"
)
# A sentence opening on a document: "The text, issued by the High Representative X, …
# It called on …": "it" is the text, whose author the names in it need not be.
DOCUMENT_SUBJECT_RE = re.compile(
    r"\s*The\s+(?:[a-z][\w-]*\s+){0,2}(?:text|statement|declaration|communiqu[eé]|resolution|"
    r"report|letter|document|release|decree|note)\b"
)
