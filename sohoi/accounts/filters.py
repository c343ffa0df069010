import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import Role
from .models import User


class UserFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên"), method="filter_q")
    role = django_filters.ChoiceFilter(label=_("Vai trò"), choices=Role.choices, field_name="role_links__role")

    class Meta:
        model = User
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        return qs.filter(Q(username__icontains=value) | Q(full_name__icontains=value)) if value else qs
