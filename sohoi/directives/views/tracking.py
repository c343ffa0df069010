"""Tracking pages: task, assignment (reports and their review), lists behind every count, my unit's
open work, the review queue and the board's urge page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sohoi.core import audit
from sohoi.core.deadlines import today
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import get_scoped, scoped_view
from sohoi.core.views import paginate, render_page

from .. import selectors, services
from ..forms import ReportForm, ReviewForm
from ..models import Assignment, ProgressReport, ReportAttachment, Task
from ..workflows import report_actions
from .common import apply_errors


@scoped_view(Task)
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(user=request.user, pk=pk)
    assignments = selectors.assignment_queryset(user=request.user).filter(task=task).order_by("unit__path")
    return render(request, "directives/task_detail.html", {
        "task": task, "assignments": assignments, "coordinators": task.coordinators.all(),
        "history": audit.visible_history(task, request.user, limit=50), "title": str(task)})


def assignment_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.assignment_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return render_page(request, "directives/assignment_list.html", {"filter": filterset, "page": paginate(request, qs)},
                       "directives/partials/_assignment_rows.html")


@scoped_view(Assignment)
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.assignment_get(user=request.user, pk=pk)
    can_report = allowed(request.user, "directives.report", assignment)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        require(request.user, "directives.report", assignment)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.progress_report_submit(
                    actor=request.user, assignment=assignment, text=d["text"], percent=d["percent"],
                    milestone=d["milestone"], is_final=d["is_final"], done_on=d["done_on"],
                    files=[(f.name, f.read()) for f in d["files"]])
            except ValidationError as exc:
                apply_errors(request, exc, form)
            else:
                messages.success(request, _("Đã gửi báo cáo; cơ quan theo dõi sẽ xem xét."))
                return redirect(assignment)
    reports = list(assignment.reports.all())
    for report in reports:
        report.assignment = assignment
        report.actions = report_actions(report.status) if allowed(request.user, "directives.review_report",
                                                                  report) else []
    # One report waits at a time (the database holds it too): while it waits, the page says so instead of
    # offering a form whose sending would be refused.
    pending = any(r.status == "submitted" for r in reports) and not form.is_bound
    return render(request, "directives/assignment_detail.html", {
        "assignment": assignment, "task": assignment.task, "reports": reports, "periods": assignment.periods.all(),
        "form": form, "can_report": can_report, "report_pending": pending, "review_form": ReviewForm(),
        "history": audit.visible_history(assignment, request.user, limit=50), "title": str(assignment)})


@scoped_view(ProgressReport)
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn Chấp nhận hoặc Trả lại."))
        return redirect(report.assignment)
    try:
        services.progress_report_transition(actor=request.user, report=report, action=form.cleaned_data["action"],
                                            comment=form.cleaned_data["comment"])
    except ValidationError as exc:
        apply_errors(request, exc)
    else:
        messages.success(request, _("Đã chấp nhận báo cáo.") if form.cleaned_data["action"] == "accept"
                         else _("Đã trả lại báo cáo cho đơn vị."))
    return redirect(report.assignment)


@scoped_view(ReportAttachment)
def attachment_file(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_scoped(ReportAttachment, request.user, pk=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def my_work(request: HttpRequest) -> HttpResponse:
    qs = selectors.my_work(user=request.user)
    return render(request, "directives/my_work.html", {"page": paginate(request, qs), "unit": request.user.unit})


def review_queue(request: HttpRequest) -> HttpResponse:
    qs = selectors.pending_reviews(user=request.user).select_related(
        "assignment__task__document", "assignment__unit", "created_by").order_by("submitted_on", "pk")
    return render(request, "directives/review_queue.html", {"page": paginate(request, qs)})


def urge(request: HttpRequest) -> HttpResponse:
    require(request.user, "directives.urge", message=_("Trang đôn đốc dành cho Ban Dân vận."))
    if request.method == "POST":
        try:
            n = services.unit_urge(actor=request.user, unit_id=int(request.POST.get("unit", "0") or 0))
        except (ValidationError, ValueError) as exc:
            if isinstance(exc, ValidationError):
                apply_errors(request, exc)
        else:
            messages.success(request, _("Đã gửi %(n)s thông báo đôn đốc.") % {"n": n})
        return redirect("directives:urge")
    on = today()
    page = paginate(request, selectors.urge_units(user=request.user, on=on))
    # Other apps' overdue items beside the overdue tasks (oversight: recommendations not answered in time), each
    # a bounded section from `<app>.selectors.urge_section(request, on)`.
    from sohoi.core.contributions import app_modules

    sections = [s for _c, m in app_modules("selectors") if hasattr(m, "urge_section")
                if (s := m.urge_section(request, on))]
    return render(request, "directives/urge.html", {
        "rows": selectors.urge_rows(user=request.user, units=page.object_list, on=on), "page": page, "on": on,
        "sections": sections})
