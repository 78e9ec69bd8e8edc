"""International and regional organisations, and armed movements, by their reference names.

In:  ``data/international_orgs.json``: each organisation's canonical name, its
     acronyms, other names, and names it shares with other bodies ("Security
     Council") with its parent ("United Nations"); ``data/armed_groups.json``:
     armed groups and movements that copy names with no body's head word ("the
     Taliban", "Houthis"), and ``data/national_bodies.json``: national bodies
     named by a short form everywhere ("the State Department"), in the same
     shape; generic reference data, loaded once.
Out: ``reference_org(form)``: the canonical name a form stands for, or None;
     ``name_reference_orgs(entities)``: each organisation entity named by a
     reference form takes the canonical name, and entities standing for the same
     organisation ("IMF" and "International Monetary Fund") become one.
Guarantees: pure apart from the entities it merges and names; an article's own
     definition wins: an entity holding a multi-word form that is no reference
     name of the organisation (its "(ICC)" spelled out as something else) keeps
     its own name and is merged with nothing; a shared name ("Security Council")
     stands for the organisation only in an article that also names it or its
     parent ("UN Security Council", "the UN"), never for Russia's own council.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kb.pipeline.entity import Entity
from kb.pipeline.text import fold, load_json


def _organisations() -> list[dict[str, Any]]:
    return [
        *load_json("international_orgs.json")["organizations"],
        *load_json("armed_groups.json")["organizations"],
        *load_json("national_bodies.json")["organizations"],
    ]


@cache
def _table() -> dict[str, str]:
    """Folded acronym or name (dots dropped from acronyms) -> canonical name."""
    table: dict[str, str] = {}
    for org in _organisations():
        for form in (org["name"], *org["aliases"]):
            table[fold(form)] = org["name"]
        for acronym in org["acronyms"]:
            table[acronym.replace(".", "")] = org["name"]
    return table


@cache
def _shared() -> dict[str, tuple[str, str]]:
    """Folded shared name -> (canonical name, the parent that must be named too)."""
    return {
        fold(form): (org["name"], org.get("parent", org["name"]))
        for org in _organisations()
        for form in org.get("context_aliases", ())
    }


@cache
def _international() -> frozenset[str]:
    return frozenset(o["name"] for o in load_json("international_orgs.json")["organizations"])


@cache
def _acronyms() -> frozenset[str]:
    return frozenset(a for o in _organisations() for a in o["acronyms"] if a.isupper())


def is_international(name: str | None) -> bool:
    """Whether ``name`` is an international or regional organisation's reference name:
    the "American" of the Organization of American States is no country of its."""
    return name in _international()


@cache
def described_forms() -> dict[str, str]:
    """Reference names an acronym opens and lower-case words go on ("UN refugee agency",
    "UN human rights office"): no capitalised run holds them, so they are looked for as
    phrases. Form -> canonical name."""
    return {
        form: org["name"]
        for org in _organisations()
        for form in org["aliases"]
        if " " in form and form.split()[0].isupper() and all(w.islower() for w in form.split()[1:])
    }


@cache
def _alias_words() -> dict[str, frozenset[str]]:
    return {
        org["name"]: frozenset(w for form in org["aliases"] for w in fold(form).split())
        for org in _organisations()
    }


def alias_words(name: str) -> frozenset[str]:
    """The words of an organisation's other reference names: the "agency" of "UN
    refugee agency" is a head "the agency" may refer back by."""
    return _alias_words().get(name, frozenset())


_OF_THE_UN_RE = re.compile(r"^([A-Z][\w ]+?) of the (?:UN|United Nations)$")


def reference_org(form: str) -> str | None:
    """The canonical name of the organisation ``form`` names: acronyms match in
    upper case only ("WHO", never "who"), names by their folded key; "U.N." is "UN"."""
    form = form.replace("U.N.", "UN")
    of_the_un = _OF_THE_UN_RE.match(form)
    if of_the_un:
        # "Security Council of the United Nations", as a translation writes it
        return reference_org("UN " + of_the_un.group(1))
    if form.startswith("United Nations ") and form.count(" ") > 2:
        # "United Nations Office for the Coordination of Humanitarian Affairs" is styled
        # "UN Office …" in the table; "United Nations Security Council" is there in full.
        found = _table().get(fold(form))
        return found or reference_org("UN " + form.removeprefix("United Nations "))
    bare = form.replace(".", "")
    if bare in _table() and (bare.isupper() or sum(c.isupper() for c in bare) >= 2):
        return _table()[bare]  # "WHO", never "who"; "PfE" and "AfDB" as written
    if len(bare) >= 4 and bare.istitle() and bare.upper() in _acronyms():
        return _table()[bare.upper()]  # the BBC's "Ecowas", "Nato", "Unicef"
    if " " in form.strip() or form[:1].isupper():
        return _table().get(fold(form))
    return None


def _canonical(entity: Entity, named: set[str]) -> str | None:
    names = set()
    for form in entity.forms:
        name = reference_org(form)
        shared = _shared().get(fold(form))
        if name is None and shared and (shared[0] in named or shared[1] in named):
            name = shared[0]  # "Security Council" in an article naming the UN
        names.add(name)
    if len(names) != 1 or None in names:
        return None  # some form is the article's own name, or forms disagree
    return names.pop()


def name_reference_orgs(entities: list[Entity]) -> None:
    """Name organisation entities by their reference name, and join those that
    stand for the same organisation."""
    orgs = [e for e in entities if e.kind == "organization" and not e.label and not e.known]
    named = {n for e in orgs if (n := _canonical(e, set())) is not None}
    by_name: dict[str, Entity] = {}
    for entity in orgs:
        name = _canonical(entity, named)
        if name is None:
            continue
        first = by_name.get(name)
        if first is None:
            entity.label = name
            by_name[name] = entity
        else:
            first.absorb(entity)
            entities.remove(entity)
