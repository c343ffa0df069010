"""Import of the Department's register: upload, check (dry run) or write, and a progress page.

Every upload is a background job (services/import_jobs.py, core/jobs.py): the file is stored, a worker runs
the import, and the page polls its ImportJob row (htmx, every second). The state lives in the database, so a
web restart loses nothing; a worker killed midway leaves nothing written, and the page shows the job failed
with a button to run it again.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped
from sohoi.core.views import render_page

from ..exports import XLSX
from ..forms import ImportForm
from ..importing import count_rows
from ..models import ImportJob
from ..services.import_jobs import import_job_reconcile, import_job_retry, import_job_start, store_upload
from ..services.register_import import register_template

MAX_BYTES = 60 * 1024 * 1024  # about 200,000 rows of .xlsx or CSV (importing.MAX_ROWS)


def _require_department(request: HttpRequest) -> None:
    require(request.user, "associations.import_register")


def register_import(request: HttpRequest) -> HttpResponse:
    _require_department(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", _("Tệp lớn hơn %(n)s MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.")
                           % {"n": MAX_BYTES // (1024 * 1024)})
        else:
            path = store_upload(upload)
            job = import_job_start(actor=request.user, kind=ImportJob.Kind.REGISTER, path=path,
                                   filename=upload.name, dry_run=not form.cleaned_data["commit"],
                                   total=count_rows(path, upload.name))
            return redirect("associations:register_import_job", pk=job.pk)
    recent = ImportJob.objects.filter(kind=ImportJob.Kind.REGISTER).select_related("created_by")[:10]
    return render_page(request, "associations/register_import.html", {
        "form": form, "recent": recent, "title": _("Nhập danh bạ hội hiện có"), "columns": _columns()})


def register_import_job(request: HttpRequest, pk: int) -> HttpResponse:
    _require_department(request)
    job = get_scoped(ImportJob.objects.select_related("created_by"), request.user, pk=pk)
    job = import_job_reconcile(job)
    return render_page(request, "associations/register_import_job.html",
                       {"job": job, "poll_url": request.path, "done_label": _("Xem danh sách hội"),
                        "done_url": reverse("associations:association_list"),
                        "retry_url": reverse("associations:register_import_retry", args=[job.pk]), "title": _("Nhập danh bạ: %(f)s") % {
                           "f": job.filename}}, "associations/partials/_import_job.html")


@require_POST
def register_import_retry(request: HttpRequest, pk: int) -> HttpResponse:
    _require_department(request)
    job = get_scoped(ImportJob.objects.select_related("created_by"), request.user, pk=pk, action="change")
    try:
        import_job_retry(actor=request.user, job=job)
    except ValidationError as exc:
        from django.contrib import messages

        messages.error(request, " ".join(exc.messages))
    return redirect("associations:register_import_job", pk=job.pk)


def register_template_download(request: HttpRequest) -> HttpResponse:
    _require_department(request)
    response = HttpResponse(register_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-ba-hoi.xlsx"'
    return response


def _columns() -> list[tuple[str, bool]]:
    from ..services.register_import import COLUMNS, REQUIRED

    return [(label, key in REQUIRED) for key, label in COLUMNS.items()]
