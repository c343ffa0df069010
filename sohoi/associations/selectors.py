"""Reads of the registry: scoping applied once here (design.md §2), plus alerts, coverage and the public view."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.deadlines import today
from sohoi.core.permissions import allowed
from sohoi.core.scoping import get_scoped, restrict
from sohoi.orgs.choices import UnitKind

from .choices import ENDED, REPORTABLE_POSITIONS, ScopeLevel, Status
from .filters import AssociationFilter, PublicFilter
from .models import Association, Congress, FieldOfActivity, Leader, Member, OfficerAssignment
from .permissions import monitoring_officers
from .rules import first_congress_due, rule_for

PUBLIC_FIELDS = ("pk", "name", "short_name", "field__name", "scope_level", "territory__name", "status",
                 "founding_decision_number", "founding_decision_date", "founding_decision_issuer", "head_office")


def _current_officer():
    return OfficerAssignment.objects.filter(association=OuterRef("pk"), ended_on__isnull=True)


def association_queryset(*, user: Any, action: str = "view") -> QuerySet[Association]:
    """The associations `user` may see, with what every list shows (one query per page)."""
    qs = Association.objects.select_related("field", "territory", "unit").annotate(
        officer_name=Subquery(_current_officer().values("officer__full_name")[:1]))
    return restrict(qs, user, action)


def association_list(*, user: Any, filters: Any) -> AssociationFilter:
    return AssociationFilter(filters, queryset=association_queryset(user=user).order_by("name_sort", "pk"), user=user)


def association_get(*, user: Any, pk: int, action: str = "view") -> Association:
    """404 outside the user's scope; 403 for a change the user may see but not make (core.scoping)."""
    qs = Association.objects.select_related("field", "territory", "unit__parent", "managing_agency")
    return get_scoped(qs, user, action, pk=pk)


def branches_of(*, user: Any, association: Association) -> QuerySet[Association]:
    return restrict(Association.objects.select_related("unit", "territory").filter(
        unit__path__startswith=association.unit.path, unit__kind=UnitKind.BRANCH), user).order_by("unit__path")


def parent_association(association: Association) -> Association | None:
    parent = association.unit.parent
    if parent is None or parent.kind not in (UnitKind.ASSOCIATION, UnitKind.BRANCH):
        return None
    return Association.objects.filter(unit=parent).first()


def member_counts(association: Association) -> dict[str, Any]:
    """Counts by kind from the roster when one exists, otherwise the figures the association reported."""
    rows = dict(Member.objects.filter(association=association).values_list("kind").annotate(n=Count("id")))
    if rows:
        return {"source": "roster", "individual": rows.get("individual", 0),
                "organisational": rows.get("organisational", 0), "honorary": rows.get("honorary", 0),
                "total": sum(rows.values()), "on": today()}
    return {"source": "reported", "individual": association.members_individual,
            "organisational": association.members_organisational, "honorary": association.members_honorary,
            "total": association.reported_total, "on": association.members_reported_on}


# Sensitive personal data -------------------------------------------------------------------------------

def _mask(rows: list, fields: tuple[str, ...]) -> None:
    for row in rows:
        for name in fields:
            setattr(row, name, None)


def leaders_for(*, user: Any, association: Association, current_only: bool = False) -> tuple[list[Leader], bool]:
    """(leaders, shows_sensitive). Party membership is shown only to roles that need it, and each such read
    is recorded in the audit trail (Decree 13/2023); for everyone else the value is removed from the objects."""
    qs = restrict(Leader.objects.filter(association=association).select_related("congress"), user)
    if current_only:
        qs = qs.filter(ended_on__isnull=True)
    leaders = list(qs)
    sensitive = allowed(user, "associations.see_sensitive")
    if sensitive and leaders:
        audit.record(actor=user, action="associations.leader.sensitive_viewed", target=association,
                     changes={"fields": [None, list(Leader.SENSITIVE_FIELDS)], "rows": [None, len(leaders)]})
    elif not sensitive:
        _mask(leaders, Leader.SENSITIVE_FIELDS)
    return leaders, sensitive


def members_for(*, user: Any, association: Association, rows: list[Member]) -> bool:
    """Mask or log the sensitive fields of a page of members; returns whether they are shown."""
    sensitive = allowed(user, "associations.see_sensitive")
    if sensitive and rows:
        audit.record(actor=user, action="associations.member.sensitive_viewed", target=association,
                     changes={"fields": [None, list(Member.SENSITIVE_FIELDS)], "rows": [None, len(rows)]})
    elif not sensitive:
        _mask(rows, Member.SENSITIVE_FIELDS)
    return sensitive


def member_queryset(*, user: Any, association: Association) -> QuerySet[Member]:
    return restrict(Member.objects.filter(association=association).select_related("branch"), user)


# Alerts -------------------------------------------------------------------------------------------------

@dataclass
class Alert:
    kind: str
    title: str
    association: Association
    detail: str
    due: datetime.date | None = None


def _active(qs: QuerySet[Association]) -> QuerySet[Association]:
    return qs.filter(status__in=[Status.OPERATING, Status.SUSPENDED])


def term_expired(*, user: Any, on: datetime.date | None = None) -> QuerySet[Association]:
    """Active associations whose latest congress's next-congress date has passed with no newer congress."""
    on = on or today()
    last_due = Congress.objects.filter(association=OuterRef("pk"), next_due__isnull=False).order_by("-held_on")
    return _active(association_queryset(user=user)).annotate(
        last_due=Subquery(last_due.values("next_due")[:1])).filter(last_due__lt=on)


def leadership_unreported(*, user: Any, on: datetime.date | None = None) -> QuerySet[Leader]:
    """President / vice-presidents / general secretary in office past the reporting deadline, not reported."""
    on = on or today()
    rule = rule_for("leadership_report", on)
    days = rule.parsed() if rule else 30
    return restrict(Leader.objects.select_related("association").filter(
        position__in=REPORTABLE_POSITIONS, ended_on__isnull=True, reported_on__isnull=True,
        started_on__lt=on - datetime.timedelta(days=days)).exclude(association__status__in=ENDED), user)


def founding_congress_overdue(*, user: Any, on: datetime.date | None = None) -> list[tuple[Association, datetime.date]]:
    on = on or today()
    out = []
    for a in association_queryset(user=user).filter(status=Status.PERMITTED).select_related("dossier"):
        info = first_congress_due(a, getattr(a, "dossier", None), on)
        limit = info["extended_due"] or info["due"]
        if limit is not None and on > limit:
            out.append((a, limit))
    return out


def alerts(*, user: Any, on: datetime.date | None = None) -> list[Alert]:
    on = on or today()
    out = [Alert("term_expired", _("Hết nhiệm kỳ chưa đại hội"), a,
                 _("Hạn đại hội %(d)s") % {"d": f"{a.last_due:%d/%m/%Y}"}, a.last_due)
           for a in term_expired(user=user, on=on)]
    out += [Alert("leadership_unreported", _("Thay đổi lãnh đạo chưa báo cáo"), leader.association,
                  _("%(who)s nhận chức %(d)s") % {"who": leader, "d": f"{leader.started_on:%d/%m/%Y}"},
                  leader.started_on) for leader in leadership_unreported(user=user, on=on)]
    out += [Alert("founding_congress_overdue", _("Quá hạn đại hội thành lập"), a,
                  _("Hạn (kể cả gia hạn) %(d)s") % {"d": f"{due:%d/%m/%Y}"}, due)
            for a, due in founding_congress_overdue(user=user, on=on)]
    return out


# Coverage by dedicated officers -------------------------------------------------------------------------

def coverage(*, user: Any) -> dict[str, Any]:
    """Which operating associations have an officer: totals, by field, by scope, uncovered list, workload."""
    qs = association_queryset(user=user).filter(status__in=[Status.OPERATING, Status.SUSPENDED]).exclude(
        unit__kind=UnitKind.BRANCH)
    covered_ids = OfficerAssignment.objects.filter(ended_on__isnull=True).values("association_id")
    total = qs.count()
    with_officer = qs.filter(pk__in=covered_ids).count()
    by_field = []
    fields = {f.pk: f.name for f in FieldOfActivity.objects.all()}
    for row in qs.values("field").annotate(n=Count("id"), c=Count("id", filter=Q(pk__in=covered_ids))).order_by("field"):
        by_field.append({"label": fields.get(row["field"], "—"), "total": row["n"], "covered": row["c"]})
    labels = dict(ScopeLevel.choices)
    by_scope = [{"label": labels.get(row["scope_level"], row["scope_level"]), "total": row["n"], "covered": row["c"]}
                for row in qs.values("scope_level").annotate(
                    n=Count("id"), c=Count("id", filter=Q(pk__in=covered_ids))).order_by("scope_level")]
    uncovered = list(qs.exclude(pk__in=covered_ids).order_by("name_sort"))
    workload = list(monitoring_officers(active_only=False).annotate(
        current=Count("association_assignments", filter=Q(association_assignments__ended_on__isnull=True)),
        past=Count("association_assignments", filter=Q(association_assignments__ended_on__isnull=False)),
    ).order_by("-current", "full_name"))
    history = restrict(OfficerAssignment.objects.select_related("association", "officer"), user).order_by("-pk")[:50]  # recently recorded first
    return {"total": total, "covered": with_officer, "uncovered_count": total - with_officer, "by_field": by_field,
            "by_scope": by_scope, "uncovered": uncovered, "workload": workload, "history": history}


# Public register ----------------------------------------------------------------------------------------

def public_register(*, filters: Any) -> PublicFilter:
    """Operating associations, public fields only. Deliberately not scoped: this is the published register.
    `.values(PUBLIC_FIELDS)` means no other column (leaders, members, sensitive data) can reach the page."""
    qs = Association.objects.filter(status=Status.OPERATING).exclude(unit__kind=UnitKind.BRANCH)
    fs = PublicFilter(filters, queryset=qs)
    return fs


def public_rows(qs: QuerySet[Association]) -> QuerySet:
    return qs.order_by("name_sort", "pk").values(*PUBLIC_FIELDS)


# Home page ----------------------------------------------------------------------------------------------

def home_panels(user: Any) -> list[dict[str, Any]]:
    """Alerts for the associations in the user's scope (the home page asks each app for its panels)."""
    if not getattr(user, "is_authenticated", False):
        return []
    panels = []
    visible = association_queryset(user=user)
    if not visible.exists():
        return []
    items = alerts(user=user)
    panels.append({"title": _("Cảnh báo về hội"), "count": len(items),
                   "text": _("Hết nhiệm kỳ chưa đại hội, thay đổi lãnh đạo chưa báo cáo, quá hạn đại hội thành lập."),
                   "url": reverse("associations:alerts"), "link_text": _("Xem cảnh báo")})
    if allowed(user, "associations.see_coverage"):
        cov = coverage(user=user)
        panels.append({"title": _("Hội chưa có cán bộ theo dõi"), "count": cov["uncovered_count"],
                       "text": _("Trên %(n)s hội đang hoạt động.") % {"n": cov["total"]},
                       "url": reverse("associations:coverage"), "link_text": _("Xem phân công")})
    if allowed(user, "associations.see_own_follow_up"):
        mine = visible.filter(officer_assignments__officer=user, officer_assignments__ended_on__isnull=True).count()
        panels.append({"title": _("Hội tôi theo dõi"), "count": mine, "text": "",
                       "url": reverse("associations:association_list") + f"?officer={user.pk}",
                       "link_text": _("Mở danh sách")})
    return panels


def logs_for(*, user: Any, association: Association):
    from .models import MonitoringLog

    return restrict(MonitoringLog.objects.filter(association=association).select_related("officer"), user)
