"""Writes of the reports app: a periodic report requested from the web, run as a background job
(core/jobs.py: progress on the row, the worker's name and heartbeat, a dead worker's job marked failed)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sohoi.core import audit, jobs
from sohoi.core.permissions import require

from .documents.build import build, filename
from .models import ReportJob
from .registry import Filters, Period

log = logging.getLogger(__name__)
# i18n: data (an error stored on the report job)
LOST = "Tiến trình lập báo cáo đã dừng giữa chừng (máy chủ khởi động lại?). Hãy lập lại."


def report_job_start(*, actor: Any, period: Period, territory: Any = None, field: Any = None,
                     fmt: str = ReportJob.Format.DOCX) -> ReportJob:
    """Record the request and put it on the queue (with the database backend the queue row is written in the
    same transaction as the job row)."""
    require(actor, "reports.generate")
    job = ReportJob.objects.create(created_by=actor, period=period.code, territory=territory, field=field, format=fmt)
    audit.record(actor=actor, action="reports.job.created", target=job,
                 changes={"period": [None, job.period], "format": [None, fmt],
                          "territory": [None, str(territory) if territory else None],
                          "field": [None, str(field) if field else None]})
    from .tasks import report_job_task

    result = report_job_task.enqueue(job.pk)
    ReportJob.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def _progress(job_id: int, **values: Any) -> None:
    ReportJob.objects.filter(pk=job_id).update(updated_at=timezone.now(), **values)


def report_job_run(job_id: int) -> ReportJob:
    """Write the report of a stored job (in a worker, or inline under the immediate backend). Never raises: a
    failure is recorded on the job for the page to show."""
    job = ReportJob.objects.select_related("created_by", "territory", "field").get(pk=job_id)
    if job.finished:
        return job  # delivered twice by the queue: the first run decided
    _progress(job.pk, status=ReportJob.State.RUNNING, worker=jobs.worker_label(), heartbeat_at=timezone.now(),
              attempts=job.attempts + 1, done=0)
    f = Filters(job.created_by, Period.parse(job.period), job.territory, job.field)
    try:
        with jobs.heartbeat(ReportJob, job.pk):
            content = build(f, job.format, progress=lambda done, total: _progress(job.pk, done=done, total=total))
        _progress(job.pk, status=ReportJob.State.DONE, content=content, filename=filename(f, job.format),
                  finished_at=timezone.now())
    except Exception as exc:  # noqa: BLE001 - recorded on the job, the reason kept in the server log
        log.exception("report job %s failed", job_id)
        _progress(job.pk, status=ReportJob.State.FAILED, finished_at=timezone.now(),
                  error=(str(exc) if exc.__class__.__name__ == "ConversionError" else _("Lỗi khi lập báo cáo."))[:500])
    job.refresh_from_db()
    return job


def report_job_reconcile(job: ReportJob) -> ReportJob:
    """A running job whose worker is gone is marked failed (the page offers to start again). Called by the page."""
    if job.finished or not job.worker or job.status == ReportJob.State.QUEUED:
        return job
    if jobs.worker_alive(job.worker, job.heartbeat_at):
        return job
    if ReportJob.objects.filter(pk=job.pk, worker=job.worker, finished_at__isnull=True).update(
            status=ReportJob.State.FAILED, finished_at=timezone.now(), error=LOST, updated_at=timezone.now()):
        jobs.fail_task_result(job.task_id)
    job.refresh_from_db()
    return job


@transaction.atomic
def plan_register(*, actor: Any, upper: Any, draft: Any, subject: str = "") -> Any:
    """Issue the unit's implementing plan of `upper`: a Document of the unit (Kế hoạch, outgoing, parent =
    the upper document) numbered from the unit's outgoing book, its tasks proposed for the bodies the plan
    names. The tasks are not confirmed here: the unit reviews and confirms them as for any parsed document."""
    from sohoi.directives.choices import Direction, DocType, System
    from sohoi.directives.services import document_create, document_review_save

    from .books.models import Book
    from .books.services import book_entry_add, next_number
    from .documents.official import is_party, symbol
    from .documents.plan_draft import plan_text

    require(actor, "reports.draft_plan", upper)
    errors: dict[str, str] = {}
    if not draft.tasks:
        errors["tasks"] = _("Chưa chọn nhiệm vụ nào của văn bản cấp trên: chọn ít nhất một nhiệm vụ.")
    if not draft.units:
        errors["units"] = _("Chưa chọn đơn vị thực hiện: chọn ít nhất một đơn vị trực thuộc.")
    if errors:
        raise ValidationError(errors)
    unit, on = actor.unit, draft.on
    number = next_number(unit=unit, book=Book.OUTGOING, year=on.year)
    sym = symbol(unit, "KH")
    fields = {"system": System.PARTY if is_party(unit) else System.STATE, "doc_type": DocType.KE_HOACH,
              "issuer": unit, "issuer_name": unit.name, "number": str(number), "symbol": sym,
              "code": f"{number}-{sym}" if is_party(unit) else f"{number}/{sym}", "date": on,
              "place": upper.place or "", "subject": (subject or draft.subject)[:2000],
              "direction": Direction.OUTGOING, "parent": upper, "text": plan_text(draft)}
    document = document_create(actor=actor, fields=fields)
    entry = book_entry_add(actor=actor, document=document, book=Book.OUTGOING, on=on)
    if entry.number != number:  # another plan took the number meanwhile: the book decides
        document.number = str(entry.number)
        document.code = f"{entry.number}-{sym}" if is_party(unit) else f"{entry.number}/{sym}"
        document.save(update_fields=["number", "code", "updated_at"])
    tasks = [{"no": t.no, "text": t.text, "include": True, "deadline": t.due.isoformat() if t.due else "",
              "recurrence": "", "coordinators": [],
              "leads": [{"name": u.name, "choice": f"unit:{u.pk}", "auto": True} for u in t.units]}
             for t in draft.tasks]
    document_review_save(actor=actor, document=document, tasks=tasks)
    audit.record(actor=actor, action="reports.plan.registered", target=document,
                 changes={"parent": [None, str(upper)], "tasks": [None, len(tasks)],
                          "units": [None, len(draft.units)]})
    return document
