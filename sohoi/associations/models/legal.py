"""Legal thresholds as data (design.md §6) and the founding dossier they are checked against."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel, DatedRowQuerySet

from .. import permissions
from ..choices import DossierItem, RuleCode, RuleUnit, ScopeLevel


class LegalRule(BaseModel):
    """One threshold with its legal basis and validity dates. A dossier is judged by the rows valid on its
    filing date, so a change in the law is a new row, never an edit of an old one."""

    SCOPE = permissions.LEGAL_RULE_SCOPE

    code = models.CharField(_("quy định"), max_length=40, choices=RuleCode.choices, db_index=True)
    label = models.CharField(_("nội dung"), max_length=300)
    value = models.CharField(_("giá trị"), max_length=200,
                             help_text=_("Số (ví dụ 50), ngày/tháng (31/12) hoặc danh sách mã giấy tờ cách nhau dấu phẩy."))
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=RuleUnit.choices)
    scope_level = models.CharField(_("áp dụng cho phạm vi"), max_length=20, choices=ScopeLevel.choices, blank=True,
                                   help_text=_("Để trống: áp dụng cho mọi phạm vi."))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    is_default = models.BooleanField(_("giá trị mặc định (chưa đối chiếu văn bản)"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = DatedRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định pháp lý")
        verbose_name_plural = _("quy định pháp lý")
        ordering = ["code", "scope_level", "valid_from"]
        indexes = [models.Index(fields=["code", "valid_from", "valid_to"], name="legalrule_code_valid_idx")]

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.get_unit_display()} ({self.legal_basis})"

    def clean(self) -> None:
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực. Sửa lại một trong hai ngày.")
        try:
            self.parsed()
        except (TypeError, ValueError):
            errors["value"] = _("Giá trị không đúng với đơn vị tính “%(unit)s”: số nguyên cho người/ngày/năm, "
                                "“dd/mm” cho ngày/tháng, mã giấy tờ cách nhau dấu phẩy cho danh mục.") % {
                "unit": self.get_unit_display()}
        if errors:
            raise ValidationError(errors)

    def parsed(self):
        """The value in the type its unit implies."""
        if self.unit == RuleUnit.DAY_MONTH:
            day, month = (int(p) for p in self.value.split("/"))
            datetime.date(2000, month, day)  # validates (2000 is a leap year: 29/02 allowed)
            return day, month
        if self.unit == RuleUnit.ITEMS:
            items = [p.strip() for p in self.value.split(",") if p.strip()]
            unknown = [i for i in items if i not in DossierItem.values]
            if unknown or not items:
                raise ValueError(unknown)
            return items
        number = int(self.value)
        if number < 0:
            raise ValueError(number)
        return number


class FoundingDossier(BaseModel):
    """The founding file of an association in founding (one per association)."""

    SCOPE = permissions.CHILD_SCOPE

    association = models.OneToOneField("associations.Association", on_delete=models.CASCADE,
                                       related_name="dossier")
    committee_decision_number = models.CharField(_("số quyết định công nhận ban vận động"), max_length=60,
                                                 blank=True)
    committee_decision_date = models.DateField(_("ngày công nhận ban vận động"), null=True, blank=True)
    committee_members = models.PositiveIntegerField(_("số thành viên ban vận động"), default=0)
    founding_members = models.PositiveIntegerField(_("số người (tổ chức) đăng ký tham gia"), default=0)
    founding_provinces = models.PositiveSmallIntegerField(_("số tỉnh có người đăng ký (phạm vi toàn quốc)"),
                                                          default=1)
    # Not called "items": the audit diff is a dict, and templates would read dict.items as this key.
    submitted = models.JSONField(_("giấy tờ đã nộp"), default=list, blank=True)
    filed_on = models.DateField(_("ngày nộp hồ sơ"), null=True, blank=True)
    complete_on = models.DateField(_("ngày nhận đủ hồ sơ hợp lệ"), null=True, blank=True)
    extension_requested_on = models.DateField(_("ngày đề nghị gia hạn đại hội"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("số ngày xin gia hạn"), null=True, blank=True)
    first_congress_on = models.DateField(_("ngày đại hội lần đầu"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ thành lập hội")
        verbose_name_plural = _("hồ sơ thành lập hội")

    def __str__(self) -> str:
        return str(_("Hồ sơ thành lập: %(name)s") % {"name": self.association})
