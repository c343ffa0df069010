"""The project's form widgets: one date field for every form, one search-as-you-type choice.

Dates: the browser's native date input shows mm/dd/yyyy in an English-language browser while every
page prints dd/mm/yyyy (issue 16). `DateWidget` is a text field that shows and accepts dd/mm/yyyy whatever
the browser's locale; `core/static/core/sohoi.js` adds a keyboard-operable calendar beside it (no other
host, no inline script). `CoreConfig.ready()` makes it the default widget of every `forms.DateField`.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_FORMAT = "%d/%m/%Y"


class DateWidget(forms.DateInput):
    """A dd/mm/yyyy text field; the static script adds the calendar button (the page works without it)."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:  # noqa: A002
        merged = {"placeholder": _("nn/tt/nnnn"), "inputmode": "numeric", "autocomplete": "off",
                  "size": "10", "maxlength": "10", "data-date": "dd/mm/yyyy", "class": "datefield"}
        merged.update({k: v for k, v in (attrs or {}).items() if k != "type"})  # never the native type=date
        super().__init__(attrs=merged, format=DATE_FORMAT)


def install_date_widget() -> None:
    """Every `forms.DateField` (plain, in a ModelForm, in a django-filter set) gets `DateWidget` unless a form
    names another widget: a project-wide default so that no form has to remember it."""
    forms.DateField.widget = DateWidget


def parse_day(value: Any) -> datetime.date | None:
    """A date typed into a hand-written field (outside a Form): dd/mm/yyyy first, as DateWidget shows it; the
    same formats as every DateField. Empty gives None; anything else that is not a date raises ValueError."""
    if isinstance(value, datetime.date):
        return value
    try:
        return forms.DateField(required=False).clean(value)
    except ValidationError as exc:
        raise ValueError(str(value)) from exc


def show_day(value: Any) -> str:
    """dd/mm/yyyy of a date or of a date given as text in any accepted format ('' for nothing, the text itself
    when it is not a date, so the user sees what was typed)."""
    if not value:
        return ""
    try:
        day = parse_day(value)
    except ValueError:
        return str(value)
    return day.strftime(DATE_FORMAT) if day else ""
