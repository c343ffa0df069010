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


def offer_choices(form, name: str, choices) -> None:
    """Show a bounded list in a model-choice filter whose queryset accepts any row (a link, the API, the
    text box beside it find the others): `choices(selected_pk)` returns the rows to offer, the selected one
    included, so the form's list does not grow with the data (design.md §13)."""
    field = form.fields[name]
    raw = field.widget.format_value(form[name].value())
    selected = next((int(v) for v in raw if str(v).isdigit() and len(str(v)) < 10), None)
    field.widget.choices = [("", field.empty_label)] + [(row.pk, str(row)) for row in choices(selected)]
