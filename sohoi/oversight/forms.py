"""Forms of the oversight pages; every rule is checked again by the services they call. Lists over data that
grows (units, documents) offer a bounded list plus a name box (design.md §13): the field accepts any id the
service then judges."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.core.dated_rows import DatedRowForm
from sohoi.core.text import fold
from sohoi.core.widgets import DateWidget
from sohoi.orgs.models import Unit

from .choices import Answer, AttachmentKind, Outcome, TeamRole
from .models import Activity, OversightRule

DATE = DateWidget()  # the one date widget (dd/mm/yyyy); plain forms.DateField gets it anyway
OFFERED = 60
INVALID_CHOICE = _("Lựa chọn không hợp lệ. Chọn một mục trong danh sách.")


def _selected(raw: Any) -> list[int]:
    values = raw if isinstance(raw, (list, tuple)) else [raw]
    return [int(v) for v in values if str(v).isdigit() and len(str(v)) < 10]


def offer(form: forms.Form, name: str, qs, wanted: str = "", first: list[int] | None = None) -> None:
    """Offer in `name`'s list the selected rows, the `first` ids (the likely choices) and at most OFFERED others
    (matching `wanted` if given)."""
    field = form.fields[name]
    chosen = _selected(field.widget.format_value(form[name].value()) or []) + list(first or [])
    found = qs
    if wanted:
        key = fold(wanted)
        found = qs.filter(Q(name__icontains=wanted) | Q(name__icontains=key)) if qs.model is Unit else qs.filter(
            Q(code__icontains=wanted) | Q(subject__icontains=wanted))
    ids = list(found.values_list("pk", flat=True)[:OFFERED]) + chosen
    rows = qs.filter(pk__in=ids)
    choices = [(row.pk, str(row)) for row in rows]
    field.widget.choices = choices if getattr(field, "empty_label", None) is None else [("", field.empty_label), *choices]


class ActivityForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = ["kind", "form", "subject", "lead_unit", "participants", "examined", "legal_basis", "document",
                  "planned_start", "planned_end", "method", "confidential", "draft_title"]
        widgets = {"planned_start": DATE, "planned_end": DATE, "method": forms.Textarea(attrs={"rows": 3}),
                   "subject": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, leads=None, documents=None, wanted: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        units = Unit.objects.order_by("path")
        self.fields["lead_unit"].queryset = leads if leads is not None else Unit.objects.none()
        self.fields["participants"].queryset = units
        self.fields["examined"].queryset = units
        for name in ("legal_basis", "document"):
            self.fields[name].queryset = documents if documents is not None else self.fields[name].queryset.none()
        for name in ("lead_unit", "participants", "examined", "legal_basis", "document"):
            self.fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
            self.fields[name].error_messages["invalid_pk_value"] = INVALID_CHOICE
        self.fields["kind"].disabled = bool(self.instance.pk)
        offer(self, "lead_unit", self.fields["lead_unit"].queryset)
        offer(self, "participants", units, wanted)
        offer(self, "examined", units, wanted)
        offer(self, "legal_basis", self.fields["legal_basis"].queryset)
        offer(self, "document", self.fields["document"].queryset)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def data_dict(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        if self.instance.pk:
            data.pop("kind", None)
        return data


class StepForm(forms.Form):
    step = forms.CharField(max_length=20)


class TeamMemberForm(forms.Form):
    name = forms.CharField(label=_("Họ tên"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Vai trò trong đoàn"), choices=TeamRole.choices)
    username = forms.CharField(label=_("Tên đăng nhập Sổ Hội (nếu thành viên có tài khoản)"), max_length=150,
                               required=False)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tệp"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("Tệp (.docx, .pdf, .txt)"))


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(label=_("Nội dung kết luận"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    conclusion_file = forms.FileField(label=_("Hoặc tệp kết luận (.docx, .pdf, .txt)"), required=False)


class FindingForm(forms.Form):
    text = forms.CharField(label=_("Nội dung phát hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.ModelChoiceField(label=_("Đơn vị liên quan"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args: Any, units=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["unit"].error_messages["invalid_choice"] = INVALID_CHOICE


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}))
    addressee = forms.ModelChoiceField(label=_("Đơn vị nhận kiến nghị"), queryset=Unit.objects.all(), required=False)
    due = forms.DateField(label=_("Hạn trả lời (để trống: theo quy định)"), required=False, widget=DATE)

    def __init__(self, *args: Any, units=None, likely: list[int] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["addressee"].queryset = units
        self.fields["addressee"].error_messages["invalid_choice"] = INVALID_CHOICE
        # the examined units are the usual addressees: always offered, wherever they are in the tree
        offer(self, "addressee", self.fields["addressee"].queryset, first=likely)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("Trả lời"), choices=Answer.choices)
    answer_text = forms.CharField(label=_("Nội dung trả lời, lý do"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class ActionReportForm(forms.Form):
    action_text = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Minh chứng (tệp)"), required=False)


class DraftForm(forms.Form):
    draft_title = forms.CharField(label=_("Tên dự thảo"), max_length=300, required=False)
    draft_file = forms.FileField(label=_("Tệp dự thảo (.docx, .pdf, .txt)"))


class CommentForm(forms.Form):
    paragraph = forms.IntegerField(label=_("Đoạn số"), min_value=0, max_value=1_000_000)
    text = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 2}))


class PointForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến phản biện"), widget=forms.Textarea(attrs={"rows": 2}))
    paragraph = forms.IntegerField(label=_("Đoạn số (nếu có)"), required=False, min_value=0, max_value=1_000_000)


class MarkForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Kết quả tiếp thu"), choices=Outcome.choices)
    explanation = forms.CharField(label=_("Giải trình của cơ quan soạn thảo"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class TaskFromFindingForm(forms.Form):
    due = forms.DateField(label=_("Hạn hoàn thành"), required=False, widget=DATE)


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Tên chương trình"), max_length=300)
    lead_unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none())
    parties = forms.ModelMultipleChoiceField(label=_("Các bên phối hợp"), queryset=Unit.objects.all())
    start_year = forms.IntegerField(label=_("Từ năm"), min_value=1945, max_value=2100)
    end_year = forms.IntegerField(label=_("Đến năm"), min_value=1945, max_value=2100)
    content = forms.CharField(label=_("Nội dung phối hợp"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, leads=None, wanted: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = leads if leads is not None else Unit.objects.none()
        for name in ("lead_unit", "parties"):
            self.fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
        offer(self, "lead_unit", self.fields["lead_unit"].queryset)
        offer(self, "parties", Unit.objects.order_by("path"), wanted)


class ResultForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    results = forms.CharField(label=_("Kết quả"), widget=forms.Textarea(attrs={"rows": 3}))


class RuleForm(DatedRowForm):
    """A dated row of the response-deadline table; the service judges overlaps (core.dated_rows)."""

    class Meta:
        model = OversightRule
        fields = ["code", "days", "legal_basis", "is_default", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE, "valid_to": DATE}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["days"].max_value = 365
