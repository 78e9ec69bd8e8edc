"""Scoring roles (only where the gold file has a ``roles`` key).

A predicted role matches an unmatched gold role when the holder matches as a
speaker does and the titles name the same post: folded, without a leading
"former"/"ex-", article or country adjective, the words before the first
preposition end in the same head noun, agree on "vice"/"deputy", and one's
words lie within the other's ("Foreign Minister" ~ "foreign minister" ~
"Minister of Foreign Affairs"; not "Prime Minister"). Its organisation or
country is right when either matches gold (ISO code; organisation through gold
forms) or both are null on both sides.
"""

from __future__ import annotations

import re
from typing import Any

from kb.pipeline.geo import lookup
from kb.pipeline.role_ranks import spelled_out
from kb.pipeline.scoring import Report, country_code, entity_forms, forms_of, name_key
from kb.pipeline.text import fold, strip_possessive

_PREPOSITION_RE = re.compile(r"\s(?:of|for|to|at|in|on|from)\s")
_TITLE_LEAD = frozenset(["former", "ex", "the", "a", "an", "then"])
# "Vice President" is another post than "President"; "military leader" the same as "leader".
_RANKED = frozenset(["vice", "deputy", "under", "assistant"])


def _title_core(title: str) -> list[str]:
    """Folded words of a title before its first preposition, without a leading
    "former"/"ex-", article or country adjective ("Peru's", "Peruvian", "U.S."); a
    rank's abbreviation is the rank ("Maj Gen" is "Major General")."""
    words = spelled_out(title).split()
    while words:
        word = words[0]
        bare = strip_possessive(word)
        if fold(word).startswith("ex-") and len(word) > 3:
            words[0] = word[3:]
        elif fold(word) in _TITLE_LEAD or lookup(bare) or lookup(bare.capitalize()):
            words = words[1:]
        else:
            break
    text = " " + fold(" ".join(words)).replace("-", " ") + " "
    return _PREPOSITION_RE.split(text, maxsplit=1)[0].split()


def _same_title(gold_title: str, pred_title: str) -> bool:
    """Same head noun, same rank ("vice"), and one title's words within the other's."""
    a, b = _title_core(gold_title), _title_core(pred_title)
    if not a or not b or a[-1] != b[-1] or (_RANKED & set(a)) != (_RANKED & set(b)):
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def _gold_country(name: str, gold: dict[str, Any]) -> str | None:
    code = country_code({"name": name})
    if code:
        return code
    for item in gold.get("countries", []):
        if name_key(name) in forms_of(item):
            return country_code(item)
    return None


def _role_context_right(
    g: dict[str, Any], p: dict[str, Any], gold: dict[str, Any], forms: dict[str, set[str]]
) -> bool:
    """Right when the country (by ISO code) or the organisation (through the gold's
    forms) matches gold, or when gold gives neither and neither is predicted."""
    g_org, g_country = g.get("organization"), g.get("country")
    p_org, p_country = p.get("organization"), p.get("country")
    if g_org is None and g_country is None:
        return p_org is None and p_country is None
    if g_country and p_country and _gold_country(g_country, gold) == p_country:
        return True
    return bool(
        g_org and p_org and entity_forms(g_org, gold) & (forms.get(p_org) or {name_key(p_org)})
    )


def score_roles(gold: dict[str, Any], pred: dict[str, Any], report: Report, label: str) -> None:
    """A predicted role matches an unmatched gold role of the same holder (as speakers
    are matched) whose title is the same post (``_same_title``)."""
    forms = {a.get("name"): forms_of(a) for a in pred.get("actors", [])}
    gold_roles = list(gold.get("roles", []))
    holders = [entity_forms(g.get("person") or "", gold) for g in gold_roles]
    used: set[int] = set()
    for p in pred.get("roles", []):
        actor, title = p.get("actor") or "", p.get("title") or ""
        actor_forms = forms.get(actor) or {name_key(actor)}
        hit = next(
            (
                i
                for i, g in enumerate(gold_roles)
                if i not in used
                and holders[i] & actor_forms
                and _same_title(g.get("title") or "", title)
            ),
            None,
        )
        if hit is None:
            report.roles.count_confidence(p.get("confidence"), right=False)
            report.roles.fp += 1
            report.roles.invented.append(f"{label}:{actor}/{title}")
            continue
        used.add(hit)
        report.roles.tp += 1
        report.role_context_total += 1
        g = gold_roles[hit]
        # A confident role is right only with its organisation or country right too.
        context_right = _role_context_right(g, p, gold, forms)
        report.roles.count_confidence(p.get("confidence"), right=context_right)
        if context_right:
            report.role_context_right += 1
        else:
            report.role_context_errors.append(
                f"{label}:{actor}/{title} gold={g.get('organization')}|{g.get('country')} "
                f"got={p.get('organization')}|{p.get('country')}"
            )
    for i, g in enumerate(gold_roles):
        if i not in used:
            report.roles.fn += 1
            report.roles.missed.append(f"{label}:{g.get('person')}/{g.get('title')}")
