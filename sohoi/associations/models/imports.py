"""An import that runs as a background job (core/jobs.py): its state, progress and outcome, polled by the page
that started it. The row lives in the database, so it survives a web restart; the work itself runs in a
worker (`sohoi worker`), in one transaction."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions


class ImportJob(BaseModel):
    """One upload of the Department's register. `errors` holds the first errors found (row, column, message);
    `error_count` is the full number. The file itself is deleted when the job ends."""

    # Only the Department (and administrators) import the register and follow its progress.
    SCOPE = permissions.IMPORT_JOB_SCOPE

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        CHECKING = "checking", _("Đang kiểm tra")
        WRITING = "writing", _("Đang ghi")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Có lỗi, chưa ghi gì")

    class Kind(models.TextChoices):
        REGISTER = "register", _("Danh bạ hội")
        ROSTER = "roster", _("Danh sách hội viên")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.REGISTER)
    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="import_jobs", verbose_name=_("hội"))
    filename = models.CharField(_("tên tệp"), max_length=255)
    path = models.CharField(max_length=500, blank=True, editable=False)
    dry_run = models.BooleanField(_("chỉ kiểm tra thử"), default=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(_("số dòng"), default=0)
    done = models.PositiveIntegerField(_("đã xử lý"), default=0)
    created = models.PositiveIntegerField(_("hội mới"), default=0)
    updated = models.PositiveIntegerField(_("hội cập nhật"), default=0)
    error_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    # The background job: the task's id in the backend, the worker process running it (host:pid:start), its
    # heartbeat; `retryable` when the job stopped for a system reason (worker killed, error): the file is kept.
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    worker = models.CharField(max_length=200, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    retryable = models.BooleanField(_("có thể chạy lại"), default=False)

    class Meta:
        verbose_name = _("lần nhập danh bạ hội")
        verbose_name_plural = _("lần nhập danh bạ hội")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        return min(99, int(self.done * 100 / self.total)) if self.total else 0
