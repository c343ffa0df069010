"""One filter set per list: it drives the filter form on the page and the API query parameters."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.core.text import fold
from sohoi.orgs.models import Unit

from .choices import Grade, OrgKind, OrgStatus
from .models import PartyOrganisation, QualityRating


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên hội hoặc tổ chức đảng"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Loại hình"), choices=OrgKind.choices)
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=OrgStatus.choices)
    superior = django_filters.ModelChoiceFilter(
        label=_("Cấp ủy cấp trên"), method="filter_superior",
        queryset=Unit.objects.filter(party_organisations__isnull=False).distinct().order_by("path"))

    class Meta:
        model = PartyOrganisation
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        key = fold(value)
        return qs.filter(Q(association__name_folded__contains=key) | Q(name__icontains=value.strip()))

    def filter_superior(self, qs, name, value):
        return qs.filter(superior__path__startswith=value.path)


class RatingFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Năm"))
    grade = django_filters.ChoiceFilter(label=_("Xếp loại"), choices=Grade.choices)
    organisation = django_filters.NumberFilter(label=_("Tổ chức đảng"), field_name="organisation_id")

    class Meta:
        model = QualityRating
        fields: list[str] = []
