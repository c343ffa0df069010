"""The Party figures of the dashboard and the periodic report (point 1 of letter 752-CV/TU; reports/registry.py).

Organisations and ratings are counted over `organisation_queryset` (the reader's scope) and link to the
organisation list with the same filters (`OrganisationFilter`: status, kind, area, field, rated); eligible
associations by `eligible_count` (the rows of `eligible_queryset`) and link to the eligibility page (`?area=&field=`)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.permissions import allowed
from sohoi.reports.registry import Filters, Indicator

from .choices import GRADE_ORDER, Grade, OrgKind, OrgStatus
from .models import QualityRating
from .selectors import eligible_count, organisation_queryset


def _organisations(f: Filters):
    return organisation_queryset(user=f.user).filter(f.association_q("association__"))


def _org_list(f: Filters, **params) -> str:
    return reverse("party:organisation_list") + f.query(territory_as="area", **params)


def _by_kind(f: Filters) -> dict[str, int]:
    rows = _organisations(f).filter(status=OrgStatus.ACTIVE).order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def _rating_year(f: Filters) -> int:
    """Ratings are yearly: a period reports the ratings of the year it ends in."""
    return f.period.end.year


def _ratings(f: Filters) -> dict[str, int]:
    rows = (QualityRating.objects.filter(year=_rating_year(f), organisation__in=_organisations(f).values("pk"))
            .order_by().values("grade").annotate(n=Count("pk")))
    return {row["grade"]: row["n"] for row in rows}


def _eligible(f: Filters) -> int | None:
    if not allowed(f.user, "party.see_eligibility"):
        return None
    return eligible_count(user=f.user, within=f.association_q())


def _eligible_list(f: Filters, bucket: str | None = None) -> str | None:
    if not allowed(f.user, "party.see_eligibility"):
        return None
    return reverse("party:eligibility") + f.query(territory_as="area")


INDICATORS = [
    Indicator(
        key="party.organisations", point=1,
        label=_("Tổ chức đảng trong các hội"),
        definition=_("Tổ chức đảng đang hoạt động trong các hội, theo loại hình."),
        compute=_by_kind,
        list_url=lambda f, bucket=None: _org_list(f, status=OrgStatus.ACTIVE.value, kind=bucket),
        buckets=lambda: dict(OrgKind.choices), compare=False),
    Indicator(
        key="party.eligible_without_organisation", point=1,
        label=_("Hội đủ điều kiện nhưng chưa có tổ chức đảng"),
        definition=_("Hội đang hoạt động có đủ số đảng viên theo quy định mà chưa thành lập tổ chức đảng."),
        compute=_eligible, list_url=_eligible_list, compare=False),
    Indicator(
        key="party.ratings", point=1,
        label=_("Xếp loại chất lượng tổ chức đảng"),
        definition=_("Số tổ chức đảng trong hội theo xếp loại chất lượng của năm kết thúc kỳ báo cáo."),
        compute=_ratings,
        list_url=lambda f, bucket=None: _org_list(f, rated=f"{_rating_year(f)}-{bucket}") if bucket else None,
        buckets=lambda: {g: Grade(g).label for g in GRADE_ORDER}),
]
