"""The desk's import form: files or pasted text, a source and tags."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ImportJobForm(forms.Form):
    files = MultipleFileField(
        required=False, help_text="One or many plain-text article files (.txt)."
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        help_text="Or paste one article's text.",
    )
    name = forms.CharField(
        required=False,
        max_length=200,
        help_text="A file name for the pasted text (default: pasted-<time>.txt).",
    )
    source = forms.CharField(
        required=False, max_length=200, help_text="Publisher of every article, if known."
    )
    tags = forms.CharField(
        required=False, max_length=500, help_text="Comma-separated tags for every article."
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Upload at least one file or paste an article's text.")
        for upload in data.get("files") or []:
            if upload.size and upload.size > settings.KB_MAX_FILE_BYTES:
                raise forms.ValidationError(
                    f"{upload.name}: file too large ({upload.size:,} bytes; "
                    f"the limit is {settings.KB_MAX_FILE_BYTES:,})"
                )
        return data

    def payload(self, now_label: str) -> list[tuple[str, bytes]]:
        """The job's files as (name, bytes), uploads first, then the pasted text."""
        files = [(u.name or "upload.txt", u.read()) for u in self.cleaned_data.get("files") or []]
        text = (self.cleaned_data.get("text") or "").strip()
        if text:
            name = (self.cleaned_data.get("name") or "").strip() or f"pasted-{now_label}.txt"
            files.append((name, text.encode("utf-8")))
        return files

    def tag_list(self) -> list[str]:
        return [t.strip() for t in (self.cleaned_data.get("tags") or "").split(",") if t.strip()]
