"""The dashboard (figures of the six points, charts, links to the lists), its Excel export, and the periodic
report from the web (a background job with progress and a download)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
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
from .forms import FiltersForm, PlanForm, ReportForm
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
    preview = None
    if job.status == ReportJob.State.DONE and job.format == ReportJob.Format.DOCX:
        from .documents.preview import first_page

        content = ReportJob.objects.filter(pk=job.pk).values_list("content", flat=True).first()
        preview = first_page(bytes(content)) if content else None
    return render_page(request, "reports/report_job.html", {"job": job, "preview": preview, "title": _(
        "Báo cáo định kỳ %(p)s") % {"p": job.period}}, "reports/_job_status.html")


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


def _plan_context(request: HttpRequest, document: Document) -> tuple[Any, dict[str, Any]]:
    from sohoi.core.deadlines import today

    on = today()
    assignments = selectors.unit_draft(user=request.user, document=document)["assignments"]
    units, units_total = selectors.plan_units(unit=request.user.unit, on=on)
    default = selectors.plan_draft(user=request.user, document=document, on=on)
    form = PlanForm(request.POST if request.method == "POST" else None, assignments=assignments, units=units,
                    subject=default.subject)
    from .documents.plan_draft import plan_docx
    from .documents.preview import first_page

    return form, {"document": document, "form": form, "units_total": units_total, "units_shown": len(units),
                  "preview": first_page(plan_docx(default)),
                  "on": on, "title": _("Dự thảo kế hoạch thực hiện %(d)s") % {"d": document}}


def _plan_file(draft: Any, document: Document) -> HttpResponse:
    from .documents.plan_draft import plan_docx

    response = HttpResponse(plan_docx(draft), content_type=FORMATS["docx"])
    response["Content-Disposition"] = f'attachment; filename="du-thao-ke-hoach-{document.pk}.docx"'
    return response


@scoped_view(Document)
def plan_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The user's unit's implementing plan of a document it received: choose tasks and subordinate bodies,
    download the draft (.docx), or register the plan at once (outgoing book number, parent = this document,
    tasks proposed for review). `?download=1` downloads the draft with every task and body offered."""
    from sohoi.directives.selectors import document_get

    document = document_get(user=request.user, pk=pk)
    require(request.user, "reports.draft_plan", document)
    form, context = _plan_context(request, document)
    if request.method == "GET" and request.GET.get("download"):
        return _plan_file(selectors.plan_draft(user=request.user, document=document, on=context["on"]), document)
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen
        draft = selectors.plan_draft(user=request.user, document=document, on=context["on"],
                                     task_ids=form.cleaned_data["tasks"] if chosen else None,
                                     unit_ids=form.cleaned_data["units"] if chosen else None)
        if request.POST.get("action") != "register":
            return _plan_file(draft, document)
        try:
            plan = services.plan_register(actor=request.user, upper=document, draft=draft,
                                          subject=form.cleaned_data["subject"])
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Đã vào sổ văn bản đi kế hoạch %(c)s, thực hiện %(d)s. Hãy duyệt và xác nhận "
                                        "các nhiệm vụ đề xuất để giao cho các đơn vị.") % {"c": plan.code, "d": document})
            return redirect(plan)
    return render(request, "reports/plan_draft.html", context, status=400 if request.method == "POST" else 200)


def book(request: HttpRequest, book: str) -> HttpResponse:
    """The user's unit's incoming or outgoing book for a year: one page of 50 lines on screen, printed on A4."""
    from sohoi.core.deadlines import today
    from sohoi.core.views import paginate

    from .books import selectors as books
    from .books.models import Book

    require(request.user, "reports.view_book")
    if book not in Book.values:
        raise Http404(_("Không có sổ này."))
    unit = request.user.unit
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and 1900 < int(year_text) < 3000 else today().year
    entries = books.book_entries(user=request.user, unit=unit, book=book, year=year)
    title = _("%(b)s năm %(y)s") % {"b": Book(book).label, "y": year}
    if request.GET.get("export") == "xlsx":
        from .books.export import book_workbook

        audit.record(actor=request.user, action="reports.book.exported", note=f"{title}, {unit}"[:500])
        response = HttpResponse(book_workbook(entries=entries, book=book, title=title,
                                              visible=lambda ids: books.visible_documents(request.user, ids)),
                                content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="so-van-ban-{book}-{year}.xlsx"'
        return response
    page = paginate(request, entries)
    visible = books.visible_documents(request.user, [e.document_id for e in page.object_list])
    return render(request, "reports/book.html", {
        "book": book, "book_label": Book(book).label, "unit": unit, "year": year, "page": page,
        "visible": visible, "years": books.book_years(user=request.user, unit=unit, book=book),
        "other": Book.OUTGOING if book == Book.INCOMING else Book.INCOMING, "title": title})


@scoped_view(Document)
def book_register(request: HttpRequest, book: str, pk: int) -> HttpResponse:
    """A unit enters a document of the register in its own book (a received copy: no second document)."""
    from sohoi.directives.selectors import document_get

    from .books.models import Book
    from .books.services import book_entry_add

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if book not in Book.values:
        raise Http404(_("Không có sổ này."))
    document = document_get(user=request.user, pk=pk)
    try:
        entry = book_entry_add(actor=request.user, document=document, book=book,
                               note=request.POST.get("note", "").strip())
    except ValidationError as exc:
        for errors in exc.message_dict.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.success(request, _("Đã vào %(b)s số %(n)s/%(y)s.") % {
            "b": str(entry.get_book_display()).lower(), "n": entry.number, "y": entry.year})
    return redirect(document)
