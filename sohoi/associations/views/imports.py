"""Import of the Department's register: upload, check (dry run) or write, and a progress page for large files.

A large file runs in a background thread of the web process and the page polls its ImportJob row (htmx, every
second). No task queue: Sổ Hội runs as plain app processes (design.md), an import is rare (the register is
loaded once, then kept up to date through the pages), and the writing pass is one transaction, so a process
that stops mid-way leaves nothing half-written; its job then shows as interrupted.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped
from sohoi.core.views import render_page

from ..exports import XLSX
from ..forms import ImportForm
from ..importing import count_rows
from ..models import ImportJob
from ..services.register_import import register_import_job as run_job
from ..services.register_import import register_template


def _run_in_background(job_pk: int) -> None:
    """The worker thread has its own database connection: close it when the job ends (never the request's)."""
    from django.db import connections

    try:
        run_job(job_pk)
    finally:
        connections.close_all()

# Files up to this size are checked within the request (a few thousand rows: a second or two); larger ones
# run in the background with a progress bar.
INLINE_BYTES = 512 * 1024
MAX_BYTES = 60 * 1024 * 1024  # about 200,000 rows of .xlsx or CSV (importing.MAX_ROWS)


def _require_department(request: HttpRequest) -> None:
    require(request.user, "associations.import_register")


def _store(upload) -> str:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with open(path, "wb") as out:
        for block in upload.chunks():
            out.write(block)
    return str(path)


def register_import(request: HttpRequest) -> HttpResponse:
    _require_department(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", _("Tệp lớn hơn %(n)s MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.")
                           % {"n": MAX_BYTES // (1024 * 1024)})
        else:
            path = _store(upload)
            job = ImportJob.objects.create(created_by=request.user, filename=upload.name[:255], path=path,
                                           dry_run=not form.cleaned_data["commit"],
                                           total=count_rows(path, upload.name))
            if upload.size <= INLINE_BYTES:
                run_job(job.pk)
            else:
                threading.Thread(target=_run_in_background, args=(job.pk,), daemon=True,
                                 name=f"register-import-{job.pk}").start()
            return redirect("associations:register_import_job", pk=job.pk)
    recent = ImportJob.objects.filter(kind="register").select_related("created_by")[:10]
    return render_page(request, "associations/register_import.html", {
        "form": form, "recent": recent, "title": _("Nhập danh bạ hội hiện có"), "columns": _columns()})


def register_import_job(request: HttpRequest, pk: int) -> HttpResponse:
    _require_department(request)
    job = get_scoped(ImportJob.objects.select_related("created_by"), request.user, pk=pk)
    return render_page(request, "associations/register_import_job.html",
                       {"job": job, "interrupted": _interrupted(job), "title": _("Nhập danh bạ: %(f)s") % {
                           "f": job.filename}}, "associations/partials/_import_job.html")


def _interrupted(job: ImportJob) -> bool:
    """A job that has not moved for 10 minutes stopped with its process (nothing was written)."""
    from django.utils import timezone

    return not job.finished and (timezone.now() - job.updated_at).total_seconds() > 600


def register_template_download(request: HttpRequest) -> HttpResponse:
    _require_department(request)
    response = HttpResponse(register_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-ba-hoi.xlsx"'
    return response


def _columns() -> list[tuple[str, bool]]:
    from ..services.register_import import COLUMNS, REQUIRED

    return [(label, key in REQUIRED) for key, label in COLUMNS.items()]
