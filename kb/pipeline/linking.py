"""Linking within one article: candidates in, the entities they name out.

In:  the body and its ``Candidate``s in text order (see ``candidates``), and the
     known actors by folded key (see ``known.known_index``).
Out: ``Entity``s, each the candidates that name one actor, by named passes of a
     ``Linker``: ``link_names`` (multi-word names and organisations),
     ``link_singles`` (a lone surname to its full name, "Ortega" to "Daniel
     Ortega", a misspelling "Ibanes" to "Ibáñez", or alone on evidence),
     ``link_headings`` (headings only link), ``add_case_variants`` ("Lima group"
     after "Lima Group"); then ``keep`` (enough evidence). The known actors an
     entity links to are ``known_links``; name matching is ``names``; merging
     organisations is ``merging``.
Guarantees: pure apart from the entities it builds; every mention added is a
     span whose text is one of the entity's forms.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from functools import cache

import pycountry
from rapidfuzz.fuzz import ratio

from kb.pipeline.entity import (
    PERSON_PARTICLES,
    Candidate,
    Entity,
    Lexicon,
    Spans,
    actor_words,
    in_any,
    is_name_particle,
)
from kb.pipeline.names import same_person, surname_match
from kb.pipeline.reference_orgs import reference_org
from kb.pipeline.text import fold

# Organisation heads that name one body even alone ("Congress said").
_STANDALONE_HEADS = actor_words("standalone_heads")


# A body's organ named by its name and one head word is another body: the "African Union
# Commission" is not the "African Union" styled longer.
_SUB_BODIES = frozenset(
    ["commission", "council", "secretariat", "parliament", "assembly", "court", "committee",
     "mission", "office", "delegation", "bank", "fund", "agency", "department", "summit"]
)  # fmt: skip
_STYLED_RE = re.compile(r"\b(?:Prince|Princess|Sheikh|Sheikha|Emir|Sultan)\s+$")
_GIVEN_NAME_STYLE_RE = re.compile(r"(?:\bDr\.?|\bAto|\bW/ro)\s+$")


class Linker:
    """The entities of one article, with the indexes the passes look them up by."""

    def __init__(self, body: str, lex: Lexicon) -> None:
        self.body, self.lex = body, lex
        self.entities: list[Entity] = []
        self.by_key: dict[str, Entity] = {}
        self.acronyms: dict[str, Entity] = {}
        self.by_label: dict[str, Entity] = {}

    def attach(self, cand: Candidate, entity: Entity) -> None:
        entity.add(cand)
        self.by_key.setdefault(fold(cand.text), entity)
        if cand.acronym_of:
            self.acronyms[cand.acronym_of] = entity
        if cand.label:
            entity.label = entity.label or cand.label
            self.by_label.setdefault(cand.label, entity)

    def new(self, cand: Candidate) -> Entity:
        entity = Entity(cand.kind or "person")
        self.entities.append(entity)
        return entity

    def link_names(self, cands: list[Candidate]) -> None:
        """Pass 1: multi-word names and organisations found outside headings."""
        for cand in cands:
            if cand.kind is None or cand.in_heading:
                continue
            if cand.kind == "person" and cand.single:
                continue
            if cand.kind == "organization" and cand.single and cand.text in self.acronyms:
                self.attach(cand, self.acronyms[cand.text])
                continue
            entity = self.by_key.get(fold(cand.text))
            if entity is None and cand.label:
                entity = self.by_label.get(cand.label)  # "Kenya's foreign ministry"
            if entity is None and cand.kind == "person":
                entity = self._same_person(cand.text)
                if entity is None and _particle_tail(cand.text):
                    # "Al Harbi" is the end of a full name ("Al-Obeidi" of "… el-Ubeydi",
                    # transliterated again), or no person
                    entity = self._one_by_surname(cand.text)
                    if entity is None:
                        continue
            if (
                entity is None
                and cand.kind == "organization"
                and cand.single
                and cand.text in self.lex.org_heads
            ):
                entity = self._org_ending_with(cand.text)
                if entity is None and cand.text not in _STANDALONE_HEADS:
                    continue  # "the Council": which one is unknown
            if entity is None and cand.kind == "organization" and not cand.single:
                entity = self._longer_styling(fold(cand.text))
            self.attach(cand, entity or self.new(cand))

    def _same_person(self, text: str) -> Entity | None:
        return next(
            (
                e
                for e in self.entities
                if e.kind == "person" and any(same_person(text, f) for f in e.multi)
            ),
            None,
        )

    def _one_by_surname(self, text: str) -> Entity | None:
        matched = [e for e in self.entities if e.kind == "person" and surname_match(text, e)]
        return matched[0] if len(matched) == 1 else None

    def _org_ending_with(self, head: str) -> Entity | None:
        """ "the Court" after "the Supreme Court": the body whose name ends with the head."""
        return next(
            (
                e
                for e in self.entities
                if e.kind == "organization" and any(f.split()[-1] == head for f in e.forms)
            ),
            None,
        )

    def _longer_styling(self, key: str) -> Entity | None:
        """ "Lima Group Alliance of Nations" after "Lima Group": the same body, styled longer."""
        return next(
            (
                e
                for e in self.entities
                if e.kind == "organization"
                and any(
                    len(k.split()) > 1
                    and key.startswith(k + " ")
                    and key[len(k) + 1 :] not in _SUB_BODIES
                    for k in e.keys
                )
            ),
            None,
        )

    def link_singles(self, cands: list[Candidate]) -> None:
        """Pass 2: single-word person forms resolve to a full name, else stand alone
        with evidence."""
        singles: dict[str, list[Candidate]] = {}
        for c in cands:
            if c.kind == "person" and c.single:
                singles.setdefault(fold(c.text), []).append(c)
        # Pass 2 adds no multi-word form, so a surname's matches stay the same all
        # pass long (new entities have none): found once per surname.
        surname_hits: dict[str, list[tuple[int, Entity]]] = {}
        for cand in cands:
            if cand.kind is None or cand.in_heading or not cand.single:
                continue
            if cand.kind == "organization":
                continue
            if cand.text in self.acronyms:
                self.attach(cand, self.acronyms[cand.text])
                continue
            key = fold(cand.text)
            entity = (
                self.by_key.get(key)
                or self._alias_of(cand)
                or self._styled_first_name(cand, key)
                or self._by_surname(cand, key, surname_hits)
            )
            if entity is None:
                entity = self._fuzzy_single(key)
            if entity is None:
                entity = self._alone(cand, singles.get(key, []))
                if entity is None:
                    continue
            self.attach(cand, entity)

    def _styled_first_name(self, cand: Candidate, key: str) -> Entity | None:
        """ "Prince Nawaf", "Sheikh Tamim": a royal style before a first name, the one
        person of the article whose full name opens with it; "Dr. Yohannes", "Ato
        Girma": the Ethiopian way, unless the word is someone's surname too."""
        royal = _STYLED_RE.search(self.body, max(0, cand.start - 12), cand.start)
        if not royal and not _GIVEN_NAME_STYLE_RE.search(
            self.body, max(0, cand.start - 8), cand.start
        ):
            return None
        people = [e for e in self.entities if e.kind == "person"]
        found = {
            id(e): e for e in people if any(" " in f and fold(f.split()[0]) == key for f in e.forms)
        }
        if not royal and any(
            " " in f and fold(f.split()[-1]) == key for e in people for f in e.forms
        ):
            return None  # "Dr. Ahmed", and someone is called Fatima Ahmed: a surname
        return next(iter(found.values())) if len(found) == 1 else None

    def _alias_of(self, cand: Candidate) -> Entity | None:
        """ "Mohamed Hamdan Dagalo, known as Hemedti": the person named just before."""
        known_as = _KNOWN_AS_RE.search(self.body, max(0, cand.start - 60), cand.start)
        if known_as is None:
            return None
        end = known_as.start()
        return next(
            (
                e
                for e in self.entities
                if e.kind == "person" and any(m_end == end for _s, m_end in e.mentions)
            ),
            None,
        )

    def _by_surname(
        self, cand: Candidate, key: str, surname_hits: dict[str, list[tuple[int, Entity]]]
    ) -> Entity | None:
        """The full name this surname belongs to: the best match, then the nearest."""
        matched = surname_hits.get(key)
        if matched is None:
            pairs = [(surname_match(cand.text, e), e) for e in self.entities if e.kind == "person"]
            matched = surname_hits[key] = [p for p in pairs if p[0] > 0]
        scored = [(score, -abs(cand.start - e.mentions[0][0]), e) for score, e in matched]
        if not scored:
            return None
        return max(scored, key=lambda s: (s[0], s[1]))[2]

    def _fuzzy_single(self, key: str) -> Entity | None:
        """A misspelt lone name ("Ibanes") of a person known by one word only."""
        return next(
            (
                e
                for e in self.entities
                if e.kind == "person"
                and not e.multi
                and any(len(k) >= 5 and k[0] == key[0] and ratio(k, key) >= 80 for k in e.keys)
            ),
            None,
        )

    def _alone(self, cand: Candidate, same: list[Candidate]) -> Entity | None:
        """A new one-word person, if the article gives evidence enough."""
        support = sum(c.evidence for c in same)
        # A capitalised word used again and again mid-sentence, that is no place,
        # is a name ("Pompeo").
        recurring = sum(1 for c in same if not c.in_quote and _mid_sentence(self.body, c.start))
        if support < 2 and (
            recurring < 3 or is_place(cand.text) or _placelike(self.body, [c.start for c in same])
        ):
            return None
        entity = Entity("person")
        entity.evidence += 2 if support < 2 else 0
        self.entities.append(entity)
        return entity

    def link_headings(self, cands: list[Candidate]) -> None:
        """Pass 3: headings only link to actors already found."""
        for cand in cands:
            if cand.in_heading and cand.kind is not None:
                entity = (
                    self.by_key.get(fold(cand.text))
                    or self.acronyms.get(cand.text)
                    or self._surname_only(cand)
                )
                if entity is not None:
                    self.attach(cand, entity)

    def _surname_only(self, cand: Candidate) -> Entity | None:
        """ "Prime Minister Irakli Kobakhidze" in a caption, "Mr Kobakhidze" in the
        text: the heading gives the full name of a person the body names by surname."""
        if cand.kind != "person" or cand.single:
            return None
        last = fold(cand.text).split()[-1]
        entity = self.by_key.get(last)
        if entity is None or entity.kind != "person" or entity.multi:
            return None
        return entity

    def add_case_variants(self, excluded: tuple[tuple[int, int], ...]) -> None:
        """Multi-word organisation names also appear in other cases ("Lima group")."""
        body = self.body
        lowered = body.lower()
        if len(lowered) != len(body):
            return  # lower() moved offsets (almost never): no safe search
        taken: Spans | None = None  # every actor's mentions, built on the first find
        for entity in self.entities:
            if entity.kind != "organization":
                continue
            for form in list(entity.forms):
                if " " not in form:
                    continue
                for found in _find_all_casefree(lowered, form.lower()):
                    span = (found, found + len(form))
                    if any(s <= found < e for s, e in entity.mentions) or in_any(found, excluded):
                        continue
                    if taken is None:
                        taken = Spans([m for e in self.entities for m in e.mentions])
                    if found in taken:
                        continue  # "African Union" inside "African Union Commission"
                    surface = body[span[0] : span[1]]
                    entity.forms[surface] = entity.forms.get(surface, 0) + 1
                    entity.mentions.append(span)


_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|into|near|the)\s+$", re.IGNORECASE)


@cache
def _places() -> frozenset[str]:
    return frozenset(fold(sub.name) for sub in pycountry.subdivisions)


def is_place(word: str) -> bool:
    """A region, province or state of any country ("Zulia", "Táchira")."""
    return fold(word) in _places()


def _placelike(body: str, starts: list[int]) -> bool:
    """A recurring word most often after "in", "from", "the" ("in Cúcuta", "the
    Constituent") is a place or a body, not a surname."""
    governed = sum(1 for s in starts if _LOCATIVE_BEFORE_RE.search(body, max(0, s - 6), s))
    return 2 * governed > len(starts)


def _mid_sentence(body: str, start: int) -> bool:
    before = body[max(0, start - 3) : start].rstrip(" \xa0")
    return bool(before) and before[-1] not in '.!?\n“"‘(:'


def _find_all_casefree(lowered: str, needle: str) -> list[int]:
    """Whole-word occurrences of ``needle`` in the lower-cased body, via ``str.find`` (fast)."""
    hits: list[int] = []
    pos = lowered.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if (pos == 0 or not lowered[pos - 1].isalnum()) and (
            end >= len(lowered) or not lowered[end].isalnum()
        ):
            hits.append(pos)
        pos = lowered.find(needle, pos + 1)
    return hits


_KNOWN_AS_RE = re.compile(r",?\s+(?:also |better |widely |popularly )?known as\s+$")


def _particle_tail(text: str) -> bool:
    """ "Al Harbi", "De la Fuente": a particle and one name, the end of a full name;
    not "Abu Bakr el-Mabrouk", whose particle leads two names of its own."""
    words = text.replace("-", " ").split()
    if words[0].lower() in _KUNYA:
        return False  # "Abu Fares", "Umm Khaled": a name of its own, used as one
    names = [w for w in words[1:] if w.lower() not in PERSON_PARTICLES]
    return is_name_particle(words, 0) and len(names) < 2


_KUNYA = frozenset(["abu", "abou", "umm", "um"])


def keep(entity: Entity) -> bool:
    """Enough evidence: a person twice named in full (not a province's name) or with
    evidence 2; an
    organisation with any evidence, named outside quotes at least once, or spelled
    out before its bracketed acronym ("We, the Committee for ... (CTRI)")."""
    if entity.kind == "person":
        if all(is_place(f) for f in entity.forms) and (
            entity.evidence < 2 or all(" " in f for f in entity.forms)
        ):
            # "Cabo Delgado" named twice, "Tamil Nadu" however cued: a province, no one
            return False
        return entity.evidence >= 2 or (bool(entity.multi) and len(entity.mentions) >= 2)
    if entity.evidence >= 1 and not entity.outside_quotes and entity.label:
        # "“We will work with the IMF,” she said": a reference name needs no other voice.
        return reference_org(entity.label) == entity.label
    return entity.evidence >= 1 and (entity.outside_quotes or entity.defined)
