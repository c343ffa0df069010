"""Imports as background jobs (design.md §14, core/jobs.py): the register of associations and a roster of members.

The page stores the file, creates an ImportJob row and enqueues `associations.tasks.import_job_task`; a worker
(`sohoi worker`, or the one `make run` starts) runs `import_job_run`, which records its progress on the row for
the page to poll. The import itself is all-or-nothing (one transaction), so a worker killed midway leaves
nothing written; the page then finds the worker gone (`import_job_reconcile`), shows the job failed, and
`import_job_retry` runs it again from the kept file.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from sohoi.core import jobs
from sohoi.core.permissions import require

from ..importing import ImportResult
from ..models import Association, ImportJob

log = logging.getLogger(__name__)
MAX_STORED_ERRORS = 2000  # kept on the job row; the count is always complete
# Written into the job row's JSON error list by the worker (no request, no language): stored text, kept in the
# source language like the other messages of a job. i18n: data
LOST = ("Tiến trình chạy nền dừng giữa chừng (máy chủ tắt hoặc tiến trình bị dừng). Chưa ghi gì vào hệ thống. "
        "Bấm “Chạy lại” để nhập lại từ tệp đã tải lên.")
# i18n: data
GONE = "Không còn tệp đã tải lên trên máy chủ; chưa ghi gì. Tải tệp lên lại."
# i18n: data
CRASHED = "Lỗi hệ thống khi nhập; chưa ghi gì. Bấm “Chạy lại”, hoặc báo quản trị nếu lỗi lặp lại."


def _require(actor: Any, job: ImportJob) -> None:
    if job.kind == ImportJob.Kind.ROSTER:
        require(actor, "associations.import_members", job.association)
    else:
        require(actor, "associations.import_register")


def store_upload(upload: Any) -> str:
    """Keep an uploaded file under MEDIA_ROOT/imports until its job has finished (a worker reads it there)."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with open(path, "wb") as out:
        for block in upload.chunks():
            out.write(block)
    return str(path)


def import_job_start(*, actor: Any, kind: str, path: str, filename: str, dry_run: bool, total: int = 0,
                     association: Association | None = None) -> ImportJob:
    """Record the job and put it on the queue. The row is committed before a worker can look for it."""
    job = ImportJob(created_by=actor, kind=kind, association=association, filename=filename[:255], path=path,
                    dry_run=dry_run, total=total)
    _require(actor, job)
    job.save()
    _enqueue(job)
    _sweep_unconfirmed()
    return job


CONFIRM_WITHIN = datetime.timedelta(days=7)


def _sweep_unconfirmed(limit: int = 100) -> None:
    """A clean dry run keeps its file for `import_job_confirm`; after CONFIRM_WITHIN it is no longer
    confirmable (upload it again) and its file is removed, a bounded batch each time a job starts."""
    stale = list(ImportJob.objects.filter(dry_run=True, status=ImportJob.State.DONE, finished_at__lt=timezone.now()
                                          - CONFIRM_WITHIN).exclude(path="").values_list("pk", "path")[:limit])
    for _pk, path in stale:
        with contextlib.suppress(OSError):
            os.remove(path)
    if stale:
        ImportJob.objects.filter(pk__in=[pk for pk, _path in stale]).update(path="")


def _enqueue(job: ImportJob) -> None:
    from ..tasks import import_job_task

    # With the database backend the queue row is written in the caller's transaction, like the job row, so a
    # worker never sees one without the other. (The immediate backend of the tests runs the job right here.)
    result = import_job_task.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id)[:64])


def _progress(job_id: int, **values: Any) -> None:
    ImportJob.objects.filter(pk=job_id).update(updated_at=timezone.now(), **values)


def import_job_run(job_id: int) -> ImportJob:
    """Run a stored job (in a worker, or inline under the immediate backend): read its file, store the outcome.
    Never raises: a failure is recorded on the job for the page to show. The file is removed once the job is
    over, except after a system failure, when it is kept for a retry."""
    job = ImportJob.objects.select_related("created_by", "association").get(pk=job_id)
    if job.finished:
        return job  # delivered twice by the queue: the first run decided
    _progress(job.pk, status=ImportJob.State.CHECKING, worker=jobs.worker_label(), heartbeat_at=timezone.now(),
              attempts=job.attempts + 1, done=0, retryable=False)
    keep_file = False
    try:
        with jobs.heartbeat(ImportJob, job.pk), open(job.path, "rb") as upload:
            result = _run(job, upload)
        errors = [{"row": e.row, "column": e.column, "message": e.message} for e in result.errors]
        _progress(job.pk, status=ImportJob.State.FAILED if errors else ImportJob.State.DONE, total=result.rows,
                  done=result.rows, created=result.created, updated=result.updated, error_count=len(errors),
                  errors=errors[:MAX_STORED_ERRORS], finished_at=timezone.now())
    except Exception:  # noqa: BLE001 - recorded on the job, with the reason kept in the server log
        log.exception("import job %s failed", job_id)
        keep_file = os.path.exists(job.path)
        _progress(job.pk, status=ImportJob.State.FAILED, finished_at=timezone.now(), error_count=1,
                  retryable=keep_file, errors=[{"row": 0, "column": "", "message": CRASHED if keep_file else GONE}])
    else:
        # A clean dry run keeps its file: the caller may confirm it (`import_job_confirm`) without uploading again.
        keep_file = job.dry_run and not errors
    finally:
        if not keep_file:
            with contextlib.suppress(OSError):
                os.remove(job.path)
    job.refresh_from_db()
    return job


def _run(job: ImportJob, upload: Any) -> ImportResult:
    if job.kind == ImportJob.Kind.ROSTER:
        from .roster import roster_import

        return roster_import(actor=job.created_by, association=job.association, upload=upload,
                             filename=job.filename, dry_run=job.dry_run, job=job)
    from .register_import import register_import

    return register_import(actor=job.created_by, upload=upload, filename=job.filename, dry_run=job.dry_run, job=job)


def import_job_reconcile(job: ImportJob) -> ImportJob:
    """A job whose worker is gone (killed, machine restarted) is failed and may be run again; its transaction was
    rolled back by the database, so nothing of it is written. Called by the page each time it shows the job."""
    if job.finished or not job.worker or job.status == ImportJob.State.QUEUED:
        return job
    if jobs.worker_alive(job.worker, job.heartbeat_at):
        return job
    changed = ImportJob.objects.filter(pk=job.pk, worker=job.worker, finished_at__isnull=True).exclude(
        status__in=[ImportJob.State.DONE, ImportJob.State.FAILED]).update(
        status=ImportJob.State.FAILED, finished_at=timezone.now(), error_count=1, retryable=os.path.exists(job.path),
        errors=[{"row": 0, "column": "", "message": LOST}], updated_at=timezone.now())
    if changed:
        jobs.fail_task_result(job.task_id)
        log.warning("import job %s: worker %s is gone; marked failed", job.pk, job.worker)
    job.refresh_from_db()
    return job


def import_job_retry(*, actor: Any, job: ImportJob) -> ImportJob:
    """Run a job again that stopped for a system reason (its file is still there), in the name of `actor` (who
    becomes the job's author: the audit rows of the import name who ran it). Rows with errors are not
    retried: the file has to be corrected and uploaded again."""
    _require(actor, job)
    job = import_job_reconcile(job)
    if not job.retryable or not os.path.exists(job.path):
        raise ValidationError(
            _("Lần nhập này không chạy lại được: tệp có lỗi cần sửa rồi tải lên lại.") if job.finished
            else _("Lần nhập này không chạy lại được: lần nhập vẫn đang chạy."))
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.State.QUEUED, done=0, created=0, updated=0, error_count=0, errors=[], finished_at=None,
        retryable=False, worker="", task_id="", heartbeat_at=None, updated_at=timezone.now(),
        created_by=actor if getattr(actor, "is_authenticated", False) else job.created_by)
    job.refresh_from_db()
    _enqueue(job)
    job.refresh_from_db()
    return job


def import_job_confirm(*, actor: Any, job: ImportJob) -> ImportJob:
    """Write what a clean dry run checked: a new job, not a dry run, over the same kept file (the API's
    "confirm"; the page uploads the file again with "write" ticked, which comes to the same). Within
    CONFIRM_WITHIN of the dry run; later its file is gone."""
    _require(actor, job)
    job = import_job_reconcile(job)
    if not (job.dry_run and job.status == ImportJob.State.DONE and not job.error_count) or not os.path.exists(job.path):
        raise ValidationError(_("Chỉ xác nhận được một lần kiểm tra thử đã xong, không có lỗi, và chưa xác nhận: "
                              "tải tệp lên lại để kiểm tra hoặc ghi."))
    # The file passes to the new job; the checked one no longer points at it, so it is confirmed only once.
    ImportJob.objects.filter(pk=job.pk).update(path="", updated_at=timezone.now())
    return import_job_start(actor=actor, kind=job.kind, path=job.path, filename=job.filename, dry_run=False,
                            total=job.total, association=job.association)
