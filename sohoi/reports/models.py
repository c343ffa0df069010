"""A periodic report generated from the web: a background job (core/jobs.py) with its progress and file."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from . import permissions


class ReportJob(BaseModel):
    """One request for the periodic report. The figures are counted in the requester's scope; the file (a few
    tens of kilobytes) is kept on the row for download."""

    SCOPE = permissions.JOB_SCOPE

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang lập")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Không lập được")

    class Format(models.TextChoices):
        DOCX = "docx", _("Word (.docx), thể thức văn bản của Đảng")
        PDF = "pdf", _("PDF")
        XLSX = "xlsx", _("Excel (.xlsx), các bảng phụ lục")

    period = models.CharField(_("kỳ báo cáo"), max_length=10)
    territory = models.ForeignKey("orgs.AdminUnit", verbose_name=_("địa bàn"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    field = models.ForeignKey("associations.FieldOfActivity", verbose_name=_("lĩnh vực"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    format = models.CharField(_("định dạng"), max_length=8, choices=Format.choices, default=Format.DOCX)
    status = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.QUEUED)
    done = models.PositiveSmallIntegerField(_("bước đã xong"), default=0)
    total = models.PositiveSmallIntegerField(_("số bước"), default=0)
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200, blank=True)
    content = models.BinaryField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    worker = models.CharField(max_length=200, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)

    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "content", "heartbeat_at", "worker", "task_id")

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.period} · {self.format}"

    @property
    def finished(self) -> bool:
        return self.status in (self.State.DONE, self.State.FAILED)

    def get_absolute_url(self) -> str:
        return reverse("reports:report_job", args=[self.pk])


from .books.models import BookEntry  # noqa: E402, F401 - the books' model is this app's
