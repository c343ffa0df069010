"""The dashboard's and the report's filters: period, territory (with what it covers), field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sohoi.associations.filters import territory_choices
from sohoi.associations.models import FieldOfActivity
from sohoi.core.filters import offer_choices
from sohoi.orgs.models import AdminUnit

from .registry import Filters, Period


class FiltersForm(forms.Form):
    period = forms.CharField(label=_("Kỳ báo cáo"), max_length=10, required=False,
                             help_text=_("Năm (2026), nửa năm (2026-H1) hoặc quý (2026-Q3)."))
    territory = forms.ModelChoiceField(label=_("Địa bàn (kể cả xã, phường trực thuộc)"), required=False,
                                       queryset=AdminUnit.objects.all())
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), required=False, queryset=FieldOfActivity.objects.all())

    def __init__(self, *args: Any, user: Any = None, default_period: Period, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.default_period = default_period
        self.fields["period"].widget.attrs["placeholder"] = default_period.code
        offer_choices(self, "territory", lambda selected: territory_choices(user, selected))

    def clean_period(self) -> Period:
        text = (self.cleaned_data.get("period") or "").strip()
        if not text:
            return self.default_period
        try:
            return Period.parse(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def filters(self) -> Filters:
        """The filters chosen (the defaults when the form is not valid: the page shows the errors)."""
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(self.user, data.get("period") or self.default_period, data.get("territory"), data.get("field"))


class ReportForm(FiltersForm):
    format = forms.ChoiceField(label=_("Định dạng"), choices=[("docx", _("Word (.docx), thể thức văn bản của Đảng")),
                                                             ("pdf", _("PDF")), ("xlsx", _("Excel (.xlsx), phụ lục"))])
