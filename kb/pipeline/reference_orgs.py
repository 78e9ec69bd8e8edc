"""International and regional organisations by their reference names.

In:  ``data/international_orgs.json``: each organisation's canonical name, its
     acronyms and other names (generic reference data, loaded once).
Out: ``reference_org(form)``: the canonical name a form stands for, or None;
     ``name_reference_orgs(entities)``: each organisation entity named by a
     reference form takes the canonical name, and entities standing for the same
     organisation ("IMF" and "International Monetary Fund") become one.
Guarantees: pure apart from the entities it merges and names; an article's own
     definition wins: an entity holding a multi-word form that is no reference
     name of the organisation (its "(ICC)" spelled out as something else) keeps
     its own name and is merged with nothing.
"""

from __future__ import annotations

from functools import cache

from kb.pipeline.entity import Entity
from kb.pipeline.text import fold, load_json


@cache
def _table() -> dict[str, str]:
    """Folded acronym or name (dots dropped from acronyms) -> canonical name."""
    table: dict[str, str] = {}
    for org in load_json("international_orgs.json")["organizations"]:
        for form in (org["name"], *org["aliases"]):
            table[fold(form)] = org["name"]
        for acronym in org["acronyms"]:
            table[acronym.replace(".", "")] = org["name"]
    return table


def reference_org(form: str) -> str | None:
    """The canonical name of the organisation ``form`` names: acronyms match in
    upper case only ("WHO", never "who"), names by their folded key."""
    bare = form.replace(".", "")
    if bare.isupper() and bare in _table():
        return _table()[bare]
    if " " in form.strip() or form[:1].isupper():
        return _table().get(fold(form))
    return None


def _canonical(entity: Entity) -> str | None:
    names = {reference_org(form) for form in entity.forms}
    if len(names) != 1 or None in names:
        return None  # some form is the article's own name, or forms disagree
    return names.pop()


def name_reference_orgs(entities: list[Entity]) -> None:
    """Name organisation entities by their reference name, and join those that
    stand for the same organisation."""
    by_name: dict[str, Entity] = {}
    for entity in list(entities):
        if entity.kind != "organization" or entity.label or entity.known:
            continue
        name = _canonical(entity)
        if name is None:
            continue
        first = by_name.get(name)
        if first is None:
            entity.label = name
            by_name[name] = entity
        else:
            first.absorb(entity)
            entities.remove(entity)
