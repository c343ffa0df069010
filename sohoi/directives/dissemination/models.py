"""The dissemination session and its attendance by group, planned and actual."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel
from sohoi.core.scoping import ScopePolicy


class Form(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    COMBINED = "combined", _("Trực tiếp kết hợp trực tuyến")
    SELF_STUDY = "self_study", _("Tự nghiên cứu")


# (field stem, label) of the attendance groups; each has planned_<stem> and actual_<stem>.
GROUPS = [("cadres", _("Cán bộ")), ("party", _("Đảng viên")), ("members", _("Hội viên")), ("others", _("Khác"))]


def _session_q(user, action):
    from ..permissions import session_q

    return session_q(user, action)


class DisseminationSession(BaseModel):
    SCOPE = ScopePolicy(unit_field=None, view_all=frozenset(), change_all=frozenset(), also=_session_q)

    document = models.ForeignKey("directives.Document", verbose_name=_("văn bản được quán triệt"),
                                 on_delete=models.CASCADE, related_name="dissemination_sessions")
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT,
                             related_name="dissemination_sessions")
    held_on = models.DateField(_("ngày tổ chức"), db_index=True)
    form = models.CharField(_("hình thức"), max_length=20, choices=Form.choices, default=Form.CONFERENCE)
    title = models.CharField(_("tên buổi quán triệt"), max_length=300, blank=True)
    materials = models.TextField(_("tài liệu"), blank=True, help_text=_("Tài liệu phát, đề cương, báo cáo viên..."))
    planned_cadres = models.IntegerField(_("cán bộ (dự kiến)"), default=0)
    actual_cadres = models.IntegerField(_("cán bộ (thực tế)"), default=0)
    planned_party = models.IntegerField(_("đảng viên (dự kiến)"), default=0)
    actual_party = models.IntegerField(_("đảng viên (thực tế)"), default=0)
    planned_members = models.IntegerField(_("hội viên (dự kiến)"), default=0)
    actual_members = models.IntegerField(_("hội viên (thực tế)"), default=0)
    planned_others = models.IntegerField(_("khác (dự kiến)"), default=0)
    actual_others = models.IntegerField(_("khác (thực tế)"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("buổi quán triệt")
        verbose_name_plural = _("buổi quán triệt")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["document", "unit"], name="dissemination_doc_unit_idx")]

    def __str__(self) -> str:
        return f"{_('Quán triệt')} {self.document} – {self.unit} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("directives:dissemination_detail", args=[self.pk])

    @property
    def planned_total(self) -> int:
        return self.planned_cadres + self.planned_party + self.planned_members + self.planned_others

    @property
    def actual_total(self) -> int:
        return self.actual_cadres + self.actual_party + self.actual_members + self.actual_others

    def attendance(self) -> list[dict]:
        return [{"label": label, "planned": getattr(self, f"planned_{stem}"), "actual": getattr(self, f"actual_{stem}")}
                for stem, label in GROUPS]
