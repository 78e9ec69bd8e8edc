"""Editors' decisions are data the importer reads: corrected kinds and countries,
added aliases and rejected names all shape the next import."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from kb.articles.models import Mention
from kb.entities.models import Actor, Alias

pytestmark = pytest.mark.django_db


def imported(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), "--quiet")


def test_corrected_kind_and_country_are_kept_and_followed(tmp_path: Path) -> None:
    imported(
        tmp_path,
        "a.txt",
        "The Orinoco Mining Arc said on Monday that exports would rise. Officials at "
        "the Orinoco Mining Arc declined to comment.\n",
    )
    (actor,) = Actor.objects.filter(name="Orinoco Mining Arc")
    actor.kind = Actor.Kind.ORGANIZATION
    actor.country_id = "VE"
    actor.curated = True
    actor.save()
    imported(
        tmp_path,
        "b.txt",
        "A report by the Orinoco Mining Arc was published on Tuesday. The Orinoco Mining "
        "Arc said output fell.\n",
    )
    (actor,) = Actor.objects.filter(name="Orinoco Mining Arc")
    assert (actor.kind, actor.country_id) == ("organization", "VE")
    assert actor.mentions.count() == 4


def test_an_alias_added_by_an_editor_links_the_next_import(tmp_path: Path) -> None:
    actor = Actor.objects.create(kind="person", name="Ramón Ibáñez", country_id="VE")
    Alias.objects.create(actor=actor, name="Ramón Ibáñez", origin=Alias.Origin.EDITOR)
    Alias.objects.create(actor=actor, name="Chato Ibáñez", origin=Alias.Origin.EDITOR)
    imported(
        tmp_path,
        "c.txt",
        "Opposition figure Chato Ibanez said on Monday that he would stand again.\n",
    )
    assert Actor.objects.filter(name__icontains="Chato").count() == 0
    assert actor.mentions.count() == 1


def test_a_rejected_name_never_links_to_that_actor_again(tmp_path: Path) -> None:
    imported(
        tmp_path,
        "d.txt",
        "President Hugo Salcedo spoke on Monday. Salcedo said the vote was fair.\n",
    )
    president = Actor.objects.get(name="Hugo Salcedo")
    # The editor says a later "Salcedo" (a photographer) is not the president.
    Alias.objects.filter(actor=president, key="salcedo").update(rejected=True)
    imported(
        tmp_path,
        "e.txt",
        "A crowd gathered in the square on Friday. Photograph by Salcedo for the agency. "
        "Salcedo said nothing.\n",
    )
    linked = Mention.objects.filter(actor=president, article__original_name="e.txt")
    assert not linked.exists()
