"""Forms of the activities pages: they parse types only; every rule (and every Vietnamese message about it) is
in the services they call, so a page, the API and a command are judged alike."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sohoi.associations.models import FieldOfActivity
from sohoi.core.filters import offer_choices
from sohoi.core.lookup import searchable
from sohoi.core.widgets import DateWidget
from sohoi.directives.models import Document
from sohoi.orgs.models import Unit

from .choices import (
    EXPENSE_LINES,
    REVENUE_LINES,
    BudgetSource,
    CaseKind,
    CaseOutcome,
    Direction,
    ReplicationResult,
    ReviewKind,
)
from .services.common import cap

DATE = DateWidget()  # the one date widget (dd/mm/yyyy); plain forms.DateField gets it anyway
OFFERED = 30
INVALID_CHOICE = _("Lựa chọn không hợp lệ. Chọn một mục trong danh sách.")


def _money(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=_("%(l)s (đồng)") % {"l": cap(str(label))}, required=False,
                              initial=0, widget=forms.NumberInput(attrs={"step": 1}))


def offer_documents(form: forms.Form, documents) -> None:
    """The document list offers the most recent documents the user may see and the one chosen (bounded)."""
    form.fields["document"].queryset = documents
    form.fields["document"].error_messages["invalid_choice"] = INVALID_CHOICE

    def offered(selected: int | None):
        ids = list(documents.order_by("-date", "-pk").values_list("pk", flat=True)[:OFFERED])
        return documents.filter(pk__in=ids + ([selected] if selected else [])).order_by("-date", "-pk")

    offer_choices(form, "document", offered)


class StateTaskForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Văn bản giao nhiệm vụ (trong sổ văn bản)"), required=False,
                                      queryset=Document.objects.none())
    document_number = forms.CharField(label=_("hoặc số, ký hiệu văn bản"), max_length=100, required=False)
    content = forms.CharField(label=_("Nội dung nhiệm vụ được giao"), widget=forms.Textarea(attrs={"rows": 3}),
                              required=False)
    year_from = forms.IntegerField(label=_("Từ năm"), required=False)
    year_to = forms.IntegerField(label=_("Đến năm (để trống: thường xuyên)"), required=False)

    def __init__(self, *args: Any, documents=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        offer_documents(self, documents if documents is not None else Document.objects.none())


class StateSupportForm(forms.Form):
    task = forms.ModelChoiceField(label=_("Nhiệm vụ được giao mà kinh phí chi cho"), required=False,
                                  queryset=None)
    year = forms.IntegerField(label=_("Năm"), required=False)
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), required=False)
    budget_source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=[("", "—"), *BudgetSource.choices],
                                      required=False)
    document_number = forms.CharField(label=_("Số văn bản quyết định cấp kinh phí"), max_length=100, required=False)
    decided_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE, required=False)

    def __init__(self, *args: Any, tasks=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = tasks
        self.fields["task"].error_messages["invalid_choice"] = INVALID_CHOICE


class FinanceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    year = forms.IntegerField(label=_("Năm tài chính"), required=False)
    revenue_total = forms.IntegerField(label=_("Tổng thu (đồng)"), required=False)
    expenditure_total = forms.IntegerField(label=_("Tổng chi (đồng)"), required=False)
    staff_paid = forms.IntegerField(label=_("Số người làm việc hưởng lương"), required=False, initial=0)
    staff_state_paid = forms.IntegerField(label=_("Trong đó: hưởng lương từ ngân sách Nhà nước"), required=False,
                                          initial=0)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields = dict(self.fields)
        order = ["version", "year"] + [*REVENUE_LINES, "revenue_total"] + [*EXPENSE_LINES, "expenditure_total"]
        for name, label in {**REVENUE_LINES, **EXPENSE_LINES}.items():
            fields[name] = _money(label)
        self.fields = {name: fields[name] for name in [*order, "staff_paid", "staff_state_paid", "note"]}


class YearlyReportForm(forms.Form):
    year = forms.IntegerField(label=_("Năm báo cáo"), required=False)
    members = forms.IntegerField(label=_("Số hội viên cuối năm"), required=False, initial=0)
    branches = forms.IntegerField(label=_("Số chi hội, hội cơ sở"), required=False, initial=0)
    activities = forms.CharField(label=_("Kết quả hoạt động chính"), widget=forms.Textarea(attrs={"rows": 5}),
                                 required=False)
    organisation = forms.CharField(label=_("Tình hình tổ chức (đại hội, lãnh đạo, điều lệ)"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    difficulties = forms.CharField(label=_("Khó khăn, hạn chế"), widget=forms.Textarea(attrs={"rows": 3}),
                                   required=False)
    proposals = forms.CharField(label=_("Kiến nghị, đề xuất"), widget=forms.Textarea(attrs={"rows": 3}),
                                required=False)
    attachment = forms.FileField(label=_("Tệp báo cáo (PDF, Word, Excel hoặc ảnh)"), required=False)


class TransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Ý kiến (bắt buộc khi trả lại)"), widget=forms.Textarea(attrs={"rows": 3}),
                              required=False)


class ResubmitForm(forms.Form):
    activities = forms.CharField(label=_("Kết quả hoạt động chính"), widget=forms.Textarea(attrs={"rows": 5}),
                                 required=False)
    attachment = forms.FileField(label=_("Tệp báo cáo đã bổ sung"), required=False)


class ReviewForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Văn bản được sơ kết, tổng kết"), required=False,
                                      queryset=Document.objects.none())
    programme = forms.CharField(label=_("hoặc tên chương trình"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=[("", "—"), *ReviewKind.choices], required=False)
    held_on = forms.DateField(label=_("Ngày tổ chức"), widget=DATE, required=False)
    period_from = forms.DateField(label=_("Giai đoạn từ"), widget=DATE, required=False)
    period_to = forms.DateField(label=_("Giai đoạn đến"), widget=DATE, required=False)
    findings = forms.CharField(label=_("Kết quả đạt được"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    strengths = forms.CharField(label=_("Ưu điểm"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    weaknesses = forms.CharField(label=_("Hạn chế, nguyên nhân"), widget=forms.Textarea(attrs={"rows": 2}),
                                 required=False)
    proposals = forms.CharField(label=_("Kiến nghị, đề xuất"), widget=forms.Textarea(attrs={"rows": 2}),
                                required=False)
    attachment = forms.FileField(label=_("Tệp báo cáo (PDF, Word, Excel hoặc ảnh)"), required=False)

    def __init__(self, *args: Any, documents=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        offer_documents(self, documents if documents is not None else Document.objects.none())


class GoodModelForm(forms.Form):
    title = forms.CharField(label=_("Tên mô hình"), max_length=300, required=False)
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=FieldOfActivity.objects.order_by("order"),
                                   required=False)
    started_on = forms.DateField(label=_("Bắt đầu từ"), widget=DATE, required=False)
    description = forms.CharField(label=_("Mô tả cách làm"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    results = forms.CharField(label=_("Kết quả (có số liệu)"), widget=forms.Textarea(attrs={"rows": 3}),
                              required=False)
    beneficiaries = forms.IntegerField(label=_("Số người hưởng lợi"), required=False, initial=0)
    commendations = forms.CharField(label=_("Khen thưởng, biểu dương"), widget=forms.Textarea(attrs={"rows": 2}),
                                    required=False)
    evidence = forms.FileField(label=_("Tệp minh chứng (PDF, Word, Excel hoặc ảnh)"), required=False)


class ReplicationForm(forms.Form):
    adopter = forms.ModelChoiceField(label=_("Đơn vị áp dụng"), queryset=Unit.objects.all(), required=False)
    adopted_on = forms.DateField(label=_("Ngày áp dụng"), widget=DATE, required=False)
    result = forms.ChoiceField(label=_("Kết quả"), choices=ReplicationResult.choices, required=False)
    note = forms.CharField(label=_("Ghi chú kết quả"), max_length=500, required=False)

    def __init__(self, *args: Any, units=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        units = units if units is not None else Unit.objects.none()
        self.fields["adopter"].queryset = units
        self.fields["adopter"].error_messages["invalid_choice"] = INVALID_CHOICE

        def offered(selected: int | None):
            ids = list(units.order_by("path").values_list("pk", flat=True)[:50])
            return units.filter(pk__in=ids + ([selected] if selected else [])).order_by("path")

        offer_choices(self, "adopter", offered)
        searchable(self, "adopter", "units")  # a search box beside the bounded list (core.lookup)


class ExchangeForm(forms.Form):
    direction = forms.ChoiceField(label=_("Loại đoàn"), choices=[("", "—"), *Direction.choices], required=False)
    partner = forms.CharField(label=_("Tổ chức đối tác"), max_length=300, required=False)
    country = forms.CharField(label=_("Quốc gia"), max_length=100, required=False)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE, required=False)
    purpose = forms.CharField(label=_("Mục đích, nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    approval_number = forms.CharField(label=_("Số văn bản cho phép"), max_length=100, required=False)
    report_due = forms.DateField(label=_("Hạn báo cáo kết quả (để trống: 15 ngày sau chuyến đi)"), widget=DATE,
                                 required=False)


class ExchangeReportForm(forms.Form):
    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=DATE, required=False)
    report_summary = forms.CharField(label=_("Tóm tắt kết quả"), widget=forms.Textarea(attrs={"rows": 4}),
                                     required=False)


class ForeignProjectForm(forms.Form):
    title = forms.CharField(label=_("Tên dự án"), max_length=300, required=False)
    donor = forms.CharField(label=_("Nhà tài trợ"), max_length=300, required=False)
    country = forms.CharField(label=_("Quốc gia"), max_length=100, required=False)
    amount = forms.IntegerField(label=_("Giá trị (đồng)"), required=False)
    approval_number = forms.CharField(label=_("Số quyết định phê duyệt"), max_length=100, required=False)
    approved_on = forms.DateField(label=_("Ngày phê duyệt"), widget=DATE, required=False)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE, required=False)


class MemberCaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại vụ việc"), choices=[("", "—"), *CaseKind.choices], required=False)
    raised_by = forms.CharField(label=_("Người, nhóm nêu (không ghi họ tên)"), max_length=200, required=False)
    raised_on = forms.DateField(label=_("Ngày tiếp nhận"), widget=DATE, required=False)
    summary = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    response = forms.CharField(label=_("Hội đã làm gì"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=CaseOutcome.choices, required=False)
    closed_on = forms.DateField(label=_("Ngày kết thúc"), widget=DATE, required=False)
