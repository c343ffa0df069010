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


class PlanForm(forms.Form):
    """The implementing plan's choices: which tasks of the upper document, which subordinate bodies carry them
    out, and the plan's subject. The choices are the page's bounded lists (selectors.plan_units)."""

    tasks = forms.TypedMultipleChoiceField(label=_("Nhiệm vụ của văn bản cấp trên"), coerce=int,
                                           widget=forms.CheckboxSelectMultiple, required=False)
    units = forms.TypedMultipleChoiceField(label=_("Đơn vị thực hiện (trực thuộc hoặc do đơn vị chỉ đạo)"),
                                           coerce=int, widget=forms.CheckboxSelectMultiple, required=False)
    subject = forms.CharField(label=_("Trích yếu kế hoạch"), max_length=500, required=False)

    def __init__(self, *args: Any, assignments: list[Any], units: list[Any], subject: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tasks"].choices = [(a.task_id, f"{a.task.no}. {a.task.text[:160]}") for a in assignments]
        self.fields["units"].choices = [(u.pk, u.name) for u in units]
        self.fields["subject"].widget.attrs["placeholder"] = subject
        if not self.is_bound:
            self.initial = {"tasks": [a.task_id for a in assignments], "units": [u.pk for u in units]}

    @property
    def chosen(self) -> bool:
        """The page's form says which boxes were ticked (`choose`); a POST without it (a script, the write
        matrix) takes the draft as offered: every task, every body shown."""
        return "choose" in self.data

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.data.get("action") == "register" and self.chosen:
            if not data.get("tasks"):
                self.add_error("tasks", _("Chưa chọn nhiệm vụ nào: đánh dấu ít nhất một nhiệm vụ của văn bản cấp trên."))
            if not data.get("units"):
                self.add_error("units", _("Chưa chọn đơn vị thực hiện: đánh dấu ít nhất một đơn vị."))
        return data
