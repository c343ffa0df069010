from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from sohoi.api.errors import django_errors


def apply_errors(request: HttpRequest, exc: ValidationError, form: forms.Form | None = None) -> None:
    """Put a service's errors on the form fields they name, the rest on the page."""
    for field, msgs in django_errors(exc).items():
        for msg in msgs:
            if form is not None and field in form.fields:
                form.add_error(field, msg)
            else:
                messages.error(request, msg)


def state_pill(state: Any) -> str:
    from sohoi.core.deadlines import CSS_CLASS, TrackState

    return CSS_CLASS.get(TrackState(state), "")
