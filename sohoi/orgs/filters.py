import django_filters
from django.utils.translation import gettext_lazy as _

from sohoi.core.text import fold

from .choices import AdminKind, UnitKind
from .models import AdminUnit, Unit


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên (không cần dấu)"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=UnitKind.choices)
    current = django_filters.BooleanFilter(label=_("Chỉ đơn vị đang hoạt động"), method="filter_current")

    class Meta:
        model = Unit
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        return qs.filter(name_folded__contains=fold(value)) if value else qs

    def filter_current(self, qs, name, value):
        return qs.valid_on() if value else qs


class AdminUnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên"), field_name="name", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=AdminKind.choices)
    parent = django_filters.ModelChoiceFilter(label=_("Thuộc tỉnh, thành phố"),
                                              queryset=AdminUnit.objects.filter(kind=AdminKind.PROVINCE))

    class Meta:
        model = AdminUnit
        fields: list[str] = []
