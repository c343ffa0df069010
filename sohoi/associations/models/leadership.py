"""Charter versions, leadership positions and congresses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions
from ..choices import CongressKind, Gender, Position


class CharterVersion(BaseModel):
    SCOPE = permissions.CHILD_SCOPE

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="charters")
    label = models.CharField(_("phiên bản"), max_length=100, help_text=_("Ví dụ: Điều lệ sửa đổi lần 2."))
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=60)
    decision_date = models.DateField(_("ngày phê duyệt"))
    decision_issuer = models.CharField(_("cơ quan phê duyệt"), max_length=200)
    effective_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(_("nhiệm kỳ (năm)"), null=True, blank=True)
    summary = models.TextField(_("nội dung sửa đổi chính"), blank=True)

    class Meta:
        verbose_name = _("điều lệ")
        verbose_name_plural = _("điều lệ")
        ordering = ["-decision_date", "-id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.decision_number})"


class Congress(BaseModel):
    SCOPE = permissions.CHILD_SCOPE

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="congresses")
    number = models.PositiveSmallIntegerField(_("lần thứ"))
    kind = models.CharField(_("loại đại hội"), max_length=20, choices=CongressKind.choices, default=CongressKind.TERM)
    held_on = models.DateField(_("ngày đại hội"))
    term_label = models.CharField(_("nhiệm kỳ"), max_length=30, blank=True, help_text=_("Ví dụ: 2022 - 2027."))
    term_years = models.PositiveSmallIntegerField(_("số năm nhiệm kỳ"), default=5)
    expected = models.PositiveIntegerField(_("số đại biểu / hội viên được triệu tập"), default=0)
    attended = models.PositiveIntegerField(_("số có mặt"), default=0)
    next_due = models.DateField(_("hạn đại hội kế tiếp"), null=True, blank=True, db_index=True)
    documents_sent_on = models.DateField(_("ngày gửi tài liệu đại hội cho cơ quan có thẩm quyền"), null=True,
                                         blank=True)

    class Meta:
        verbose_name = _("đại hội")
        verbose_name_plural = _("đại hội")
        ordering = ["-held_on"]
        constraints = [models.UniqueConstraint(fields=["association", "number"], name="congress_number_once")]
        # An association's latest congress and its next due date (selectors.term_expired_among), from the index
        # alone: no sort per association.
        indexes = [models.Index(fields=["association", "held_on", "next_due"], name="congress_latest_idx")]

    def __str__(self) -> str:
        return str(_("Đại hội lần thứ %(n)s (%(d)s)") % {"n": self.number, "d": f"{self.held_on:%d/%m/%Y}"})

    @property
    def quorum_met(self) -> bool:
        """More than half of those convened (Decree 126/2024)."""
        return self.expected > 0 and self.attended * 2 > self.expected


class Leader(BaseModel):
    """A person holding a leadership position for a period. `is_party_member` is sensitive personal data:
    read it only through selectors.leaders_for(), which hides it or records the read."""

    SCOPE = permissions.CHILD_SCOPE
    SENSITIVE_FIELDS = ("is_party_member",)
    # Sensitive values never go into the audit diff, which every reader of the association can see.
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "is_party_member")

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="leaders")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    position = models.CharField(_("chức danh"), max_length=30, choices=Position.choices, db_index=True)
    started_on = models.DateField(_("từ ngày"))
    ended_on = models.DateField(_("đến ngày"), null=True, blank=True)
    is_party_member = models.BooleanField(_("đảng viên"), default=False)
    congress = models.ForeignKey(Congress, verbose_name=_("do đại hội bầu"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="leaders")
    reported_on = models.DateField(_("ngày báo cáo cơ quan quản lý"), null=True, blank=True)

    class Meta:
        verbose_name = _("lãnh đạo hội")
        verbose_name_plural = _("lãnh đạo hội")
        ordering = ["ended_on", "position", "full_name"]
        indexes = [models.Index(fields=["association", "ended_on"], name="leader_current_idx"),
                   # Leaders in office who are party members (party.selectors.eligible_q), per association.
                   models.Index(fields=["association"], condition=models.Q(is_party_member=True, ended_on__isnull=True),
                                name="leader_party_idx"),
                   # Changes of leadership not reported (selectors.leadership_unreported_among): a few rows of
                   # the table, found by position and start date.
                   models.Index(fields=["position", "started_on", "association"],
                                condition=models.Q(ended_on__isnull=True, reported_on__isnull=True),
                                name="leader_unreported_idx")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_position_display()})"
