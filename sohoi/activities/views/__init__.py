"""Pages of the activities app: thin views that parse input, call one service or selector, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sohoi.associations.models import Association
from sohoi.core.scoping import scoped_view

from .. import finance, selectors, yearly
from ..choices import FILING_CSS, FilingState
from .common import association_of
from .funding import finance_add, finance_list, state_task_add, state_task_list, support_add, support_list
from .outreach import (
    case_add,
    case_list,
    diversity,
    exchange_add,
    exchange_list,
    exchange_report,
    good_model_add,
    good_model_detail,
    good_model_list,
    project_add,
    project_list,
    replication_add,
)
from .reports import (
    filing,
    report_detail,
    report_file,
    report_list,
    review_add,
    review_list,
)

SHOWN = 10


def index(request: HttpRequest) -> HttpResponse:
    year = yearly.last_closed_year()
    return render(request, "activities/index.html", {
        "title": _("Hoạt động hội và kinh phí Nhà nước"), "year": year, "states": FilingState,
        "counts": selectors.filing_counts(user=request.user, year=year),
        "two_years": selectors.two_years_missing(user=request.user).count(),
        "totals": selectors.finance_totals(user=request.user)[-5:], "flag": int(finance.ADMIN_FLAG * 100),
        "missing_reports": selectors.exchanges_missing_report(user=request.user).count()})


@scoped_view(Association)
def association(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything of this app about one association, a few rows of each with links to the full lists."""
    a = association_of(request, pk)
    u = request.user
    states = selectors.report_states(association=a, user=u)
    for row in states:
        row["css"] = FILING_CSS[row["state"]]
    tasks = selectors.state_tasks(user=u).filter(association=a)
    return render(request, "activities/association.html", {
        "object": a, "title": str(a), "states": states,
        "tasks": tasks.prefetch_related("supports")[:SHOWN], "task_count": tasks.count(),
        "finances": selectors.finances(user=u).filter(association=a).order_by("-year")[:SHOWN],
        "totals": selectors.finance_totals(user=u, association=a),
        "models": selectors.good_models(user=u).filter(association=a).order_by("-replication_count", "title")[:SHOWN],
        "exchanges": selectors.exchanges(user=u).filter(association=a).order_by("-starts_on")[:SHOWN],
        "projects": selectors.project_list(user=u, filters={"association": a.pk}).qs[:SHOWN],
        "cases": selectors.case_counts(user=u, qs=selectors.cases(user=u).filter(association=a)),
        "flag": int(finance.ADMIN_FLAG * 100)})


__all__ = ["association", "case_add", "case_list", "diversity", "exchange_add", "exchange_list", "exchange_report",
           "filing", "finance_add", "finance_list", "good_model_add", "good_model_detail", "good_model_list", "index",
           "project_add", "project_list", "replication_add", "report_detail", "report_file", "report_list",
           "review_add", "review_list", "state_task_add", "state_task_list", "support_add", "support_list"]
