"""Pages of point 5: yearly reports (file, accept/return, resubmit; filing states per year) and reviews."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.associations.models import Association
from sohoi.core import audit
from sohoi.core.deadlines import today
from sohoi.core.forms import apply_errors
from sohoi.core.params import int_param
from sohoi.core.permissions import allowed
from sohoi.core.scoping import restrict, scoped_view
from sohoi.core.views import paginate
from sohoi.directives.models import Document

from .. import selectors, services, yearly
from ..choices import FILING_CSS, FilingState
from ..forms import ResubmitForm, ReviewForm, TransitionForm, YearlyReportForm
from ..models import YearlyReport
from ..selectors import SQL_STATE
from ..workflows import report_actions
from .common import association_of, create_form, list_page, uploaded


@scoped_view(Association)
def report_file(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    form = YearlyReportForm(request.POST or None, request.FILES or None,
                            initial={"year": today().year - 1, "members": a.reported_total,
                                     "branches": a.branches_reported})
    return create_form(request, action="activities.file_yearly_report", obj=a, form=form,
                       save=lambda d: services.yearly_report_file(actor=request.user, association=a, data=d,
                                                                  file=uploaded(request)),
                       title=_("Nộp báo cáo tình hình tổ chức, hoạt động: %(a)s") % {"a": a},
                       done=_("Đã nộp báo cáo năm."), back_url=reverse("activities:association", args=[a.pk]),
                       redirect_to=lambda r: reverse("activities:report_detail", args=[r.pk]))


@scoped_view(YearlyReport)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report, and on the same URL its transitions (accept, return with a comment, resubmit)."""
    report = selectors.report_get(user=request.user, pk=pk)
    form = TransitionForm(request.POST or None)
    resubmit = ResubmitForm(request.POST or None, request.FILES or None,
                            initial={"activities": report.activities})
    if request.method == "POST" and form.is_valid() and resubmit.is_valid():
        try:
            services.yearly_report_transition(actor=request.user, report=report, action=form.cleaned_data["action"],
                                              comment=form.cleaned_data["comment"],
                                              data={k: v for k, v in resubmit.cleaned_data.items() if v},
                                              file=uploaded(request))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi."))
            return redirect("activities:report_detail", pk=report.pk)
    reviewer = allowed(request.user, "activities.review_yearly_report", report.association)
    filer = allowed(request.user, "activities.file_yearly_report", report.association)
    resubmit = report_actions(report.status, reviewer=False) if filer else []
    state = yearly.state(report.year, report.submitted_on)
    context = {"report": report, "title": str(report), "state": state, "resubmit": resubmit[0] if resubmit else None,
               "review_actions": report_actions(report.status, reviewer=True) if reviewer else [],
               "state_css": FILING_CSS[state], "due": yearly.deadline(report.year)[0], "form": form,
               "resubmit_form": resubmit, "history": audit.visible_history(report, request.user, limit=50)}
    return render(request, "activities/report_detail.html", context, status=400 if form.errors else 200)


def report_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.report_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_reports.html",
                     title=_("Báo cáo tình hình tổ chức, hoạt động năm"))


TWO_YEARS = "two_years"


def filing(request: HttpRequest) -> HttpResponse:
    """For one report year: how many associations (in scope, existing that year) are in each filing state
    (SQL counts), and, for a chosen state (?state=, or "all", or "two_years": missed the last two closed years),
    those associations a page at a time."""
    last = yearly.last_closed_year()
    year = int_param(request.GET.get("year")) or last
    year = min(max(year, 1990), today().year)
    wanted = request.GET.get("state", "")
    where = selectors.association_where(request.GET)
    page = None
    if wanted == TWO_YEARS:
        page = paginate(request, selectors.two_years_missing(user=request.user, where=where).order_by("name_sort", "pk"))
    elif wanted == "all" or wanted in FilingState.values:
        qs = selectors.filing(user=request.user, year=year, where=where)
        if wanted != "all":
            qs = qs.filter(track__in=[t.value for t, s in SQL_STATE.items() if s == wanted])
        page = paginate(request, qs.order_by("name_sort", "pk"))
        for a in page.object_list:
            a.filing_state = SQL_STATE[a.track]
            a.filing_css = FILING_CSS[a.filing_state]
    due, rule = yearly.deadline(year)
    counts = selectors.filing_counts(user=request.user, year=year, where=where)
    return render(request, "activities/filing.html", {
        "title": _("Tình hình nộp báo cáo năm %(y)s") % {"y": year}, "year": year, "page": page, "due": due,
        "rule": rule, "counts": [(s, counts[s.value], FILING_CSS[s]) for s in FilingState], "wanted": wanted,
        "states": FilingState, "years": list(range(today().year, today().year - 6, -1)), "two_years_key": TWO_YEARS,
        "two_years": selectors.two_years_missing(user=request.user, where=where).count(), "last": last})


def review_add(request: HttpRequest) -> HttpResponse:
    unit = request.user.unit if request.user.unit_id else None
    documents = restrict(Document.objects.all(), request.user)
    form = ReviewForm(request.POST or None, request.FILES or None, documents=documents,
                      initial={"document": int_param(request.GET.get("document"))})
    return create_form(request, action="activities.record_review", obj=unit, form=form,
                       save=lambda d: services.review_record(actor=request.user, unit=unit, data=d,
                                                             file=uploaded(request)),
                       title=_("Ghi sơ kết, tổng kết"), done=_("Đã ghi sơ kết, tổng kết."),
                       back_url=reverse("activities:review_list"),
                       redirect_to=lambda r: reverse("activities:review_list"))


def review_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.review_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_reviews.html",
                     title=_("Sơ kết, tổng kết"))
