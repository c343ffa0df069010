"""Every read of the activities app: scoped once with `restrict()`, filtered by the app's filter sets, counted
and summed in SQL (design.md conventions 2 and 13)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import BooleanField as Bool
from django.db.models import Count, DateField, OuterRef, Q, QuerySet, Subquery, Value

from sohoi.associations.models import Association
from sohoi.associations.selectors import association_queryset
from sohoi.core.deadlines import TrackState, state_expression, today
from sohoi.core.scoping import get_scoped, restrict
from sohoi.directives.models import Document

from . import filters as f
from . import finance, yearly
from .choices import FilingState
from .models import (
    Exchange,
    FinanceYear,
    ForeignProject,
    GoodModel,
    MemberCase,
    Review,
    StateSupport,
    StateTask,
    YearlyReport,
)

SQL_STATE = {TrackState.NOT_STARTED: FilingState.NOT_DUE, TrackState.OPEN_ON_TIME: FilingState.DUE,
             TrackState.OPEN_OVERDUE: FilingState.MISSING, TrackState.DONE_ON_TIME: FilingState.ON_TIME,
             TrackState.DONE_LATE: FilingState.LATE}


def _filtered(filterset) -> QuerySet:
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()


# Point 2 ------------------------------------------------------------------------------------------------

def state_tasks(*, user: Any, action: str = "view") -> QuerySet[StateTask]:
    return restrict(StateTask.objects.select_related("association", "document"), user, action)


def state_task_list(*, user: Any, filters: Any) -> f.StateTaskFilter:
    return f.StateTaskFilter(filters, queryset=state_tasks(user=user).order_by("association__name_sort", "-year_from",
                                                                               "pk"))


def supports(*, user: Any) -> QuerySet[StateSupport]:
    return restrict(StateSupport.objects.select_related("task__association"), user)


def support_list(*, user: Any, filters: Any) -> f.StateSupportFilter:
    return f.StateSupportFilter(filters, queryset=supports(user=user).order_by("-year", "task__association__name_sort",
                                                                               "pk"))


def finances(*, user: Any) -> QuerySet[FinanceYear]:
    return restrict(FinanceYear.objects.select_related("association"), user).annotate(**finance.annotations())


def finance_list(*, user: Any, filters: Any) -> f.FinanceFilter:
    return f.FinanceFilter(filters, queryset=finances(user=user).order_by("-year", "association__name_sort", "pk"))


def finance_totals(*, user: Any, association: Association | None = None) -> list[dict[str, Any]]:
    """Totals per year over the user's scope (the city for a read-all role), or of one association."""
    qs = restrict(FinanceYear.objects.all(), user)
    if association is not None:
        qs = qs.filter(association=association)
    return finance.totals_by_year(qs)


# Point 5: yearly reports ---------------------------------------------------------------------------------

def reports(*, user: Any, action: str = "view") -> QuerySet[YearlyReport]:
    return restrict(YearlyReport.objects.select_related("association__unit", "reviewed_by"), user, action)


def report_list(*, user: Any, filters: Any) -> f.YearlyReportFilter:
    return f.YearlyReportFilter(filters, queryset=reports(user=user).order_by("-year", "association__name_sort", "pk"))


def report_get(*, user: Any, pk: int, action: str = "view") -> YearlyReport:
    return get_scoped(YearlyReport.objects.select_related("association__unit", "reviewed_by"), user, action, pk=pk)


def _filers(user: Any) -> QuerySet[Association]:
    """Associations that report to the state themselves: not their branches (chi hội), which report through
    the association."""
    from sohoi.orgs.choices import UnitKind

    return association_queryset(user=user).exclude(unit__kind=UnitKind.BRANCH)


def filing(*, user: Any, year: int, on: datetime.date | None = None, where: Q | None = None) -> QuerySet[Association]:
    """The associations in the user's scope that existed in `year`, each annotated with its report's filing
    date and its filing state (SQL: core.deadlines.state_expression, the same rule as yearly.state)."""
    on = on or today()
    due, _rule = yearly.deadline(year)
    opened = on >= due - datetime.timedelta(days=yearly.WINDOW_DAYS)
    # One report per association and year (yearly_report_once): no ordering, else the model's default order
    # joins every association again inside the subquery to sort a single row.
    filed = YearlyReport.objects.filter(association=OuterRef("pk"), year=year).order_by()
    qs = _filers(user).filter(yearly.existing_in(year), where or Q()).annotate(
        filed_on=Subquery(filed.values("submitted_on")[:1]), report_id=Subquery(filed.values("pk")[:1]),
        due=Value(due, output_field=DateField()), opened=Value(opened, output_field=Bool()))
    return qs.annotate(track=state_expression(due="due", done_on="filed_on", started="opened", on=on))


def filing_counts(*, user: Any, year: int, on: datetime.date | None = None, where: Q | None = None
                  ) -> dict[str, int]:
    rows = filing(user=user, year=year, on=on, where=where).order_by().values("track").annotate(n=Count("pk"))
    out = {str(s): 0 for s in FilingState}
    for row in rows:
        out[str(SQL_STATE[TrackState(row["track"])])] += row["n"]
    return out


def two_years_missing(*, user: Any, on: datetime.date | None = None, where: Q | None = None
                      ) -> QuerySet[Association]:
    return _filers(user).filter(yearly.two_years_missing_q(on), where or Q())


def association_where(params: Any) -> Q:
    """The dashboard's territory and field filters (?territory=, ?field=) on an association."""
    from sohoi.core.params import int_param

    q = Q()
    territory, field = int_param(params.get("territory")), int_param(params.get("field"))
    if territory:
        q &= Q(territory__in=f.territory_area(territory))
    if field:
        q &= Q(field_id=field)
    return q


def report_states(*, association: Association, user: Any, years: int = 5) -> list[dict[str, Any]]:
    """The last `years` report years of one association with their state (at most `years` rows)."""
    this = today().year
    start = max(yearly.founded_year(association) or this - years + 1, this - years + 1)
    got = {r.year: r for r in reports(user=user).filter(association=association, year__gte=start)}
    out = []
    for y in range(this, start - 1, -1):
        r = got.get(y)
        s = yearly.state(y, r.submitted_on if r else None)
        out.append({"year": y, "report": r, "state": s, "due": yearly.deadline(y)[0]})
    return out


# Reviews -------------------------------------------------------------------------------------------------

def reviews(*, user: Any) -> QuerySet[Review]:
    """Reviews in the user's scope, of documents the user may see (a secret document's reviews stay with it)."""
    visible = restrict(Document.objects.all(), user).values("pk")
    return restrict(Review.objects.select_related("unit", "document"), user).filter(
        Q(document__isnull=True) | Q(document__in=visible))


def review_list(*, user: Any, filters: Any) -> f.ReviewFilter:
    return f.ReviewFilter(filters, queryset=reviews(user=user).order_by("-held_on", "pk"))


def reviews_of(*, user: Any, document: Document, limit: int = 20) -> tuple[list[Review], int]:
    qs = reviews(user=user).filter(document=document)
    return list(qs.order_by("-held_on", "pk")[:limit]), qs.count()


# Good models ---------------------------------------------------------------------------------------------

def good_models(*, user: Any) -> QuerySet[GoodModel]:
    return restrict(GoodModel.objects.select_related("association", "field"), user).annotate(
        replication_count=Count("replications", distinct=True))


def good_model_list(*, user: Any, filters: Any) -> f.GoodModelFilter:
    """The catalogue, most replicated first."""
    return f.GoodModelFilter(filters, queryset=good_models(user=user).order_by("-replication_count", "title", "pk"))


# Exchanges, projects, cases ------------------------------------------------------------------------------

def exchanges(*, user: Any, action: str = "view") -> QuerySet[Exchange]:
    return restrict(Exchange.objects.select_related("association"), user, action)


def exchange_list(*, user: Any, filters: Any) -> f.ExchangeFilter:
    return f.ExchangeFilter(filters, queryset=exchanges(user=user).order_by("-starts_on", "pk"))


def exchanges_missing_report(*, user: Any, on: datetime.date | None = None) -> QuerySet[Exchange]:
    return exchanges(user=user).filter(reported_on__isnull=True, report_due__lt=on or today())


def project_list(*, user: Any, filters: Any) -> f.ForeignProjectFilter:
    qs = restrict(ForeignProject.objects.select_related("association"), user)
    return f.ForeignProjectFilter(filters, queryset=qs.order_by("-approved_on", "pk"))


def cases(*, user: Any) -> QuerySet[MemberCase]:
    return restrict(MemberCase.objects.select_related("association"), user)


def case_list(*, user: Any, filters: Any) -> f.MemberCaseFilter:
    return f.MemberCaseFilter(filters, queryset=cases(user=user).order_by("-raised_on", "pk"))


def case_counts(*, user: Any, qs: QuerySet[MemberCase] | None = None) -> list[dict[str, Any]]:
    """Counts by association and kind (SQL), at most one page of associations (the 50 with most cases)."""
    qs = cases(user=user) if qs is None else qs
    rows = (qs.order_by().values("association_id", "association__name").annotate(
        total=Count("pk"), need=Count("pk", filter=Q(kind="need")), complaint=Count("pk", filter=Q(kind="complaint")),
        rights=Count("pk", filter=Q(kind="rights")), open=Count("pk", filter=Q(outcome="open")))
        .order_by("-total", "association__name"))
    return list(rows[:50])


# Diversity -----------------------------------------------------------------------------------------------

def diversity(*, user: Any) -> dict[str, list[dict[str, Any]]]:
    """Associations in scope (not ended) by field, by scope level and by founding decade: three grouped counts."""
    from sohoi.associations.choices import ENDED, ScopeLevel
    from sohoi.associations.models import FieldOfActivity

    qs = _filers(user).exclude(status__in=ENDED).order_by()
    by_field = {r["field_id"]: r["n"] for r in qs.values("field_id").annotate(n=Count("pk"))}
    fields = [{"label": fa.name, "n": by_field.get(fa.pk, 0), "key": fa.pk}
              for fa in FieldOfActivity.objects.order_by("order", "name")]
    by_scope = {r["scope_level"]: r["n"] for r in qs.values("scope_level").annotate(n=Count("pk"))}
    scopes = [{"label": str(label), "n": by_scope.get(value, 0), "key": value} for value, label in ScopeLevel.choices]
    from django.db.models.functions import ExtractYear

    decades: dict[int | None, int] = {}
    for r in qs.annotate(y=ExtractYear("founding_decision_date")).values("y").annotate(n=Count("pk")):
        key = None if r["y"] is None else r["y"] // 10 * 10
        decades[key] = decades.get(key, 0) + r["n"]
    years = [{"label": f"{k}–{k + 9}" if k is not None else "—", "n": decades[k], "key": k}
             for k in sorted(decades, key=lambda k: (k is None, k or 0))]
    return {"fields": fields, "scopes": scopes, "years": years}
