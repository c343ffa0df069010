from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sohoi.accounts.models import User
from sohoi.core.dated_rows import DatedRowForm
from sohoi.core.lookup import searchable
from sohoi.core.permissions import allowed
from sohoi.core.scoping import restrict
from sohoi.core.widgets import DateWidget

from .choices import Direction, Recurrence, Secrecy, Urgency
from .models import DeadlineRule, Document


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


# Dates typed as people write them (dd/mm/yyyy) whatever the browser's language; ISO still accepted from
# scripts and older pages.
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d"]


DateInput = DateWidget  # the one date widget of the project (dd/mm/yyyy), under the name this module used


def _readers_field(user: Any) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("Người được đọc (văn bản mật)"), required=False,
        queryset=restrict(User.objects.filter(is_active=True).order_by("username"), user),
        help_text=_("Chỉ những người này (và người vào sổ) thấy văn bản mật."),
        widget=forms.SelectMultiple(attrs={"size": 6}))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp văn bản (.txt, .docx, .pdf có lớp chữ)"))
    direction = forms.ChoiceField(label=_("Loại sổ"), choices=Direction.choices, initial=Direction.INCOMING)
    received_on = forms.DateField(label=_("Ngày đến"), required=False, widget=DateInput())
    incoming_no = forms.CharField(label=_("Số đến"), required=False, max_length=30)
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices, initial=Urgency.NORMAL)
    secrecy = forms.ChoiceField(label=_("Độ mật"), choices=Secrecy.choices, initial=Secrecy.NORMAL)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["readers"] = _readers_field(user)
        _grade_only_for_registrars(self, user)

    def meta(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("file")
        data["readers"] = list(data.get("readers") or [])
        return data


def _grade_only_for_registrars(form: forms.BaseForm, user: Any, document: Document | None = None) -> None:
    """Secrecy and readers are offered only to those the service lets set them."""
    if not allowed(user, "directives.set_secrecy", document):
        form.fields.pop("secrecy", None)
        form.fields.pop("readers", None)


class DocumentForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Document
        fields = ["code", "number", "symbol", "doc_type", "system", "issuer_name", "issuer", "date", "place",
                  "subject", "signer_name", "signer_title", "direction", "received_on", "incoming_no", "urgency",
                  "secrecy", "parent"]
        widgets = {"date": DateInput(), "received_on": DateInput(), "subject": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["readers"] = _readers_field(user)
        if self.instance.pk:
            self.fields["readers"].initial = list(self.instance.readers.values_list("pk", flat=True))
            self.fields["version"].initial = self.instance.version
        self.fields["parent"].queryset = restrict(Document.objects.exclude(pk=self.instance.pk), user)
        from sohoi.orgs.models import Unit

        self.fields["issuer"].queryset = Unit.objects.order_by("path")
        searchable(self, "issuer", "units")  # 400+ units: search as you type (core.lookup)
        _grade_only_for_registrars(self, user, self.instance if self.instance.pk else None)

    def _post_clean(self) -> None:
        # The service validates and saves; the form only converts input.
        pass


class ReportForm(forms.Form):
    text = forms.CharField(label=_("Nội dung báo cáo"), widget=forms.Textarea(attrs={"rows": 5}))
    percent = forms.IntegerField(label=_("Tiến độ (%)"), required=False, min_value=0, max_value=100)
    milestone = forms.CharField(label=_("Mốc đã đạt"), required=False, max_length=300)
    is_final = forms.BooleanField(label=_("Đã hoàn thành nhiệm vụ"), required=False)
    done_on = forms.DateField(label=_("Ngày thực hiện xong"), required=False, input_formats=DATE_FORMATS,
                              help_text=_("Ngày việc thực sự được làm (ví dụ ngày hội nghị), dạng dd/mm/yyyy; "
                                          "đúng hạn hay quá hạn xét theo ngày này."))
    files = MultipleFileField(label=_("Tệp đính kèm"), required=False)


class ReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[("accept", _("Chấp nhận")), ("return", pgettext_lazy("nút", "Trả lại"))])
    comment = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReviewTaskForm(forms.Form):
    """One task of the review screen (prefix `t<i>`). The printed names beside it (leads, coordinators) are
    read by the view; this form converts the typed fields, dates as dd/mm/yyyy whatever the browser's
    language. `default_deadline` carries the rule-table date shown, so an edited date stops being "theo
    mặc định"."""

    no = forms.CharField(label=_("Số mục"), required=False, max_length=20,
                         widget=forms.TextInput(attrs={"size": 5}))
    include = forms.BooleanField(label=_("Giao nhiệm vụ này"), required=False)
    text = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                           strip=False)
    deadline = forms.DateField(label=_("Hạn hoàn thành"), required=False, input_formats=DATE_FORMATS,
                               widget=DateWidget(),
                               error_messages={"invalid": _("Ngày không hợp lệ: nhập dạng dd/mm/yyyy, "
                                                            "ví dụ 31/12/2026.")})
    default_deadline = forms.CharField(required=False, widget=forms.HiddenInput)
    rule = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.CharField(required=False, widget=forms.HiddenInput)
    recurrence = forms.ChoiceField(label=_("Định kỳ báo cáo"), required=False, choices=Recurrence.choices)


class DeadlineRuleForm(DatedRowForm):
    """A dated row of the default task deadlines; blank type or recurrence = the fallback row. The service
    judges overlaps (core.dated_rows)."""

    class Meta:
        model = DeadlineRule
        fields = ["doc_type", "recurrence", "days", "legal_basis", "is_default", "valid_from", "valid_to"]
