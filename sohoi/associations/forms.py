"""Forms parse input only; the rules are in services (design.md §1)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.models import User
from sohoi.core.forms import apply_errors  # noqa: F401 - the one helper, re-exported for the views
from sohoi.core.lookup import searchable
from sohoi.core.scoping import restrict
from sohoi.core.widgets import DateWidget
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import AdminUnit, Unit

from .choices import Action, DossierItem
from .models import Association, CharterVersion, Congress, FoundingDossier, Leader, LegalRule, MonitoringLog
from .permissions import monitoring_officers
from .workflows import IRREVERSIBLE

DATE = DateWidget()  # the one date widget (dd/mm/yyyy); plain forms.DateField gets it anyway
# An id outside the user's reach is answered like an unknown one: never with the name behind it (issue 10).
INVALID_CHOICE = _("Lựa chọn không hợp lệ. Chọn một mục trong danh sách.")


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


# What an association records about itself (contact, profile, reported figures). The fields a state decision
# sets are Association.STATE_FIELDS: never on this form, whoever edits (issue 10).
PROFILE_FIELDS = ["short_name", "english_name", "field", "main_activity", "is_economic", "head_office", "phone",
                  "email", "website", "term_years", "members_individual", "members_organisational",
                  "members_honorary", "members_reported_on", "branches_reported"]


def _territories():
    return AdminUnit.objects.filter(parent__code="92").order_by("kind", "name") | AdminUnit.objects.filter(code="92")


def _agencies():
    return Unit.objects.exclude(kind__in=[UnitKind.ASSOCIATION, UnitKind.BRANCH]).order_by("path")


class AssociationForm(VersionedForm):
    website = forms.URLField(label=_("trang thông tin"), required=False, assume_scheme="https")

    class Meta:
        model = Association
        fields = PROFILE_FIELDS


class AssociationCreateForm(AssociationForm):
    """Registration of a founding committee by the Department: the scope, territory and managing agency are
    part of that state registration; the founding decision itself comes later (the "permit" step)."""

    name = forms.CharField(label=_("Tên đầy đủ"), max_length=300)
    parent = forms.ModelChoiceField(label=_("Trực thuộc (trong cây tổ chức)"), queryset=Unit.objects.none(),
                                    help_text=_("Hội: Ủy ban MTTQ hoặc cấp ủy; chi hội: hội cấp trên."))
    committee_number = forms.CharField(label=_("Số quyết định công nhận ban vận động"), max_length=60, required=False)
    committee_date = forms.DateField(label=_("Ngày công nhận ban vận động"), required=False, widget=DATE)
    committee_members = forms.IntegerField(label=_("Số thành viên ban vận động"), min_value=0, required=False)

    class Meta(AssociationForm.Meta):
        fields = ["name", "parent", "scope_level", "territory", "managing_agency", *PROFILE_FIELDS]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only units the user may see are offered; another id answers "invalid choice", never a name.
        self.fields["parent"].queryset = restrict(Unit.objects.filter(kind__in=[
            UnitKind.FATHERLAND_FRONT, UnitKind.PARTY_COMMITTEE, UnitKind.ASSOCIATION, UnitKind.PEOPLES_COMMITTEE,
            UnitKind.DEPARTMENT]).valid_on(), user).order_by("path")
        self.fields["territory"].queryset = _territories()
        self.fields["managing_agency"].queryset = _agencies()
        for name in ("parent", "territory", "managing_agency", "field"):
            self.fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
        for name in ("parent", "managing_agency"):
            searchable(self, name, "units")  # the whole tree: search as you type (core.lookup)


class StateDecisionForm(VersionedForm):
    """A decision of the state on an association, with its document (services.association_state_decision)."""

    decision_number = forms.CharField(label=_("Số, ký hiệu văn bản quyết định"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày văn bản"), required=False, widget=DATE)
    decision_issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    class Meta:
        model = Association
        fields = list(Association.STATE_FIELDS)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = _territories()
        self.fields["managing_agency"].queryset = _agencies()
        for name in ("decision_number", "decision_date", "decision_issuer"):
            self.fields[name].widget.attrs["required"] = True

    def changes(self) -> dict:
        """Only the state fields the user actually changed."""
        return {k: self.cleaned_data[k] for k in self.changed_data if k in Association.STATE_FIELDS}


class TransitionForm(forms.Form):
    action = forms.ChoiceField(label=_("Sự kiện"), choices=Action.choices)
    decision_number = forms.CharField(label=_("Số, ký hiệu văn bản"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày văn bản"), required=False, widget=DATE)
    decision_issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    new_name = forms.CharField(label=_("Tên mới (khi đổi tên)"), max_length=300, required=False)
    successors = forms.ModelMultipleChoiceField(label=_("Hội kế thừa (chia, tách, sáp nhập, hợp nhất)"),
                                                queryset=Association.objects.none(), required=False)
    note = forms.CharField(label=_("Ghi chú, lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                           help_text=_("Bắt buộc khi trả lại hồ sơ, đình chỉ hoặc giải thể."))
    confirm = forms.BooleanField(label=_("Tôi đã kiểm tra: bước này không hoàn tác được"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, actions: list[str] | None = None, successor_qs=None, association=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Nothing preselected: a destructive step is never one click away (issue 16 item 7).
        offered = actions if actions is not None else [a for a, _label in Action.choices]
        self.fields["action"].choices = [("", _("— Chọn sự kiện —"))] + [(a, Action(a).label) for a in offered]
        self.fields["action"].error_messages["required"] = _("Chọn sự kiện cần ghi trong danh sách “Sự kiện”.")
        if successor_qs is not None:
            self.fields["successors"].queryset = successor_qs
        self.association = association
        if association is not None:
            self.fields["confirm"].label = _(
                "Tôi xác nhận ghi bước không hoàn tác được cho “%(name)s” (giải thể, chia, sáp nhập, hợp nhất, "
                "hết hiệu lực): hội chấm dứt hoạt động và bị đóng trong cây tổ chức") % {"name": association}

    def clean(self) -> dict:
        data = super().clean()
        action = data.get("action")
        if action in IRREVERSIBLE and not data.get("confirm"):
            self.add_error("confirm", _(
                "“%(step)s” không hoàn tác được: “%(name)s” sẽ chấm dứt hoạt động và bị đóng trong cây tổ chức. "
                "Đánh dấu ô xác nhận rồi bấm lại.") % {"step": Action(action).label,
                                                        "name": self.association or _("hội này")})
        return data


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
        self.fields["officer"].queryset = monitoring_officers().order_by("full_name")
        searchable(self, "officer", "officers")  # each officer with their current load (core.lookup)


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
