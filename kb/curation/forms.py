"""The review queue's POSTs: one decision per row, a correction, a bulk confirm.

Names typed in a correction are resolved here (an actor or a country by its
name or any alias, accents and case ignored), so the workflow functions in
``kb.curation.review`` receive rows, never text.
"""

from __future__ import annotations

from typing import Any

from django import forms

from kb.claims.models import Stance
from kb.curation.review import Item, ReviewError
from kb.entities.models import Actor, Country


def actor_named(name: str) -> Actor:
    """The one active actor called ``name`` (canonical name or alias)."""
    name = " ".join(name.split())
    exact = list(Actor.objects.active().filter(name__iexact=name)[:2])
    found = exact or list(Actor.objects.active().named(name)[:2])
    if not found:
        raise forms.ValidationError(f"No actor is called “{name}”.")
    if len(found) > 1:
        raise forms.ValidationError(
            f"Several actors are called “{name}”: correct this one in its admin page."
        )
    return found[0]


def target_named(name: str) -> Actor | Country:
    """A stance's end: a country (by name or ISO code) first, else an actor."""
    name = " ".join(name.split())
    country = Country.objects.filter(name__iexact=name).first()
    if country is None and len(name) == 2:
        country = Country.objects.filter(code=name.upper()).first()
    return country if country is not None else actor_named(name)


class ItemField(forms.CharField):
    def to_python(self, value: Any) -> Item | None:
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Item.parse(value)
        except ReviewError as exc:
            raise forms.ValidationError(str(exc)) from exc


class DecisionForm(forms.Form):
    """A row's Confirm or Reject button."""

    item = ItemField()
    decision = forms.ChoiceField(choices=[("confirm", "Confirm"), ("reject", "Reject")])


class BulkConfirmForm(forms.Form):
    """ "Confirm selected": the ticked rows."""

    selected = forms.MultipleChoiceField(choices=[], required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Any well-formed item: the workflow re-reads each one under lock.
        self.fields["selected"].valid_value = lambda value: True  # type: ignore[attr-defined]

    def clean_selected(self) -> list[Item]:
        try:
            return [Item.parse(v) for v in self.cleaned_data["selected"]]
        except ReviewError as exc:
            raise forms.ValidationError(str(exc)) from exc


class StanceCorrectionForm(forms.Form):
    item = ItemField()
    subject = forms.CharField(max_length=300)
    relation = forms.ChoiceField(choices=Stance.Relation.choices)
    negated = forms.BooleanField(required=False)
    object = forms.CharField(max_length=300)

    def clean_subject(self) -> Actor | Country:
        return target_named(self.cleaned_data["subject"])

    def clean_object(self) -> Actor | Country:
        return target_named(self.cleaned_data["object"])


class RoleCorrectionForm(forms.Form):
    item = ItemField()
    title = forms.CharField(max_length=200)


class QuoteCorrectionForm(forms.Form):
    item = ItemField()
    speaker = forms.CharField(
        max_length=300, required=False, help_text="Leave empty when the speaker is unknown."
    )

    def clean_speaker(self) -> Actor | None:
        name = self.cleaned_data["speaker"].strip()
        return actor_named(name) if name else None


CORRECTIONS: dict[str, type[forms.Form]] = {
    "stance": StanceCorrectionForm,
    "role": RoleCorrectionForm,
    "quote": QuoteCorrectionForm,
}
