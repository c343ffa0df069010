"""Point 2 of the letter: the tasks the state assigns to an association, the support that pays for them
(never without a task), and the association's own finances per year."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import finance, permissions
from ..choices import BudgetSource


class StateTask(BaseModel):
    """A task the Party/State assigns to an association (nhiệm vụ Nhà nước giao), with its deciding document:
    a registered document of the directives register, or only its number when it is not registered."""

    SCOPE = permissions.STATE_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="state_assigned_tasks")
    # SET_NULL: the number stays in document_number (the service copies it), whatever happens to the register.
    document = models.ForeignKey("directives.Document", verbose_name=_("văn bản giao nhiệm vụ (trong sổ văn bản)"),
                                 null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    document_number = models.CharField(_("số, ký hiệu văn bản giao nhiệm vụ"), max_length=100, blank=True)
    content = models.TextField(_("nội dung nhiệm vụ"))
    year_from = models.PositiveSmallIntegerField(_("từ năm"))
    year_to = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True,
                                               help_text=_("Để trống: nhiệm vụ thường xuyên, chưa có năm kết thúc."))

    class Meta:
        verbose_name = _("nhiệm vụ Nhà nước giao")
        verbose_name_plural = _("nhiệm vụ Nhà nước giao")
        ordering = ["association", "-year_from", "pk"]

    def __str__(self) -> str:
        return f"{self.content[:80]} ({self.deciding})"

    @property
    def deciding(self) -> str:
        return self.document.code if self.document_id and self.document.code else self.document_number

    def covers(self, year: int) -> bool:
        return self.year_from <= year and (self.year_to is None or year <= self.year_to)


class StateSupport(BaseModel):
    """State money for one year of one assigned task (VND)."""

    SCOPE = permissions.SUPPORT_SCOPE

    task = models.ForeignKey(StateTask, verbose_name=_("nhiệm vụ được giao"), on_delete=models.PROTECT,
                             related_name="supports")
    year = models.PositiveSmallIntegerField(_("năm"))
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    budget_source = models.CharField(_("nguồn kinh phí"), max_length=20, choices=BudgetSource.choices)
    document_number = models.CharField(_("số văn bản quyết định cấp kinh phí"), max_length=100)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)

    class Meta:
        verbose_name = _("kinh phí Nhà nước hỗ trợ")
        verbose_name_plural = _("kinh phí Nhà nước hỗ trợ")
        ordering = ["-year", "pk"]
        indexes = [models.Index(fields=["year"], name="support_year_idx")]

    def __str__(self) -> str:
        # i18n: data (an amount in đồng, as written in Vietnamese records)
        return f"{self.year}: {self.amount:,} đ".replace(",", ".")


class FinanceYear(BaseModel):
    """One year of an association's finances as it reports them. The stated totals must equal the sum of the
    lines (services check it); the ratios are computed (finance.py), never stored."""

    SCOPE = permissions.OWN_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="finance_years")
    year = models.PositiveSmallIntegerField(_("năm"))
    revenue_total = models.BigIntegerField(_("tổng thu (đồng)"))
    expenditure_total = models.BigIntegerField(_("tổng chi (đồng)"))
    rev_dues = models.BigIntegerField(_("hội phí"), default=0)
    rev_donations = models.BigIntegerField(_("tài trợ, ủng hộ"), default=0)
    rev_services = models.BigIntegerField(_("thu từ dịch vụ, hoạt động"), default=0)
    rev_state = models.BigIntegerField(_("hỗ trợ của Nhà nước"), default=0)
    rev_foreign = models.BigIntegerField(_("tài trợ nước ngoài"), default=0)
    rev_other = models.BigIntegerField(_("thu khác"), default=0)
    exp_programmes = models.BigIntegerField(_("chi hoạt động, chương trình"), default=0)
    exp_staff = models.BigIntegerField(_("chi lương, phụ cấp"), default=0)
    exp_office = models.BigIntegerField(_("chi hành chính, văn phòng"), default=0)
    exp_assets = models.BigIntegerField(_("chi mua sắm tài sản"), default=0)
    exp_other = models.BigIntegerField(_("chi khác"), default=0)
    staff_paid = models.IntegerField(_("số người làm việc hưởng lương"), default=0)
    staff_state_paid = models.IntegerField(_("trong đó: hưởng lương từ ngân sách Nhà nước"), default=0)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("tài chính năm của hội")
        verbose_name_plural = _("tài chính năm của hội")
        ordering = ["association", "-year"]
        constraints = [models.UniqueConstraint(fields=["association", "year"], name="finance_once_a_year")]
        indexes = [models.Index(fields=["year"], name="finance_year_idx")]

    def __str__(self) -> str:
        return f"{self.association} – {self.year}"

    @property
    def figures(self) -> dict[str, float | None]:
        return finance.figures(self)

    @property
    def flagged(self) -> bool:
        return finance.is_flagged(self.figures["admin_index"])
