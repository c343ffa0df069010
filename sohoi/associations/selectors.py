"""Reads of the registry: scoping applied once here (design.md §2), plus alerts, coverage and the public view."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.core import audit, memo
from sohoi.core.deadlines import holidays, today
from sohoi.core.permissions import allowed
from sohoi.core.scoping import get_scoped, restrict
from sohoi.core.views import page_size
from sohoi.orgs.choices import UnitKind

from .choices import ENDED, REPORTABLE_POSITIONS, RuleCode, ScopeLevel, Status
from .filters import AssociationFilter, PublicFilter
from .models import Association, Congress, FieldOfActivity, FoundingDossier, Leader, Member, OfficerAssignment
from .permissions import monitoring_officers
from .rules import deadline_from, first_congress_due, rule_for

PUBLIC_FIELDS = ("pk", "name", "short_name", "field__name", "scope_level", "territory__name", "status",
                 "founding_decision_number", "founding_decision_date", "founding_decision_issuer", "head_office")


def _current_officer():
    return OfficerAssignment.objects.filter(association=OuterRef("pk"), ended_on__isnull=True)


def association_queryset(*, user: Any, action: str = "view") -> QuerySet[Association]:
    """The associations `user` may see, with what every list shows (one query per page)."""
    qs = Association.objects.select_related("field", "territory", "unit").annotate(
        officer_name=Subquery(_current_officer().values("officer__full_name")[:1]))
    return restrict(qs, user, action)


# What the API's association record reads from the related rows (AssociationOut): nothing else is joined.
_API_RELATED = ("field__name", "unit__kind", "unit__parent_id")


def association_api_queryset(*, user: Any) -> QuerySet[Association]:
    """The same rows as `association_queryset`, with only the columns the API record sends: no officer
    subquery, no territory join, two columns of the unit (a third of the page's SQL time at national size)."""
    qs = Association.objects.select_related("field", "unit").only(
        *(f.name for f in Association._meta.concrete_fields), *_API_RELATED)
    return restrict(qs, user, "view")


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


# One function per alert kind: each takes a queryset of associations (already scoped) and answers in SQL,
# so a list page asks only about its page's rows and the home page only counts (design.md §13).

def term_expired_among(associations: QuerySet[Association], on: datetime.date) -> QuerySet[Association]:
    """Active associations whose latest congress's next-congress date has passed with no newer congress."""
    last_due = Congress.objects.filter(association=OuterRef("pk"), next_due__isnull=False).order_by("-held_on")
    return _active(associations).annotate(last_due=Subquery(last_due.values("next_due")[:1])).filter(last_due__lt=on)


def leadership_unreported_among(associations: QuerySet[Association], *, user: Any, on: datetime.date,
                                days: int | None = None) -> QuerySet[Leader]:
    """President / vice-presidents / general secretary in office past the reporting deadline (`days`: the
    rule's value, read unless given), not reported."""
    if days is None:
        rule = rule_for("leadership_report", on)
        days = rule.parsed() if rule else 30
    return restrict(Leader.objects.select_related("association").filter(
        association__in=associations.values("pk"),
        position__in=REPORTABLE_POSITIONS, ended_on__isnull=True, reported_on__isnull=True,
        started_on__lt=on - datetime.timedelta(days=days)).exclude(association__status__in=ENDED), user)


def _founding_overdue_q(on: datetime.date) -> Q:
    """`first_congress_due` as a condition over the register, exact: a deadline depends only on the founding
    decision's date (the rules do not vary by association), and grows with it, so "the deadline has passed"
    is "decided on or before the last date whose deadline has passed". Only decisions of the last
    `extension_max` days before that may still be saved by an extension; each of those dates (a month at
    most) gets its own condition on the dossier."""
    rule = rule_for(RuleCode.FIRST_CONGRESS, on)
    if rule is None:
        return Q(pk__in=[])
    off = holidays()
    req_rule = rule_for(RuleCode.EXTENSION_REQUEST, on)
    max_rule = rule_for(RuleCode.EXTENSION_MAX, on)
    day = datetime.timedelta(days=1)
    last = on - datetime.timedelta(days=rule.parsed() + 1)  # a deadline is at least that many days later
    while deadline_from(last, rule, off) >= on:
        last -= day
    overdue = Q(status=Status.PERMITTED, founding_decision_date__lte=last)
    if max_rule is None:
        return overdue
    longest = max_rule.parsed()
    window, decided = {}, last
    while (due := deadline_from(decided, rule, off)) + datetime.timedelta(days=longest) >= on:
        window[decided] = due
        decided -= day
    # Only the dates on which some dossier asked for an extension can be saved (usually none): one small
    # query for them instead of a condition for every date of the window, whose building cost more than
    # the count it serves.
    asked = set(FoundingDossier.objects.filter(
        extension_requested_on__isnull=False, association__founding_decision_date__in=list(window)).values_list(
        "association__founding_decision_date", flat=True))
    saved = Q(pk__in=[])
    for decided in sorted(asked, reverse=True):
        due = window[decided]
        short = (on - due).days  # the extension must reach at least this far
        condition = Q(association__founding_decision_date=decided, extension_requested_on__isnull=False) & (
            Q(extension_days__isnull=True) | Q(extension_days=0) | Q(extension_days__gte=short))
        if req_rule is not None:
            condition &= Q(extension_requested_on__lte=deadline_from(due, req_rule, off))
        saved |= condition
    if not asked:
        return overdue
    return overdue & ~Q(pk__in=FoundingDossier.objects.filter(saved).values("association_id"))


def founding_congress_overdue_among(associations: QuerySet[Association], on: datetime.date,
                                    condition: Q | None = None) -> QuerySet[Association]:
    """Permitted associations past their first congress's deadline (with any extension): the same rule as
    `first_congress_due`, in SQL (`condition`: `_founding_overdue_q(on)`, computed unless given)."""
    return associations.filter(_founding_overdue_q(on) if condition is None else condition)


class AlertRules:
    """The rule rows the alerts of one day depend on, read once for a request that asks several questions."""

    def __init__(self, on: datetime.date | None = None):
        self.on = on or today()
        rule = rule_for("leadership_report", self.on)
        self.leader_days = rule.parsed() if rule else 30
        self.founding = _founding_overdue_q(self.on)

    def term_expired(self, qs: QuerySet[Association]) -> QuerySet[Association]:
        return term_expired_among(qs, self.on)

    def leadership_unreported(self, qs: QuerySet[Association], user: Any) -> QuerySet[Leader]:
        return leadership_unreported_among(qs, user=user, on=self.on, days=self.leader_days)

    def founding_congress_overdue(self, qs: QuerySet[Association]) -> QuerySet[Association]:
        return founding_congress_overdue_among(qs, self.on, self.founding)


def term_expired(*, user: Any, on: datetime.date | None = None) -> QuerySet[Association]:
    return term_expired_among(association_queryset(user=user), on or today())


def leadership_unreported(*, user: Any, on: datetime.date | None = None) -> QuerySet[Leader]:
    return leadership_unreported_among(association_queryset(user=user), user=user, on=on or today())


def alert_rules(on: datetime.date | None = None) -> AlertRules:
    """The rules of `on` (default today), read once per request (core.memo): the home page, its figures and
    the alert page's filter all ask."""
    on = on or today()
    return memo.remember(("associations.alert_rules", on), lambda: AlertRules(on))


ALERT_KINDS = ("term_expired", "leadership_unreported", "founding_congress_overdue")


def alert_count(kind: str, *, user: Any, within: Q | None = None, on: datetime.date | None = None) -> int:
    """How many alerts of one kind in the user's scope (`within`: a further condition on the association, e.g.
    the dashboard's territory and field): one COUNT, remembered for the request, so that the home page's alert
    card and the figures of points 2 and 5 count once."""
    on = on or today()
    within = within if within is not None else Q()

    def compute() -> int:
        rules, visible = alert_rules(on), association_queryset(user=user).filter(within)
        if kind == "leadership_unreported":
            return rules.leadership_unreported(visible, user).count()
        return getattr(rules, kind)(visible).count()

    return memo.remember(("associations.alert_count", kind, getattr(user, "pk", None), on, within), compute)


def alert_counts(*, user: Any, on: datetime.date | None = None, rules: AlertRules | None = None) -> dict[str, int]:
    """How many alerts of each kind in the user's scope: three COUNT queries, no rows loaded."""
    on = rules.on if rules is not None else on
    return {kind: alert_count(kind, user=user, on=on) for kind in ALERT_KINDS}


def alerted_associations(*, user: Any, on: datetime.date | None = None,
                         rules: AlertRules | None = None) -> QuerySet[Association]:
    """The associations in scope with at least one alert, in register order (the alert page paginates them)."""
    rules = rules or AlertRules(on)
    visible = association_queryset(user=user)
    return visible.filter(Q(pk__in=rules.term_expired(visible).values("pk"))
                          | Q(pk__in=rules.leadership_unreported(visible, user).values("association_id"))
                          | Q(pk__in=rules.founding_congress_overdue(visible).values("pk"))).order_by("name_sort", "pk")


def alerts(*, user: Any, on: datetime.date | None = None, associations: QuerySet[Association] | None = None,
           rules: AlertRules | None = None) -> list[Alert]:
    """The alerts of `associations` (a scoped queryset: one association, a page of them), by default of
    every association in scope. Pages pass a bounded queryset; three queries whatever its size."""
    rules = rules or AlertRules(on)
    on = rules.on
    qs = association_queryset(user=user) if associations is None else associations
    out = [Alert("term_expired", _("Hết nhiệm kỳ chưa đại hội"), a,
                 _("Hạn đại hội %(d)s") % {"d": f"{a.last_due:%d/%m/%Y}"}, a.last_due)
           for a in rules.term_expired(qs)]
    out += [Alert("leadership_unreported", _("Thay đổi lãnh đạo chưa báo cáo"), leader.association,
                  _("%(who)s nhận chức %(d)s") % {"who": leader, "d": f"{leader.started_on:%d/%m/%Y}"},
                  leader.started_on) for leader in rules.leadership_unreported(qs, user)]
    for a in rules.founding_congress_overdue(qs).select_related("dossier"):
        info = first_congress_due(a, getattr(a, "dossier", None), on)
        due = info["extended_due"] or info["due"]
        out.append(Alert("founding_congress_overdue", _("Quá hạn đại hội thành lập"), a,
                         _("Hạn (kể cả gia hạn) %(d)s") % {"d": f"{due:%d/%m/%Y}"}, due))
    return out


# Coverage by dedicated officers -------------------------------------------------------------------------

def _coverage_base(user: Any, within: Q | None = None) -> tuple[QuerySet[Association], QuerySet]:
    qs = association_queryset(user=user).filter(status__in=[Status.OPERATING, Status.SUSPENDED]).exclude(
        unit__kind=UnitKind.BRANCH)
    if within is not None:
        qs = qs.filter(within)
    return qs, OfficerAssignment.objects.filter(ended_on__isnull=True).values("association_id")


def coverage_counts(*, user: Any, within: Q | None = None) -> dict[str, int]:
    """Operating associations in scope (`within`: a further condition, e.g. the dashboard's territory and
    field) and how many have an officer: one aggregate query."""
    qs, covered_ids = _coverage_base(user, within)
    counts = qs.aggregate(total=Count("id"), covered=Count("id", filter=Q(pk__in=covered_ids)))
    return {**counts, "uncovered_count": counts["total"] - counts["covered"]}


def coverage(*, user: Any) -> dict[str, Any]:
    """Which operating associations have an officer: totals, by field, by scope, workload (counted in SQL),
    and the uncovered associations as a queryset for the page to paginate."""
    qs, covered_ids = _coverage_base(user)
    by_field = []
    fields = {f.pk: f.name for f in FieldOfActivity.objects.all()}
    for row in qs.values("field").annotate(n=Count("id"), c=Count("id", filter=Q(pk__in=covered_ids))).order_by("field"):
        by_field.append({"label": fields.get(row["field"], "—"), "total": row["n"], "covered": row["c"]})
    labels = dict(ScopeLevel.choices)
    by_scope = [{"label": labels.get(row["scope_level"], row["scope_level"]), "total": row["n"], "covered": row["c"]}
                for row in qs.values("scope_level").annotate(
                    n=Count("id"), c=Count("id", filter=Q(pk__in=covered_ids))).order_by("scope_level")]
    total, with_officer = sum(r["total"] for r in by_field), sum(r["covered"] for r in by_field)
    uncovered = qs.exclude(pk__in=covered_ids).order_by("name_sort", "pk")
    officers = monitoring_officers(active_only=False)
    shown = page_size()  # the busiest officers and the latest assignments: a page of each, not every row
    workload = officers.annotate(
        current=Count("association_assignments", filter=Q(association_assignments__ended_on__isnull=True)),
        past=Count("association_assignments", filter=Q(association_assignments__ended_on__isnull=False)),
    ).order_by("-current", "full_name", "pk")[:shown]
    history = restrict(OfficerAssignment.objects.select_related("association", "officer"),
                       user).order_by("-pk")[:shown]  # recently recorded first
    return {"total": total, "covered": with_officer, "uncovered_count": total - with_officer, "by_field": by_field,
            "by_scope": by_scope, "uncovered": uncovered, "workload": workload, "officer_count": officers.count(),
            "history": history}


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
    panels.append({"title": _("Cảnh báo về hội"), "count": sum(alert_counts(user=user).values()),
                   "text": _("Hết nhiệm kỳ chưa đại hội, thay đổi lãnh đạo chưa báo cáo, quá hạn đại hội thành lập."),
                   "url": reverse("associations:alerts"), "link_text": _("Xem cảnh báo")})
    if allowed(user, "associations.see_coverage"):
        cov = coverage_counts(user=user)
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
