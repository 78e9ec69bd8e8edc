"""Every POST the editors' desk reads, as a form: its errors are shown to the editor.

The review queue's: one decision per row, a correction, a bulk confirm. Names
typed in a correction are resolved here (an actor or a country by its name or
any alias, accents and case ignored), so the workflow functions in
``kb.curation.review`` receive rows, never text.

The desk admin's (``kb.curation.admin``): the merge confirmation, the split
of an article, and the link between two conflicting figures. They hand the
workflows (``merge``, ``split``, ``conflicts``) rows and typed values; what
only the workflow can judge under its lock (an actor merged meanwhile, a
position inside a span) stays the workflow's ``WorkflowError``.
"""

from __future__ import annotations

from typing import Any

from django import forms

from kb.articles.models import Article
from kb.claims.models import Claim, ClaimLink, Stance
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


# --------------------------------------------------------------------------- desk admin


class MergeActorsForm(forms.Form):
    """The merge confirmation page: which of the selected actors to keep.

    Bound only to the page's own POST (``post=yes``, the Django admin's mark
    for an intermediate action page): the changelist's POST that opens the
    page is not an answer yet. ``cleaned_data["survivor"]`` is one of
    ``actors``, as loaded by the caller.
    """

    survivor = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Pick the actor to keep.",
            "invalid_choice": "Pick the actor to keep among those listed.",
        },
    )

    def __init__(self, actors: list[Actor], data: Any = None) -> None:
        confirmed = data is not None and data.get("post") == "yes"
        super().__init__(data if confirmed else None, initial={"survivor": actors[0].pk})
        self.actors = actors
        self.fields["survivor"].choices = [(a.pk, a.name) for a in actors]

    def clean_survivor(self) -> Actor:
        pk = self.cleaned_data["survivor"]
        return next(a for a in self.actors if a.pk == pk)

    def merged(self) -> list[Actor]:
        """The selected actors other than the survivor."""
        survivor = self.cleaned_data["survivor"]
        return [a for a in self.actors if a.pk != survivor.pk]


class SplitArticleForm(forms.Form):
    """Where an article splits: the text the second part starts with, or a position.

    ``cleaned_data["position"]`` is the body offset to split at (the marker's,
    when one is given). Whether that position can be split at (inside the
    body, between spans) is the workflow's check, made under its lock.
    """

    marker = forms.CharField(
        required=False,
        label="The second part starts with",
        widget=forms.TextInput(attrs={"size": 60}),
    )
    position = forms.IntegerField(
        required=False, label="or at position", widget=forms.NumberInput(attrs={"min": 1})
    )
    title = forms.CharField(
        required=False,
        max_length=500,
        label="Title of the new part",
        widget=forms.TextInput(attrs={"size": 60}),
    )
    published = forms.DateField(
        required=False,
        label="Its publication date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, article: Article, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article = article

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        marker = data.get("marker")
        if marker:
            position = self.article.body.find(marker)
            if position <= 0:
                raise forms.ValidationError(
                    "That text is not in the body (or is at its very start)."
                )
            data["position"] = position
        elif data.get("position") is None and "position" not in self.errors:
            raise forms.ValidationError("Give the text the second part starts with, or a position.")
        return data


class ConflictLinkForm(forms.Form):
    """A row's button on the possible-conflicts page: link these two figures so."""

    first = forms.ModelChoiceField(
        queryset=Claim.objects.all(),
        error_messages={
            "invalid_choice": "That claim no longer exists.",
            "required": "Pick two claims.",
        },
    )
    second = forms.ModelChoiceField(
        queryset=Claim.objects.all(),
        error_messages={
            "invalid_choice": "That claim no longer exists.",
            "required": "Pick two claims.",
        },
    )
    type = forms.ChoiceField(
        choices=ClaimLink.Type.choices,
        error_messages={
            "invalid_choice": "Unknown link type “%(value)s”.",
            "required": "Choose how to link the two claims.",
        },
    )
    note = forms.CharField(required=False)


def errors_text(form: forms.Form) -> str:
    """A form's errors as one line, for an admin message."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)
