"""A member roster (optional per association), filled by import."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions
from ..choices import Gender, MemberKind


class Member(BaseModel):
    SCOPE = permissions.CHILD_SCOPE
    SENSITIVE_FIELDS = ("id_number", "is_party_member")
    # The audit diff must never copy sensitive values into the log.
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "id_number", "is_party_member", "name_folded")

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="members")
    branch = models.ForeignKey("associations.Association", verbose_name=_("chi hội"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="branch_members")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    name_folded = models.CharField(max_length=150, editable=False, default="", db_index=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    is_party_member = models.BooleanField(_("đảng viên"), default=False)
    kind = models.CharField(_("loại hội viên"), max_length=20, choices=MemberKind.choices,
                            default=MemberKind.INDIVIDUAL)
    joined_on = models.DateField(_("ngày vào hội"), null=True, blank=True)

    class Meta:
        verbose_name = _("hội viên")
        verbose_name_plural = _("hội viên")
        ordering = ["name_folded"]
        constraints = [models.UniqueConstraint(fields=["association", "id_number"], condition=~models.Q(id_number=""),
                                               name="member_id_once")]
        indexes = [models.Index(fields=["association", "kind"], name="member_kind_idx"),
                   # The Party's count of an association (party.selectors.eligible_q): only the party members'
                   # entries, so counting them per association reads a small index, not the whole roster.
                   models.Index(fields=["association"], condition=models.Q(is_party_member=True),
                                name="member_party_idx")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        from sohoi.core.text import fold

        self.name_folded = fold(self.full_name)
        super().save(*args, **kwargs)
