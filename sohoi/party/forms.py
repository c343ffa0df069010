"""Forms of the Party pages; every rule is checked again by the services they call."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sohoi.associations.models import Association
from sohoi.core.forms import apply_errors  # noqa: F401  (re-exported for the views)
from sohoi.core.lookup import searchable
from sohoi.core.params import MAX_ID
from sohoi.core.widgets import DateWidget
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import Unit

from .choices import Grade, OrgStatus
from .models import PartyOrganisation, PartyRule

DATE = DateWidget()  # the one date widget (dd/mm/yyyy); plain forms.DateField gets it anyway
# An id outside the user's reach is answered like an unknown one: never with the name behind it (issue 10).
INVALID_CHOICE = _("Lựa chọn không hợp lệ. Chọn một mục trong danh sách.")


class OrganisationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PartyOrganisation
        fields = ["association", "name", "kind", "superior", "parent", "decision_number", "decision_date",
                  "decision_issuer", "secretary_name", "official_members", "probationary_members",
                  "members_reported_on", "note"]
        widgets = {"decision_date": DATE, "members_reported_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, associations=None, superiors=None, parents=None, show_secretary: bool = True,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        # The caller passes choices restricted to the user's reach (views._organisation_form); without them the
        # form offers nothing, so that a forgotten restriction never lists other bodies' organisations.
        self.fields["association"].queryset = associations if associations is not None else Association.objects.none()
        self.fields["superior"].queryset = (superiors if superiors is not None else Unit.objects.none()).filter(
            kind=UnitKind.PARTY_COMMITTEE).order_by("path")
        self.fields["parent"].queryset = (parents if parents is not None else PartyOrganisation.objects.none()).filter(
            kind="grassroots_committee", status=OrgStatus.ACTIVE).select_related("association")
        for name in ("association", "superior", "parent"):
            self.fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
        searchable(self, "association", "party-associations")  # the register: search as you type (core.lookup)
        if not show_secretary:
            del self.fields["secretary_name"]
        for name in ("official_members", "probationary_members"):
            self.fields[name].widget.attrs["min"] = 0
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def data_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class EndForm(forms.Form):
    status = forms.ChoiceField(label=_("Hình thức"), choices=[(OrgStatus.DISSOLVED, OrgStatus.DISSOLVED.label),
                                                              (OrgStatus.MERGED, OrgStatus.MERGED.label)])
    ended_on = forms.DateField(label=_("Ngày"), widget=DATE)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    successor = forms.ModelChoiceField(label=_("Hợp nhất vào"), required=False, queryset=PartyOrganisation.objects.none())

    def __init__(self, *args: Any, organisation: PartyOrganisation, successors, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = successors.exclude(pk=organisation.pk).filter(status=OrgStatus.ACTIVE)


class RatingForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"))
    score = forms.IntegerField(label=_("Điểm (thang 100, để trống nếu chỉ có xếp loại)"), required=False)
    grade = forms.ChoiceField(label=_("Xếp loại"), required=False, choices=[("", "—"), *Grade.choices])
    decision = forms.CharField(label=_("Văn bản xếp loại"), max_length=100, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


class MemberCountForm(forms.Form):
    reported_on = forms.DateField(label=_("Tính đến ngày"), widget=DATE)
    official = forms.IntegerField(label=_("Đảng viên chính thức"))
    probationary = forms.IntegerField(label=_("Đảng viên dự bị"), initial=0)
    source = forms.CharField(label=_("Nguồn số liệu"), max_length=200, required=False)


class PartyRuleForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PartyRule
        fields = ["code", "label", "value", "unit", "legal_basis", "is_default", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE, "valid_to": DATE}

    def data_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class TaskForm(forms.Form):
    committee = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)  # an id, never a 500
    associations = forms.CharField(widget=forms.HiddenInput, required=False)  # empty: all of the committee's
    due = forms.DateField(label=_("Hạn báo cáo"), widget=DATE, required=False)
