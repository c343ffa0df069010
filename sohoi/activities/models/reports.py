"""Point 5 of the letter: the association's yearly report on its organisation and activity, and the reviews
(sơ kết, tổng kết) a unit holds of a directive or programme."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions
from ..choices import ReportStatus, ReviewKind


class YearlyReport(BaseModel):
    """Báo cáo tình hình tổ chức, hoạt động: one per association per year. `submitted_on` is the filing date the
    deadline is judged by (yearly.py); the officer accepts or returns it (workflows.py)."""

    SCOPE = permissions.OWN_SCOPE
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "attachment")

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="yearly_reports")
    year = models.PositiveSmallIntegerField(_("năm báo cáo"))
    submitted_on = models.DateField(_("ngày nộp"))
    members = models.PositiveIntegerField(_("số hội viên cuối năm"), default=0)
    branches = models.PositiveIntegerField(_("số chi hội, hội cơ sở"), default=0)
    activities = models.TextField(_("kết quả hoạt động chính"))
    organisation = models.TextField(_("tình hình tổ chức (đại hội, lãnh đạo, điều lệ)"), blank=True)
    difficulties = models.TextField(_("khó khăn, hạn chế"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    attachment = models.FileField(_("tệp báo cáo"), max_length=300, blank=True)
    attachment_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=ReportStatus.choices,
                              default=ReportStatus.SUBMITTED, db_index=True)
    reviewed_by = models.ForeignKey("accounts.User", verbose_name=_("người xem xét"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_on = models.DateField(_("ngày xem xét"), null=True, blank=True)
    review_comment = models.TextField(_("ý kiến của người xem xét"), blank=True)

    class Meta:
        verbose_name = _("báo cáo tình hình tổ chức, hoạt động năm")
        verbose_name_plural = _("báo cáo tình hình tổ chức, hoạt động năm")
        ordering = ["-year", "association"]
        constraints = [models.UniqueConstraint(fields=["association", "year"], name="yearly_report_once")]
        indexes = [models.Index(fields=["year", "status"], name="yearly_report_year_idx")]

    def __str__(self) -> str:
        return f"{self.association} – {self.year}"


class Review(BaseModel):
    """A review (sơ kết or tổng kết) of a directive or programme held by a unit, linked to the reviewed document
    of the directives register (or naming a programme that is not registered)."""

    SCOPE = permissions.REVIEW_SCOPE
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "attachment")

    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị sơ kết, tổng kết"), on_delete=models.PROTECT,
                             related_name="activity_reviews")
    # SET_NULL: `programme` keeps the document's number (the service copies it), whatever happens to the register.
    document = models.ForeignKey("directives.Document", verbose_name=_("văn bản được sơ kết, tổng kết"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="activity_reviews")
    programme = models.CharField(_("chương trình (nếu không có trong sổ văn bản)"), max_length=300, blank=True)
    kind = models.CharField(_("hình thức"), max_length=10, choices=ReviewKind.choices)
    held_on = models.DateField(_("ngày tổ chức"))
    period_from = models.DateField(_("giai đoạn từ"))
    period_to = models.DateField(_("giai đoạn đến"))
    findings = models.TextField(_("kết quả đạt được"))
    strengths = models.TextField(_("ưu điểm"), blank=True)
    weaknesses = models.TextField(_("hạn chế, nguyên nhân"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    attachment = models.FileField(_("tệp báo cáo"), max_length=300, blank=True)
    attachment_name = models.CharField(_("tên tệp"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sơ kết, tổng kết")
        verbose_name_plural = _("sơ kết, tổng kết")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        what = self.document.code if self.document_id else self.programme
        return f"{self.get_kind_display()} {what} – {self.unit}"
