"""Dated rule rows (design.md §6, §15): the checks every rule table makes before a row is written, and the
form those tables share. The filter "valid on a day" is `core.models.DatedRowQuerySet.valid_on`.

Two rows of one rule valid on the same day would make the value a check uses ambiguous, so a row whose
validity overlaps another row of the same rule is refused, naming that row and the fix (end the old row
first). One implementation, used by the oversight, directives, party and associations rule tables."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import audit
from .forms import apply_errors
from .permissions import require
from .widgets import DateWidget


def overlapping(qs: models.QuerySet, *, start: datetime.date | None, end: datetime.date | None,
                exclude_pk: Any = None) -> models.Model | None:
    """The first row of `qs` (rows of the same rule) whose validity meets [start, end]; None = open end."""
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    if end is not None:
        qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
    if start is not None:
        qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    return qs.order_by("valid_from", "pk").first()


def dated_row_errors(qs: models.QuerySet, *, row: models.Model, start: datetime.date | None,
                     end: datetime.date | None, describe: Callable[[Any], str]) -> dict[str, str]:
    """The field errors of a dated row about to be written: the end before the start (on `valid_to`), or an
    overlap with another row of `qs` (on `valid_from`, naming the row by `describe(other)` and its basis)."""
    if start and end and end < start:
        return {"valid_to": _("Ngày hết hiệu lực không thể trước ngày bắt đầu hiệu lực. Sửa lại một trong hai "
                              "ngày.")}
    other = overlapping(qs, start=start, end=end, exclude_pk=row.pk)
    if other is None:
        return {}
    since = f"{other.valid_from:%d/%m/%Y}" if other.valid_from else "…"
    return {"valid_from": _(
        "Thời gian hiệu lực chồng lên dòng %(row)s (%(basis)s, từ %(since)s). Đặt ngày hết hiệu lực cho dòng cũ "
        "trước, rồi thêm dòng mới từ ngày kế tiếp.") % {"row": describe(other), "basis": other.legal_basis,
                                                         "since": since}}


def check_dated_row(qs: models.QuerySet, *, row: models.Model, start: datetime.date | None,
                    end: datetime.date | None, describe: Callable[[Any], str]) -> None:
    """Raise the ValidationError of `dated_row_errors`, if any."""
    errors = dated_row_errors(qs, row=row, start=start, end=end, describe=describe)
    if errors:
        raise ValidationError(errors)


class DatedRowForm(forms.ModelForm):
    """The edit form of a dated rule row: a hidden `version` (optimistic locking) and the cleaned fields for
    the service; the service, not the form, judges overlaps (the API goes through the same check)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for name in ("valid_from", "valid_to"):
            if name in self.fields:
                self.fields[name].widget = DateWidget()

    def data_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


def dated_row_edit(request: HttpRequest, *, permission: str, row: models.Model | None,
                   form_class: type[DatedRowForm], create: Callable[..., Any], update: Callable[..., Any],
                   success_url: str, saved: str, template: str, context: dict[str, Any]) -> HttpResponse:
    """The add/edit page of a rule table: the permission is checked first (a refusal writes nothing), the
    form is bound to a fresh copy of the row, the app's service writes (overlap check, audit) and its
    ValidationError lands on the named field."""
    require(request.user, permission, row)
    form = form_class(request.POST or None, instance=type(row).objects.get(pk=row.pk) if row else None)
    if request.method == "POST" and form.is_valid():
        try:
            if row:
                update(actor=request.user, rule=row, data=form.data_dict(),
                       expected_version=form.cleaned_data.get("version"))
            else:
                create(actor=request.user, data=form.data_dict())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, saved)
            return redirect(success_url)
    return render(request, template, {
        **context, "form": form, "history": audit.visible_history(row, request.user, limit=50) if row else None})
