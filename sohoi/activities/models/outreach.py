"""Point 5 of the letter, outward: good models and their replication, people-to-people diplomacy (delegations,
foreign-funded projects) and the cases of members the association serves and protects."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions
from ..choices import CaseKind, CaseOutcome, Direction, ReplicationResult


class GoodModel(BaseModel):
    """Mô hình hay, cách làm tốt of an association."""

    SCOPE = permissions.CATALOGUE_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội chủ trì mô hình"),
                                    on_delete=models.PROTECT, related_name="good_models")
    title = models.CharField(_("tên mô hình"), max_length=300)
    field = models.ForeignKey("associations.FieldOfActivity", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT,
                              related_name="+")
    started_on = models.DateField(_("bắt đầu từ"))
    description = models.TextField(_("mô tả cách làm"))
    results = models.TextField(_("kết quả (có số liệu)"))
    beneficiaries = models.PositiveIntegerField(_("số người hưởng lợi"), default=0)
    commendations = models.TextField(_("khen thưởng, biểu dương"), blank=True)

    class Meta:
        verbose_name = _("mô hình hay, cách làm tốt")
        verbose_name_plural = _("mô hình hay, cách làm tốt")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class GoodModelEvidence(BaseModel):
    SCOPE = permissions.ScopePolicy(unit_field="good_model__association__unit", everyone_views=True,
                                    change_all=permissions.ADMIN_ONLY, change_own=permissions.STAFF)
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "file")

    good_model = models.ForeignKey(GoodModel, verbose_name=_("mô hình"), on_delete=models.CASCADE,
                                   related_name="evidence")
    name = models.CharField(_("tên tệp"), max_length=255)
    file = models.FileField(_("tệp minh chứng"), max_length=300)

    class Meta:
        verbose_name = _("minh chứng của mô hình")
        verbose_name_plural = _("minh chứng của mô hình")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Replication(BaseModel):
    """Another unit adopts a good model."""

    SCOPE = permissions.REPLICATION_SCOPE

    good_model = models.ForeignKey(GoodModel, verbose_name=_("mô hình"), on_delete=models.CASCADE,
                                   related_name="replications")
    adopter = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị áp dụng"), on_delete=models.PROTECT,
                                related_name="+")
    adopted_on = models.DateField(_("ngày áp dụng"))
    result = models.CharField(_("kết quả"), max_length=20, choices=ReplicationResult.choices,
                              default=ReplicationResult.ONGOING)
    note = models.CharField(_("ghi chú kết quả"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("nhân rộng mô hình")
        verbose_name_plural = _("nhân rộng mô hình")
        ordering = ["-adopted_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["good_model", "adopter"], name="replication_once")]

    def __str__(self) -> str:
        return f"{self.good_model} → {self.adopter}"


class Exchange(BaseModel):
    """A delegation going abroad or received (đối ngoại nhân dân); a report is due after it returns."""

    SCOPE = permissions.OWN_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="exchanges")
    direction = models.CharField(_("loại đoàn"), max_length=5, choices=Direction.choices)
    partner = models.CharField(_("đối tác"), max_length=300)
    country = models.CharField(_("quốc gia"), max_length=100)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    purpose = models.TextField(_("mục đích, nội dung"))
    approval_number = models.CharField(_("số văn bản cho phép"), max_length=100)
    report_due = models.DateField(_("hạn báo cáo kết quả"))
    reported_on = models.DateField(_("ngày báo cáo kết quả"), null=True, blank=True)
    report_summary = models.TextField(_("tóm tắt kết quả"), blank=True)

    class Meta:
        verbose_name = _("đoàn ra, đoàn vào")
        verbose_name_plural = _("đoàn ra, đoàn vào")
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.partner} ({self.country})"


class ForeignProject(BaseModel):
    """A project funded from abroad, with its approval."""

    SCOPE = permissions.OWN_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="foreign_projects")
    title = models.CharField(_("tên dự án"), max_length=300)
    donor = models.CharField(_("nhà tài trợ"), max_length=300)
    country = models.CharField(_("quốc gia"), max_length=100)
    amount = models.BigIntegerField(_("giá trị (đồng)"))
    approval_number = models.CharField(_("số quyết định phê duyệt"), max_length=100)
    approved_on = models.DateField(_("ngày phê duyệt"))
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))

    class Meta:
        verbose_name = _("dự án tài trợ nước ngoài")
        verbose_name_plural = _("dự án tài trợ nước ngoài")
        ordering = ["-approved_on", "pk"]

    def __str__(self) -> str:
        return self.title


class MemberCase(BaseModel):
    """A need, complaint or rights-protection case of members. No names: who raised it is described by role
    ("hội viên chi hội X", "nhóm hội viên"), the minimum the case needs."""

    SCOPE = permissions.OWN_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="member_cases")
    kind = models.CharField(_("loại vụ việc"), max_length=20, choices=CaseKind.choices, db_index=True)
    raised_by = models.CharField(_("người, nhóm nêu (không ghi họ tên)"), max_length=200)
    raised_on = models.DateField(_("ngày tiếp nhận"))
    summary = models.TextField(_("nội dung"))
    response = models.TextField(_("hội đã làm gì"), blank=True)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=CaseOutcome.choices, default=CaseOutcome.OPEN)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("vụ việc của hội viên")
        verbose_name_plural = _("vụ việc của hội viên")
        ordering = ["-raised_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.raised_on:%d/%m/%Y}"
