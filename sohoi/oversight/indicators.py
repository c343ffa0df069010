"""Oversight figures for the dashboard and the periodic report (reports/registry.py): the letter's point 3
(the Front's supervision and social criticism) and point 6 (the Party boards' inspections). Counted in SQL,
scoped to the reader through the selectors; each figure's list is the page with the same filters.
Both are stocks (everything the reader sees, classified today), so they are not compared with a previous
period; the territory and field filters do not apply to oversight work."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.deadlines import TrackState
from sohoi.reports.registry import Filters, Indicator

from .choices import Kind, State
from .filters import POINT_KINDS
from .selectors import activity_queryset, recommendation_queryset

REC_BUCKETS = {TrackState.DONE_ON_TIME.value: _("Trả lời đúng hạn"), TrackState.DONE_LATE.value: _("Trả lời quá hạn"),
               TrackState.OPEN_OVERDUE.value: _("Quá hạn, chưa trả lời"),
               TrackState.NOT_STARTED.value: _("Chưa đến hạn")}


def _recommendations(point: str):
    def compute(f: Filters) -> dict[str, int]:
        qs = recommendation_queryset(user=f.user).filter(activity__kind__in=POINT_KINDS[point])
        counts = {r["state"]: r["n"] for r in qs.order_by().values("state").annotate(n=Count("pk"))}
        return {b: counts.get(b, 0) for b in REC_BUCKETS}

    return compute


def _rec_list(point: str):
    return lambda f, bucket=None: reverse("oversight:recommendation_list") + f"?point={point}" + (
        f"&state={bucket}" if bucket else "")


def _activities(point: str):
    def compute(f: Filters) -> dict[str, int]:
        qs = activity_queryset(user=f.user).filter(kind__in=POINT_KINDS[point])
        return {f"{r['kind']}.{r['state']}": r["n"]
                for r in qs.order_by().values("kind", "state").annotate(n=Count("pk"))}

    return compute


def _activity_buckets(point: str):
    return lambda: {f"{k}.{s}": f"{Kind(k).label}: {State(s).label}" for k in POINT_KINDS[point] for s in State.values}


def _activity_list(f: Filters, bucket: str | None = None) -> str:
    url = reverse("oversight:activity_list")
    if not bucket:
        return url
    kind, _sep, state = bucket.partition(".")
    return url + f"?kind={kind}&state={state}"


INDICATORS = [
    Indicator(key="oversight.front_recommendations", point=3, label=_("Kiến nghị giám sát, phản biện theo tình trạng"),
              definition=_("Kiến nghị của các cuộc giám sát, phản biện xã hội trong phạm vi người xem: trả lời đúng "
                           "hạn, quá hạn, quá hạn chưa trả lời, chưa đến hạn (tính đến hôm nay)."),
              compute=_recommendations("3"), list_url=_rec_list("3"), buckets=lambda: dict(REC_BUCKETS), compare=False),
    Indicator(key="oversight.front_activities", point=3, label=_("Giám sát, phản biện xã hội theo loại và trạng thái"),
              definition=_("Số hoạt động giám sát, phản biện xã hội trong phạm vi người xem, theo loại và trạng thái."),
              compute=_activities("3"), list_url=_activity_list, buckets=_activity_buckets("3"), compare=False),
    Indicator(key="oversight.inspection_recommendations", point=6, label=_("Kiến nghị sau kiểm tra theo tình trạng"),
              definition=_("Kiến nghị của các cuộc kiểm tra trong phạm vi người xem, theo tình trạng trả lời."),
              compute=_recommendations("6"), list_url=_rec_list("6"), buckets=lambda: dict(REC_BUCKETS), compare=False),
    Indicator(key="oversight.inspections", point=6, label=_("Cuộc kiểm tra theo trạng thái"),
              definition=_("Số cuộc kiểm tra việc thực hiện chỉ thị trong phạm vi người xem, theo trạng thái."),
              compute=_activities("6"), list_url=_activity_list, buckets=_activity_buckets("6"), compare=False),
]
