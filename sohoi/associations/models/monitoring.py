"""Dedicated officers of the Department of Home Affairs and their monitoring log (letter point 4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions
from ..choices import LogKind


class OfficerAssignment(BaseModel):
    """An officer follows an association from `started_on`; a reassignment ends the row (history kept)."""

    SCOPE = permissions.MONITORING_SCOPE

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE,
                                    related_name="officer_assignments")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("cán bộ theo dõi"), on_delete=models.PROTECT,
                                related_name="association_assignments")
    started_on = models.DateField(_("từ ngày"))
    ended_on = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("phân công theo dõi hội")
        verbose_name_plural = _("phân công theo dõi hội")
        ordering = ["-started_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["association"], condition=models.Q(ended_on__isnull=True),
                                               name="one_current_officer")]
        indexes = [models.Index(fields=["officer", "ended_on"], name="assignment_officer_idx")]

    def __str__(self) -> str:
        return f"{self.officer} → {self.association}"


class MonitoringLog(BaseModel):
    SCOPE = permissions.MONITORING_SCOPE

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE,
                                    related_name="monitoring_logs")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("cán bộ"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    on = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=20, choices=LogKind.choices)
    text = models.TextField(_("nội dung"))
    follow_up_due = models.DateField(_("hạn theo dõi tiếp"), null=True, blank=True)
    follow_up_done_on = models.DateField(_("đã xử lý ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhật ký theo dõi hội")
        verbose_name_plural = _("nhật ký theo dõi hội")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.get_kind_display()}"
