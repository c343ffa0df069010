"""Party organisations in associations, their yearly quality ratings, party-member counts reported per
association, and the Party rules (thresholds as data, design.md §6).

Who sees what (issue 5): the read-all roles see everything; a Party committee sees the organisations whose
superior committee lies in its subtree or whose association does; association staff see their own
association's organisations (counts only: the secretary's name is per-person party-membership data and
is shown only to roles allowed to see sensitive data, each read audited). Nobody else sees Party records.
The rules themselves are declared in permissions.py.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel, DatedRowQuerySet

from . import permissions
from .choices import NUMERIC_RULES, Grade, OrgKind, OrgStatus, RuleCode, RuleUnit


class PartyRule(BaseModel):
    """One Party threshold with its basis and validity dates; a change is a new row, never an edit of an old one."""

    SCOPE = permissions.RULE_SCOPE

    code = models.CharField(_("quy định"), max_length=40, choices=RuleCode.choices, db_index=True)
    label = models.CharField(_("nội dung"), max_length=300)
    value = models.CharField(_("giá trị"), max_length=60,
                             help_text=_("Số (ví dụ 3) hoặc ký hiệu cấp ủy (ví dụ ĐUK-DCĐ)."))
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=RuleUnit.choices)
    legal_basis = models.CharField(_("căn cứ"), max_length=300)
    is_default = models.BooleanField(_("giá trị mặc định (chưa đối chiếu văn bản)"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = DatedRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định về tổ chức đảng")
        verbose_name_plural = _("quy định về tổ chức đảng")
        ordering = ["code", "valid_from"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.get_unit_display()} ({self.legal_basis})"

    def clean(self) -> None:
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực. Sửa lại một trong hai ngày.")
        if self.code in NUMERIC_RULES:
            try:
                number = int(str(self.value).strip())
            except (TypeError, ValueError):
                number = -1
            if number < 0 or (self.unit == RuleUnit.POINTS and number > 100):
                errors["value"] = _("Giá trị phải là số nguyên từ 0 trở lên (điểm: từ 0 đến 100). Sửa ô “giá trị”.")
        elif self.code == RuleCode.DEFAULT_SUPERIOR:
            from sohoi.orgs.models import Unit

            if not Unit.objects.filter(code=str(self.value).strip(), kind="party_committee").exists():
                errors["value"] = _("Không có cấp ủy nào có ký hiệu “%(v)s”. Nhập ký hiệu của một cấp ủy trong danh "
                                    "mục đơn vị.") % {"v": self.value}
        if errors:
            raise ValidationError(errors)

    def parsed(self) -> int | str:
        return int(self.value) if self.code in NUMERIC_RULES else str(self.value).strip()


class PartyOrganisation(BaseModel):
    """A Party organisation attached to an association. Dissolution and merger keep the record (lineage:
    `successor` is the organisation a merged one went into)."""

    SCOPE = permissions.ORG_SCOPE
    SENSITIVE_FIELDS = ("secretary_name",)
    # The secretary's name says that a named person is a party member: never copied into the audit diff.
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "secretary_name")

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.PROTECT,
                                    related_name="party_organisations")
    name = models.CharField(_("tên tổ chức đảng"), max_length=300)
    kind = models.CharField(_("loại hình"), max_length=30, choices=OrgKind.choices)
    superior = models.ForeignKey("orgs.Unit", verbose_name=_("cấp ủy cấp trên trực tiếp"), on_delete=models.PROTECT,
                                 related_name="party_organisations", limit_choices_to={"kind": "party_committee"})
    parent = models.ForeignKey("self", verbose_name=_("thuộc đảng bộ cơ sở"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="cells",
                               help_text=_("Chỉ cho chi bộ trực thuộc đảng ủy cơ sở."))
    decision_number = models.CharField(_("số quyết định thành lập"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định thành lập"))
    decision_issuer = models.CharField(_("cơ quan ra quyết định"), max_length=200)
    secretary_name = models.CharField(_("bí thư"), max_length=150, blank=True)
    official_members = models.IntegerField(_("đảng viên chính thức"), default=0)
    probationary_members = models.IntegerField(_("đảng viên dự bị"), default=0)
    members_reported_on = models.DateField(_("số đảng viên tính đến ngày"), null=True, blank=True)
    status = models.CharField(_("tình trạng"), max_length=20, choices=OrgStatus.choices, default=OrgStatus.ACTIVE,
                              db_index=True)
    ended_on = models.DateField(_("ngày giải thể / hợp nhất"), null=True, blank=True)
    end_decision_number = models.CharField(_("số quyết định giải thể / hợp nhất"), max_length=60, blank=True)
    successor = models.ForeignKey("self", verbose_name=_("hợp nhất vào"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="predecessors")
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("tổ chức đảng trong hội")
        verbose_name_plural = _("tổ chức đảng trong hội")
        ordering = ["superior__path", "name"]
        indexes = [models.Index(fields=["association", "status"], name="partyorg_assoc_status_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def total_members(self) -> int:
        return self.official_members + self.probationary_members

    def existed_in(self, year: int) -> bool:
        return self.decision_date.year <= year and (self.ended_on is None or self.ended_on.year >= year)


class PartyMemberCount(BaseModel):
    """The number of party members in an association as reported by the Party side, for associations
    without a roster in Sổ Hội. A count, never a list of persons."""

    SCOPE = permissions.COUNT_SCOPE

    association = models.ForeignKey("associations.Association", verbose_name=_("hội"), on_delete=models.CASCADE,
                                    related_name="party_member_counts")
    reported_on = models.DateField(_("tính đến ngày"))
    official = models.IntegerField(_("đảng viên chính thức"), default=0)
    probationary = models.IntegerField(_("đảng viên dự bị"), default=0)
    source = models.CharField(_("nguồn số liệu"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("số đảng viên trong hội (báo cáo)")
        verbose_name_plural = _("số đảng viên trong hội (báo cáo)")
        ordering = ["association", "-reported_on"]
        constraints = [models.UniqueConstraint(fields=["association", "reported_on"], name="partycount_once_a_day")]

    def __str__(self) -> str:
        return f"{self.association}: {self.official} + {self.probationary} ({self.reported_on:%d/%m/%Y})"


class QualityRating(BaseModel):
    """The yearly quality rating of a Party organisation; the grade follows from the score by the rule rows
    valid on 31/12 of the year when a score is given."""

    SCOPE = permissions.RATING_SCOPE

    organisation = models.ForeignKey(PartyOrganisation, verbose_name=_("tổ chức đảng"), on_delete=models.CASCADE,
                                     related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    score = models.PositiveSmallIntegerField(_("điểm (thang 100)"), null=True, blank=True,
                                             validators=[MaxValueValidator(100)])
    grade = models.CharField(_("xếp loại"), max_length=20, choices=Grade.choices)
    decision = models.CharField(_("văn bản xếp loại"), max_length=100, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("xếp loại chất lượng tổ chức đảng")
        verbose_name_plural = _("xếp loại chất lượng tổ chức đảng")
        ordering = ["organisation", "-year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="rating_once_a_year")]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.year}: {self.get_grade_display()}"
