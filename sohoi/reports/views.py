"""The dashboard (figures of the six points, charts, links to the lists), its Excel export, and the periodic
report from the web (a background job with progress and a download)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped, restrict, scoped_view
from sohoi.core.views import render_page
from sohoi.directives.models import Document

from . import selectors, services
from .documents.build import FORMATS
from .documents.xlsx import XLSX, annex_workbook
from .forms import FiltersForm, ReportForm
from .models import ReportJob


def dashboard(request: HttpRequest) -> HttpResponse:
    require(request.user, "reports.view_dashboard")
    form = FiltersForm(request.GET or None, user=request.user, default_period=selectors.current_period())
    f = form.filters()
    if request.GET.get("export") == "xlsx":
        audit.record(actor=request.user, action="reports.dashboard.exported",
                     note=f"Xuất bảng số liệu: {request.GET.urlencode()}"[:500])
        response = HttpResponse(annex_workbook(selectors.sections(f), f), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="so-lieu-{f.period.code or "ky"}.xlsx"'
        return response
    context = {**selectors.dashboard(f), "form": form, "filters": f, "export_query": request.GET.urlencode(),
               "title": _("Bảng số liệu: %(p)s") % {"p": f.period.label}}
    return render(request, "reports/dashboard.html", context)


def report_new(request: HttpRequest) -> HttpResponse:
    """The periodic report from the web: the filters of the dashboard and a format; a background job writes it."""
    require(request.user, "reports.generate")
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = ReportForm(data, user=request.user, default_period=selectors.current_period().previous())
    if request.method == "POST" and form.is_valid():
        f = form.filters()
        job = services.report_job_start(actor=request.user, period=f.period, territory=f.territory, field=f.field,
                                        fmt=form.cleaned_data["format"])
        return redirect(job.get_absolute_url())
    jobs = ReportJob.objects.none()
    if request.user.is_authenticated:
        jobs = restrict(ReportJob.objects.defer("content").select_related("territory", "field"), request.user)[:10]
    return render(request, "reports/report_new.html", {"form": form, "jobs": jobs,
                                                       "title": _("Lập báo cáo định kỳ")},
                  status=400 if request.method == "POST" else 200)


@scoped_view(ReportJob)
def report_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = services.report_job_reconcile(get_scoped(ReportJob.objects.defer("content"), request.user, pk=pk))
    return render_page(request, "reports/report_job.html", {"job": job, "title": _("Báo cáo định kỳ %(p)s") % {
        "p": job.period}}, "reports/_job_status.html")


@scoped_view(ReportJob)
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_scoped(ReportJob.objects.all(), request.user, pk=pk)
    if job.status != ReportJob.State.DONE or job.content is None:
        raise Http404(_("Báo cáo chưa lập xong."))
    response = HttpResponse(bytes(job.content), content_type=FORMATS[job.format])
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response


@scoped_view(Document)
def unit_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The user's unit's draft report on a document it was assigned (.docx, nothing stored)."""
    from sohoi.core.deadlines import today
    from sohoi.directives.selectors import document_get

    from .documents.unit_draft import unit_draft_docx

    document = document_get(user=request.user, pk=pk)
    require(request.user, "reports.draft_unit_report")
    data = selectors.unit_draft(user=request.user, document=document)
    if not data["assignments"]:
        messages.info(request, _("Đơn vị của bạn không được giao nhiệm vụ nào của văn bản này, nên không có gì để "
                                 "báo cáo."))
        return redirect(document)
    content = unit_draft_docx(unit=request.user.unit, document=document, on=today(), **data)
    response = HttpResponse(content, content_type=FORMATS["docx"])
    response["Content-Disposition"] = f'attachment; filename="du-thao-bao-cao-{document.pk}.docx"'
    return response
