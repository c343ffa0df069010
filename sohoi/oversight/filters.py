"""One filter set per list: the filter form on the page and the API query parameters."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from sohoi.core.deadlines import TrackState

from .choices import Answer, Kind, State
from .models import Activity, Recommendation


class ActivityFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=Kind.choices)
    state = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=State.choices)
    q = django_filters.CharFilter(label=_("Nội dung (một phần)"), field_name="subject", lookup_expr="icontains",
                                  max_length=200)
    year = django_filters.NumberFilter(label=_("Năm"), field_name="planned_start", lookup_expr="year")
    unit = django_filters.NumberFilter(label=_("Đơn vị tham gia hoặc được giám sát (mã)"), method="filter_unit")
    overdue = django_filters.BooleanFilter(label=_("Có kiến nghị quá hạn trả lời"), method="filter_overdue")
    point = django_filters.ChoiceFilter(label=_("Điểm của Công văn 752"), method="filter_point",
                                        choices=[("3", _("3: giám sát, phản biện")), ("6", _("6: kiểm tra"))])

    class Meta:
        model = Activity
        fields: list[str] = []

    def filter_unit(self, qs, name, value):
        from django.db.models import Q

        ids = Activity.objects.filter(Q(lead_unit_id=value) | Q(participants__id=value) | Q(examined__id=value)
                                      | Q(recommendations__addressee_id=value)).values("pk")
        return qs.filter(pk__in=ids)

    def filter_point(self, qs, name, value):
        return qs.filter(kind__in=POINT_KINDS.get(str(value), ()))

    def filter_overdue(self, qs, name, value):
        from .selectors import recommendation_states

        late = recommendation_states(Recommendation.objects.all()).filter(state=TrackState.OPEN_OVERDUE).values("activity_id")
        return qs.filter(pk__in=late) if value else qs.exclude(pk__in=late)


class RecommendationFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label=_("Tình trạng trả lời"), choices=TrackState.choices,
                                        field_name="state")
    answer = django_filters.ChoiceFilter(label=_("Trả lời"), choices=Answer.choices)
    kind = django_filters.ChoiceFilter(label=_("Loại hoạt động"), choices=Kind.choices, field_name="activity__kind")
    addressee = django_filters.NumberFilter(label=_("Đơn vị nhận kiến nghị (mã)"), field_name="addressee_id")
    activity = django_filters.NumberFilter(label=_("Hoạt động (mã)"), field_name="activity_id")
    point = django_filters.ChoiceFilter(label=_("Điểm của Công văn 752"), method="filter_point",
                                        choices=[("3", _("3: giám sát, phản biện")), ("6", _("6: kiểm tra"))])

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def filter_point(self, qs, name, value):
        return qs.filter(activity__kind__in=POINT_KINDS.get(str(value), ()))


POINT_KINDS = {"3": (Kind.SUPERVISION, Kind.CRITICISM), "6": (Kind.INSPECTION,)}
