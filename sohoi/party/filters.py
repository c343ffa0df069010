"""One filter set per list: it drives the filter form on the page and the API query parameters."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.core.filters import offer_choices
from sohoi.core.text import fold
from sohoi.orgs.models import AdminUnit, Unit

from .choices import Grade, OrgKind, OrgStatus
from .models import PartyOrganisation, QualityRating

SUPERIOR_CHOICES = 50


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên hội hoặc tổ chức đảng"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Loại hình"), choices=OrgKind.choices)
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=OrgStatus.choices)
    # Any committee is a valid value; the list offers the first SUPERIOR_CHOICES in tree order among those of
    # the organisations in the list, and the text box finds the others (the list must not grow with the data).
    superior = django_filters.ModelChoiceFilter(
        label=_("Cấp ủy cấp trên"), method="filter_superior", queryset=Unit.objects.filter(kind="party_committee"))
    superior_q = django_filters.CharFilter(label=_("Cấp ủy cấp trên (gõ tên)"), method="filter_superior_q",
                                           max_length=200)
    # The filters behind the dashboard's figures (reports/registry.py): the association's territory with what it
    # covers, its field, and a rating ("2025-excellent": rated that grade that year).
    area = django_filters.ModelChoiceFilter(label=_("Địa bàn của hội"), method="filter_area",
                                            queryset=AdminUnit.objects.all(), widget=forms.HiddenInput)
    field = django_filters.NumberFilter(label=_("Lĩnh vực của hội (mã)"), field_name="association__field_id",
                                        widget=forms.HiddenInput)
    rated = django_filters.CharFilter(label=_("Xếp loại (năm-loại)"), method="filter_rated", max_length=40,
                                      widget=forms.HiddenInput)

    class Meta:
        model = PartyOrganisation
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        key = fold(value)
        return qs.filter(Q(association__name_folded__contains=key) | Q(name__icontains=value.strip()))

    @property
    def form(self):
        if not hasattr(self, "_form"):
            offer_choices(super().form, "superior", self._superiors)
        return self._form

    def _superiors(self, selected: int | None):
        offered = Unit.objects.filter(pk__in=self.queryset.order_by().values("superior_id")).order_by("path")
        ids = list(offered.values_list("pk", flat=True)[:SUPERIOR_CHOICES]) + ([selected] if selected else [])
        return Unit.objects.filter(pk__in=ids, kind="party_committee").order_by("path")

    def filter_superior(self, qs, name, value):
        return qs.filter(superior__path__startswith=value.path)

    def filter_area(self, qs, name, value):
        from sohoi.core.scoping import area_ids

        return qs.filter(association__territory__in=area_ids(value)) if value else qs

    def filter_rated(self, qs, name, value):
        year, _sep, grade = (value or "").partition("-")
        if not year.isdigit() or grade not in Grade.values:
            return qs.none() if value else qs
        return qs.filter(pk__in=QualityRating.objects.filter(year=int(year), grade=grade).values("organisation_id"))

    def filter_superior_q(self, qs, name, value):
        return qs.filter(superior__name__icontains=value.strip()) if value and value.strip() else qs


class RatingFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Năm"))
    grade = django_filters.ChoiceFilter(label=_("Xếp loại"), choices=Grade.choices)
    organisation = django_filters.NumberFilter(label=_("Tổ chức đảng"), field_name="organisation_id")

    class Meta:
        model = QualityRating
        fields: list[str] = []
