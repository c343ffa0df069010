"""One filter set per list: the web filter form and the API query parameters use the same fields."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.core.deadlines import TrackState, today
from sohoi.core.text import fold
from sohoi.orgs.models import AdminUnit

from .choices import Direction, DocType, System, Urgency
from .models import Assignment, Document, ProgressReport, Task

# Undated assignments by how long ago their document was issued (days: [low, high)).
AGE_BUCKETS = {"lt90": _("Dưới 3 tháng"), "90-365": _("Từ 3 tháng đến 1 năm"), "gt365": _("Trên 1 năm")}
AGE_DAYS = {"lt90": (0, 90), "90-365": (90, 365), "gt365": (365, None)}


def age_q(bucket: str, on: datetime.date | None = None) -> Q:
    """Open assignments without a due date whose document is `bucket` old on `on` (default today)."""
    on = on or today()
    low, high = AGE_DAYS[bucket]
    q = Q(due_on__isnull=True, done_on__isnull=True, task__document__date__lte=on - datetime.timedelta(days=low))
    if high is not None:
        q &= Q(task__document__date__gt=on - datetime.timedelta(days=high))
    return q


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Số ký hiệu, trích yếu, cơ quan"), method="filter_q")
    doc_type = django_filters.ChoiceFilter(label=_("Loại"), choices=DocType.choices)
    system = django_filters.ChoiceFilter(label=_("Hệ thống"), choices=System.choices)
    direction = django_filters.ChoiceFilter(label=_("Loại sổ"), choices=Direction.choices)
    urgency = django_filters.ChoiceFilter(label=_("Độ khẩn"), choices=Urgency.choices)
    year = django_filters.NumberFilter(label=_("Năm"), field_name="date", lookup_expr="year")
    parent = django_filters.NumberFilter(label=_("Thực hiện văn bản (mã)"), field_name="parent_id",
                                         widget=forms.HiddenInput)
    stubs = django_filters.BooleanFilter(label=_("Chỉ văn bản chưa vào sổ"), field_name="is_stub")

    class Meta:
        model = Document
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        if not value:
            return qs
        key = fold(value)
        return qs.filter(Q(code_key__contains=key.replace(" ", "")) | Q(issuer_key__contains=key)
                         | Q(subject__icontains=value))


class TaskFilter(django_filters.FilterSet):
    document = django_filters.NumberFilter(label=_("Văn bản (mã)"), field_name="document_id")
    lead = django_filters.NumberFilter(label=_("Đơn vị chủ trì (mã)"), field_name="lead_id")

    class Meta:
        model = Task
        fields: list[str] = []


class AssignmentFilter(django_filters.FilterSet):
    """Expects a queryset annotated with `state` (selectors.with_state)."""

    state = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=TrackState.choices)
    q = django_filters.CharFilter(label=_("Đơn vị (không cần dấu)"), method="filter_q")
    document = django_filters.NumberFilter(label=_("Văn bản (mã)"), field_name="task__document_id",
                                           widget=forms.HiddenInput)
    task = django_filters.NumberFilter(label=_("Nhiệm vụ (mã)"), field_name="task_id",
                                       widget=forms.HiddenInput)
    unit = django_filters.NumberFilter(label=_("Đơn vị (mã)"), field_name="unit_id",
                                       widget=forms.HiddenInput)
    # The filters behind the dashboard's figures (reports/registry.py): the unit's territory with what it
    # covers, the due date within a period, and undated assignments by the age of their document.
    area = django_filters.ModelChoiceFilter(label=_("Địa bàn của đơn vị"), method="filter_area",
                                            queryset=AdminUnit.objects.all(), widget=forms.HiddenInput)
    due_from = django_filters.DateFilter(label=_("Hạn từ ngày"), field_name="due_on", lookup_expr="gte",
                                         widget=forms.HiddenInput)
    due_to = django_filters.DateFilter(label=_("Hạn đến ngày"), field_name="due_on", lookup_expr="lte",
                                       widget=forms.HiddenInput)
    age = django_filters.ChoiceFilter(label=_("Không có hạn, theo tuổi văn bản"), method="filter_age",
                                      choices=list(AGE_BUCKETS.items()))

    class Meta:
        model = Assignment
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        return qs.filter(unit__name_folded__contains=fold(value)) if value else qs

    def filter_area(self, qs, name, value):
        from sohoi.core.scoping import area_ids

        return qs.filter(unit__area__in=area_ids(value)) if value else qs

    def filter_age(self, qs, name, value):
        return qs.filter(age_q(value)) if value in AGE_BUCKETS else qs


class ReportFilter(django_filters.FilterSet):
    status = django_filters.CharFilter(label=_("Trạng thái"))
    assignment = django_filters.NumberFilter(field_name="assignment_id")
    document = django_filters.NumberFilter(field_name="assignment__task__document_id")

    class Meta:
        model = ProgressReport
        fields: list[str] = []
