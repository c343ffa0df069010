import django_filters
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry


class AuditFilter(django_filters.FilterSet):
    action = django_filters.CharFilter(label=_("Hành động (bắt đầu bằng)"), lookup_expr="startswith")
    actor = django_filters.CharFilter(label=_("Tên đăng nhập"), field_name="actor__username")
    target = django_filters.CharFilter(label=_("Đối tượng"), field_name="target_repr", lookup_expr="icontains")
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="at", lookup_expr="date__gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="at", lookup_expr="date__lte")

    class Meta:
        model = AuditEntry
        fields: list[str] = []
