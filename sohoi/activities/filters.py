"""One filter set per list: it drives the filter form on the page and the API query parameters."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.associations.models import FieldOfActivity
from sohoi.core.deadlines import today
from sohoi.core.text import fold

from .choices import BudgetSource, CaseKind, CaseOutcome, Direction, ReportStatus, ReviewKind
from .finance import ADMIN_FLAG
from .models import (
    Exchange,
    FinanceYear,
    ForeignProject,
    GoodModel,
    MemberCase,
    Review,
    StateSupport,
    StateTask,
    YearlyReport,
)


class _AssociationFilter(django_filters.FilterSet):
    """`q`: the association's name (without diacritics is fine); `association`: its id."""

    association_path = "association"
    q = django_filters.CharFilter(label=_("Tên hội"), method="filter_q", max_length=200)
    association = django_filters.NumberFilter(label=_("Mã hội"), method="filter_association")
    # The dashboard's filters (reports.registry.Filters.query), so a figure's list shows the same rows.
    territory = django_filters.NumberFilter(label=_("Mã địa bàn"), method="filter_territory", widget=forms.HiddenInput)
    field = django_filters.NumberFilter(label=_("Mã lĩnh vực"), method="filter_field", widget=forms.HiddenInput)

    def filter_q(self, qs, name, value):
        key = fold(value)
        return qs.filter(**{f"{self.association_path}__name_folded__contains": key}) if key else qs

    def filter_association(self, qs, name, value):
        return qs.filter(**{f"{self.association_path}_id": int(value)})

    def filter_territory(self, qs, name, value):
        return qs.filter(**{f"{self.association_path}__territory__in": territory_area(int(value))})

    def filter_field(self, qs, name, value):
        return qs.filter(**{f"{self.association_path}__field_id": int(value)})


def territory_area(pk: int) -> list[int]:
    """The administrative units a territory filter covers (core.scoping.area_ids), or none for an unknown id."""
    from sohoi.core.scoping import area_ids
    from sohoi.orgs.models import AdminUnit

    unit = AdminUnit.objects.filter(pk=pk).first()
    return area_ids(unit) if unit is not None else []


class StateTaskFilter(_AssociationFilter):
    year = django_filters.NumberFilter(label=_("Năm"), method="filter_year")

    class Meta:
        model = StateTask
        fields: list[str] = []

    def filter_year(self, qs, name, value):
        y = int(value)
        return qs.filter(Q(year_to__isnull=True) | Q(year_to__gte=y), year_from__lte=y)


class StateSupportFilter(_AssociationFilter):
    association_path = "task__association"
    year = django_filters.NumberFilter(label=_("Năm"))
    budget_source = django_filters.ChoiceFilter(label=_("Nguồn kinh phí"), choices=BudgetSource.choices)

    class Meta:
        model = StateSupport
        fields: list[str] = []


class FinanceFilter(_AssociationFilter):
    year = django_filters.NumberFilter(label=_("Năm"))
    flagged = django_filters.BooleanFilter(label=_("Có dấu hiệu hành chính hóa"), method="filter_flagged")

    class Meta:
        model = FinanceYear
        fields: list[str] = []

    def filter_flagged(self, qs, name, value):
        return qs.filter(admin_index__gte=ADMIN_FLAG) if value else qs.filter(admin_index__lt=ADMIN_FLAG)


class YearlyReportFilter(_AssociationFilter):
    year = django_filters.NumberFilter(label=_("Năm báo cáo"))
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ReportStatus.choices)

    class Meta:
        model = YearlyReport
        fields: list[str] = []


class ReviewFilter(django_filters.FilterSet):
    document = django_filters.NumberFilter(label=_("Mã văn bản"), field_name="document_id")
    kind = django_filters.ChoiceFilter(label=_("Hình thức"), choices=ReviewKind.choices)
    unit_q = django_filters.CharFilter(label=_("Đơn vị"), field_name="unit__name", lookup_expr="icontains",
                                       max_length=200)

    class Meta:
        model = Review
        fields: list[str] = []


class GoodModelFilter(_AssociationFilter):
    field = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=FieldOfActivity.objects.all())
    title = django_filters.CharFilter(label=_("Tên mô hình"), lookup_expr="icontains", max_length=200)

    class Meta:
        model = GoodModel
        fields: list[str] = []


class ExchangeFilter(_AssociationFilter):
    direction = django_filters.ChoiceFilter(label=_("Loại đoàn"), choices=Direction.choices)
    country = django_filters.CharFilter(label=_("Quốc gia"), lookup_expr="icontains", max_length=100)
    report_missing = django_filters.BooleanFilter(label=_("Quá hạn chưa báo cáo"), method="filter_missing")

    class Meta:
        model = Exchange
        fields: list[str] = []

    def filter_missing(self, qs, name, value):
        late = Q(reported_on__isnull=True, report_due__lt=today())
        return qs.filter(late) if value else qs.exclude(late)


class ForeignProjectFilter(_AssociationFilter):
    country = django_filters.CharFilter(label=_("Quốc gia"), lookup_expr="icontains", max_length=100)

    class Meta:
        model = ForeignProject
        fields: list[str] = []


class MemberCaseFilter(_AssociationFilter):
    kind = django_filters.ChoiceFilter(label=_("Loại vụ việc"), choices=CaseKind.choices)
    outcome = django_filters.ChoiceFilter(label=_("Kết quả"), choices=CaseOutcome.choices)

    class Meta:
        model = MemberCase
        fields: list[str] = []
