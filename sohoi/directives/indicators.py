"""The tracking figures of the dashboard and the periodic report (point 6 of letter 752-CV/TU: the Board
follows, urges and inspects; point 1: dissemination). See reports/registry.py.

Assignments are counted over `assignment_queryset` (the reader's scope, the one state rule in SQL) and link
to the assignment list with the same filters (`AssignmentFilter`: state, due_from/due_to, area, age,
document, unit); dissemination over `dissemination.selectors.overview` (two grouped queries) and links to
each document's coverage page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.deadlines import TrackState
from sohoi.core.lazy_text import interpolate_lazy
from sohoi.reports.registry import Filters, Indicator

from .dissemination.selectors import PARTY_GROUP, overview, overview_documents
from .filters import AGE_BUCKETS, age_q
from .models import Assignment, Document
from .selectors import OVERDUE_TOP, assignment_queryset, overdue_count, overdue_top

TOP = OVERDUE_TOP  # documents or units named in a breakdown; the list behind "all" has the rest


def _assignments(f: Filters):
    return assignment_queryset(user=f.user).filter(f.unit_q("unit__"))


def _list(f: Filters, **params: Any) -> str:
    return reverse("directives:assignment_list") + Filters(f.user, f.period, f.territory).query(
        territory_as="area", **params)


def _period(f: Filters) -> dict[str, str]:
    return {"due_from": f"{f.period.start:%Y-%m-%d}", "due_to": f"{f.period.end:%Y-%m-%d}"}


def _by_state(f: Filters) -> dict[str, int]:
    rows = (_assignments(f).filter(f.date_q("due_on")).order_by().values("state").annotate(n=Count("pk")))
    return {row["state"]: row["n"] for row in rows}


def _overdue_by(column: str):
    def compute(f: Filters) -> dict[str, int]:
        return overdue_top(user=f.user, column=column, within=f.unit_q("unit__"))[1]
    return compute


def _document_labels(keys: list[str]) -> dict[str, str]:
    return {str(pk): code or subject[:60] for pk, code, subject in
            Document.objects.filter(pk__in=[int(k) for k in keys]).values_list("pk", "code", "subject")}


def _unit_labels(keys: list[str]) -> dict[str, str]:
    from sohoi.orgs.models import Unit

    return {str(pk): name for pk, name in Unit.objects.filter(pk__in=[int(k) for k in keys]).values_list("pk", "name")}


def _top_list(**fixed: Any):
    """The list behind one bucket of a top-N breakdown; none for its sum (the list would hold every row,
    not only the top N)."""
    def url(f: Filters, bucket: str | None = None) -> str | None:
        return _list(f, state=TrackState.OPEN_OVERDUE.value, **{fixed["param"]: bucket}) if bucket else None
    return url


def _undated(f: Filters) -> dict[str, int]:
    qs = _assignments(f)
    return {bucket: qs.filter(age_q(bucket)).count() for bucket in AGE_BUCKETS}


def _dissemination_docs(f: Filters):
    with_group = Assignment.objects.filter(via_group__name=PARTY_GROUP).values("task__document_id")
    return overview_documents(user=f.user).filter(pk__in=with_group, date__lte=f.period.end)[:TOP]


def _not_disseminated(f: Filters) -> dict[str, int] | None:
    if f.territory is not None or f.field is not None:
        return None  # the coverage page has no territory or field filter
    return {str(row["document"].pk): row["not_held"] for row in overview(user=f.user, documents=_dissemination_docs(f))}


def _coverage_url(f: Filters, bucket: str | None = None) -> str | None:
    if bucket is None or f.territory is not None or f.field is not None:
        return None
    return reverse("directives:dissemination_coverage", args=[int(bucket)])


INDICATORS = [
    Indicator(
        key="directives.open_overdue", point=6,
        label=_("Việc được giao đang quá hạn"),
        definition=_("Lượt giao việc chưa hoàn thành đã quá hạn, tính đến hôm nay (không phân theo lĩnh vực "
                     "của hội: bộ lọc lĩnh vực không áp dụng)."),
        compute=lambda f: overdue_count(user=f.user, within=f.unit_q("unit__")),
        list_url=lambda f, bucket=None: _list(f, state=TrackState.OPEN_OVERDUE.value), compare=False),
    Indicator(
        key="directives.assignments_by_state", point=6,
        label=_("Việc được giao có hạn trong kỳ, theo tình trạng"),
        definition=_("Lượt giao việc có hạn hoàn thành trong kỳ, phân theo bốn tình trạng (và chưa bắt đầu), "
                     "tính đến hôm nay (không phân theo lĩnh vực của hội)."),
        compute=_by_state, list_url=lambda f, bucket=None: _list(f, state=bucket, **_period(f)),
        buckets=lambda: dict(TrackState.choices)),
    Indicator(
        key="directives.overdue_by_document", point=6,
        label=interpolate_lazy(_("Việc quá hạn theo văn bản (%(n)s văn bản nhiều nhất)"), {"n": TOP}),
        definition=interpolate_lazy(_("Lượt giao việc đang quá hạn, theo văn bản chỉ đạo (%(n)s văn bản nhiều nhất)."), {"n": TOP}),
        compute=_overdue_by("task__document_id"),
        list_url=_top_list(param="document"),
        bucket_labels=_document_labels, compare=False),
    Indicator(
        key="directives.overdue_by_unit", point=6,
        label=interpolate_lazy(_("Việc quá hạn theo đơn vị (%(n)s đơn vị nhiều nhất)"), {"n": TOP}),
        definition=interpolate_lazy(_("Lượt giao việc đang quá hạn, theo đơn vị thực hiện (%(n)s đơn vị nhiều nhất)."), {"n": TOP}),
        compute=_overdue_by("unit_id"),
        list_url=_top_list(param="unit"),
        bucket_labels=_unit_labels, compare=False),
    Indicator(
        key="directives.undated_by_age", point=6,
        label=_("Việc không có hạn còn mở, theo tuổi văn bản"),
        definition=_("Lượt giao việc không ghi hạn, chưa hoàn thành, theo thời gian từ ngày ban hành văn bản."),
        compute=_undated, list_url=lambda f, bucket=None: _list(f, age=bucket) if bucket else None,
        buckets=lambda: dict(AGE_BUCKETS), compare=False),
    Indicator(
        key="directives.not_disseminated", point=1,
        label=_("Cấp ủy chưa tổ chức quán triệt, theo văn bản"),
        definition=interpolate_lazy(_("Số cấp ủy được giao quán triệt văn bản mà chưa tổ chức (%(n)s văn bản gần nhất)."), {"n": TOP}),
        compute=_not_disseminated, list_url=_coverage_url, bucket_labels=_document_labels, compare=False,
        chart="none"),
]
