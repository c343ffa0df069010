"""Forms parse input only; the rules are in services (design.md §1)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import Role
from sohoi.accounts.models import User
from sohoi.core.forms import apply_errors  # noqa: F401 - the one helper, re-exported for the views
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import AdminUnit, Unit

from .choices import Action, DossierItem
from .models import Association, CharterVersion, Congress, FoundingDossier, Leader, LegalRule, MonitoringLog

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionedForm(forms.ModelForm):
    """Carries the version the user opened, so a stale save is refused (core.services.object_update)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DATE

    def changed_data_dict(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


PROFILE_FIELDS = ["short_name", "english_name", "field", "main_activity", "is_economic", "scope_level", "territory",
                  "head_office", "managing_agency", "founding_decision_number", "founding_decision_date",
                  "founding_decision_issuer", "special_status", "state_tasks", "phone", "email", "website",
                  "term_years", "members_individual", "members_organisational", "members_honorary",
                  "members_reported_on", "branches_reported"]


class AssociationForm(VersionedForm):
    website = forms.URLField(label=_("trang thông tin"), required=False, assume_scheme="https")

    class Meta:
        model = Association
        fields = PROFILE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = AdminUnit.objects.filter(parent__code="92").order_by("kind", "name") | \
            AdminUnit.objects.filter(code="92")
        self.fields["managing_agency"].queryset = Unit.objects.exclude(
            kind__in=[UnitKind.ASSOCIATION, UnitKind.BRANCH]).order_by("path")


class AssociationCreateForm(AssociationForm):
    name = forms.CharField(label=_("Tên đầy đủ"), max_length=300)
    parent = forms.ModelChoiceField(label=_("Trực thuộc (trong cây tổ chức)"), queryset=Unit.objects.none(),
                                    help_text=_("Hội: Ủy ban MTTQ hoặc cấp ủy; chi hội: hội cấp trên."))
    committee_number = forms.CharField(label=_("Số quyết định công nhận ban vận động"), max_length=60, required=False)
    committee_date = forms.DateField(label=_("Ngày công nhận ban vận động"), required=False, widget=DATE)
    committee_members = forms.IntegerField(label=_("Số thành viên ban vận động"), min_value=0, required=False)

    class Meta(AssociationForm.Meta):
        fields = ["name", "parent", *PROFILE_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Unit.objects.filter(kind__in=[
            UnitKind.FATHERLAND_FRONT, UnitKind.PARTY_COMMITTEE, UnitKind.ASSOCIATION, UnitKind.PEOPLES_COMMITTEE,
            UnitKind.DEPARTMENT]).valid_on().order_by("path")


class TransitionForm(forms.Form):
    action = forms.ChoiceField(label=_("Sự kiện"), choices=Action.choices)
    decision_number = forms.CharField(label=_("Số, ký hiệu văn bản"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày văn bản"), required=False, widget=DATE)
    decision_issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    new_name = forms.CharField(label=_("Tên mới (khi đổi tên)"), max_length=300, required=False)
    successors = forms.ModelMultipleChoiceField(label=_("Hội kế thừa (chia, tách, sáp nhập, hợp nhất)"),
                                                queryset=Association.objects.none(), required=False)
    note = forms.CharField(label=_("Ghi chú, lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, actions: list[str] | None = None, successor_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if actions is not None:
            self.fields["action"].choices = [(a, Action(a).label) for a in actions]
        if successor_qs is not None:
            self.fields["successors"].queryset = successor_qs


class DossierForm(VersionedForm):
    submitted = forms.MultipleChoiceField(label=_("Giấy tờ đã nộp"), choices=DossierItem.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = FoundingDossier
        fields = ["committee_decision_number", "committee_decision_date", "committee_members", "founding_members",
                  "founding_provinces", "submitted", "filed_on", "complete_on", "extension_requested_on",
                  "extension_days", "first_congress_on"]


class LeaderForm(forms.ModelForm):
    class Meta:
        model = Leader
        fields = ["full_name", "position", "gender", "birth_year", "started_on", "reported_on", "is_party_member"]
        widgets = {"started_on": DATE, "reported_on": DATE}

    def __init__(self, *args, show_sensitive: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_sensitive:
            del self.fields["is_party_member"]


class CongressForm(forms.ModelForm):
    years = forms.IntegerField(label=_("Số năm nhiệm kỳ (để trống: theo điều lệ)"), required=False, min_value=1,
                               max_value=10)

    class Meta:
        model = Congress
        fields = ["number", "kind", "held_on", "term_label", "expected", "attended", "documents_sent_on"]
        widgets = {"held_on": DATE, "documents_sent_on": DATE}


class CharterForm(forms.ModelForm):
    class Meta:
        model = CharterVersion
        fields = ["label", "decision_number", "decision_date", "decision_issuer", "effective_from", "term_years",
                  "summary"]
        widgets = {"decision_date": DATE, "effective_from": DATE, "summary": forms.Textarea(attrs={"rows": 3})}


class OfficerAssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Cán bộ theo dõi"), queryset=User.objects.none())
    started_on = forms.DateField(label=_("Từ ngày"), widget=DATE)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = User.objects.filter(
            role_links__role=Role.HOME_AFFAIRS_OFFICER, is_active=True).order_by("full_name")


class MonitoringLogForm(forms.ModelForm):
    class Meta:
        model = MonitoringLog
        fields = ["on", "kind", "text", "follow_up_due"]
        widgets = {"on": DATE, "follow_up_due": DATE, "text": forms.Textarea(attrs={"rows": 3})}


class LegalRuleForm(VersionedForm):
    class Meta:
        model = LegalRule
        fields = ["code", "label", "value", "unit", "scope_level", "legal_basis", "is_default", "valid_from",
                  "valid_to"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc CSV"))
    commit = forms.BooleanField(label=_("Ghi vào hệ thống nếu không có lỗi (bỏ chọn: chỉ kiểm tra thử)"),
                                required=False)
