"""Progress of a register import that runs in the background (large files), polled by the import page."""

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

    kind = models.CharField(_("loại"), max_length=20, default="register")
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
