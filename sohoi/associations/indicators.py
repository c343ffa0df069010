"""The register's figures for the dashboard and the periodic report (see reports/registry.py)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.reports.registry import Filters, Indicator

from .choices import Status
from .selectors import association_queryset


def _by_status(f: Filters) -> dict[str, int]:
    qs = association_queryset(user=f.user).filter(f.association_q())
    return {row["status"]: row["n"] for row in qs.order_by().values("status").annotate(n=Count("pk"))}


def _status_list(f: Filters, bucket: str | None = None) -> str:
    return reverse("associations:association_list") + f.query(status=bucket)


INDICATORS = [
    Indicator(
        key="associations.by_status", point=2,
        label=_("Hội theo tình trạng"),
        definition=_("Số hội trong phạm vi người xem, theo tình trạng pháp lý hiện tại."),
        compute=_by_status, list_url=_status_list, buckets=lambda: dict(Status.choices), compare=False),
]
