"""The dissemination session and its attendance by group, planned and actual."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import Role
from sohoi.core.models import BaseModel
from sohoi.core.scoping import VIEW, ScopePolicy

# Roles that organise and follow dissemination for the whole city (letter, point 6) and may correct any
# session they can see; a unit records its own sessions.
ORGANISER_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION, Role.PROPAGANDA})
RECORDER_ROLES = frozenset({Role.PARTY_COMMITTEE, Role.ASSOCIATION_STAFF, Role.FATHERLAND_FRONT,
                            Role.HOME_AFFAIRS, Role.PEOPLES_COMMITTEE})


class Form(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    COMBINED = "combined", _("Trực tiếp kết hợp trực tuyến")
    SELF_STUDY = "self_study", _("Tự nghiên cứu")


# (field stem, label) of the attendance groups; each has planned_<stem> and actual_<stem>.
GROUPS = [("cadres", _("Cán bộ")), ("party", _("Đảng viên")), ("members", _("Hội viên")), ("others", _("Khác"))]


def session_q(user, action: str = VIEW) -> Q:
    """Through a visible document (secrecy applies to every role, as in the register); then the read-all
    roles see every session, others those of units in their subtree and those on documents their unit
    issued. Changes: the organising boards for every visible session, a unit for its own subtree."""
    from .. import permissions as access

    if not access._authenticated(user):
        return access.NONE
    docs = Q(document_id__in=access.visible_document_ids(user))
    path = access._unit_path(user)
    roles = user.role_codes
    if action == VIEW:
        if user.reads_everything:
            return docs
        if not path:
            return access.NONE
        return docs & (Q(unit__path__startswith=path) | Q(document__issuer__path__startswith=path))
    if roles & ORGANISER_ROLES:
        return docs
    if path and roles & RECORDER_ROLES:
        return docs & Q(unit__path__startswith=path)
    return access.NONE


class DisseminationSession(BaseModel):
    SCOPE = ScopePolicy(unit_field=None, view_all=frozenset(), change_all=frozenset(), also=session_q)

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
