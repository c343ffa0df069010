"""The register's figures for the dashboard and the periodic report (see reports/registry.py).

Each counts in SQL over `association_queryset` (the reader's scope) and links to the register list with the
same conditions as query parameters (`AssociationFilter`: area, alert, founding, active, founded_from/_to), so
that a figure equals the count of its list."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.reports.registry import Filters, Indicator

from .choices import FOUNDING, ScopeLevel, Status
from .models import FieldOfActivity
from .selectors import alert_count, association_queryset, coverage_counts


def _visible(f: Filters):
    return association_queryset(user=f.user).filter(f.association_q())


def _grouped(f: Filters, column: str) -> dict[str, int]:
    rows = _visible(f).order_by().values(column).annotate(n=Count("pk"))
    return {str(row[column]): row["n"] for row in rows if row[column] is not None}


def _list(f: Filters, **params: Any) -> str:
    return reverse("associations:association_list") + f.query(territory_as="area", **params)


def _field_labels() -> dict[str, str]:
    return {str(pk): name for pk, name in FieldOfActivity.objects.order_by("name").values_list("pk", "name")}


def _field_list(f: Filters, bucket: str | None = None) -> str | None:
    if bucket and f.field is not None and bucket != str(f.field.pk):
        return None  # another field than the one filtered on: 0 by definition
    return _list(f, field=bucket) if bucket else _list(f)


def _founded(f: Filters) -> int:
    return _visible(f).filter(f.date_q("founding_decision_date")).count()


def _alert(kind: str):
    def compute(f: Filters) -> int:
        return alert_count(kind, user=f.user, within=f.association_q())
    return compute


def _without_officer(f: Filters) -> int:
    return coverage_counts(user=f.user, within=f.association_q())["uncovered_count"]


INDICATORS = [
    Indicator(
        key="associations.by_status", point=2,
        label=_("Hội theo tình trạng"),
        definition=_("Số hội trong phạm vi người xem, theo tình trạng pháp lý hiện tại."),
        compute=lambda f: _grouped(f, "status"),
        list_url=lambda f, bucket=None: _list(f, status=bucket), buckets=lambda: dict(Status.choices),
        compare=False),
    Indicator(
        key="associations.by_field", point=2,
        label=_("Hội theo lĩnh vực"),
        definition=_("Số hội (mọi tình trạng) theo lĩnh vực hoạt động."),
        compute=lambda f: _grouped(f, "field"), list_url=_field_list, buckets=_field_labels, compare=False),
    Indicator(
        key="associations.by_scope", point=2,
        label=_("Hội theo phạm vi hoạt động"),
        definition=_("Số hội (mọi tình trạng) theo phạm vi hoạt động: toàn quốc, tỉnh, huyện cũ, xã."),
        compute=lambda f: _grouped(f, "scope_level"),
        list_url=lambda f, bucket=None: _list(f, scope_level=bucket), buckets=lambda: dict(ScopeLevel.choices),
        compare=False),
    Indicator(
        key="associations.founded", point=2,
        label=_("Hội được cho phép thành lập trong kỳ"),
        definition=_("Số hội có quyết định cho phép thành lập ghi ngày trong kỳ báo cáo."),
        compute=_founded,
        list_url=lambda f, bucket=None: _list(f, founded_from=f"{f.period.start:%Y-%m-%d}",
                                              founded_to=f"{f.period.end:%Y-%m-%d}")),
    Indicator(
        key="associations.founding_in_progress", point=2,
        label=_("Hồ sơ thành lập hội đang giải quyết"),
        definition=_("Hội đang trong quá trình thành lập: đã công nhận ban vận động, đã nộp hồ sơ, đã được cho "
                     "phép nhưng chưa hoạt động chính thức."),
        compute=lambda f: _visible(f).filter(status__in=FOUNDING).count(),
        list_url=lambda f, bucket=None: _list(f, founding="true"), compare=False),
    Indicator(
        key="associations.founding_congress_overdue", point=2,
        label=_("Hội quá hạn đại hội thành lập"),
        definition=_("Hội đã được cho phép thành lập nhưng quá hạn tổ chức đại hội lần đầu (kể cả gia hạn)."),
        compute=_alert("founding_congress_overdue"),
        list_url=lambda f, bucket=None: _list(f, alert="founding_congress_overdue"), compare=False),
    Indicator(
        key="associations.without_officer", point=4,
        label=_("Hội chưa có cán bộ chuyên trách theo dõi"),
        definition=_("Hội đang hoạt động (không kể chi hội) chưa được phân công cán bộ theo dõi."),
        compute=_without_officer,
        list_url=lambda f, bucket=None: _list(f, no_officer="true", active="true", branch="false"), compare=False),
    Indicator(
        key="associations.term_expired", point=5,
        label=_("Hội hết nhiệm kỳ chưa đại hội"),
        definition=_("Hội đang hoạt động đã quá ngày đại hội nhiệm kỳ kế tiếp mà chưa tổ chức đại hội."),
        compute=_alert("term_expired"),
        list_url=lambda f, bucket=None: _list(f, alert="term_expired"), compare=False),
]
