"""The association profile, its field of activity, its status history and its lineage."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel
from sohoi.core.text import fold
from sohoi.orgs.choices import UnitKind

from .. import permissions
from ..choices import ENDED, Action, ScopeLevel, Status
from ..collation import KEY_LENGTH, sort_key


class FieldOfActivity(BaseModel):
    """A managed list (social-charitable, professional ...): the Department adds and retires entries."""

    SCOPE = permissions.FIELD_SCOPE

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("lĩnh vực hoạt động")
        verbose_name_plural = _("lĩnh vực hoạt động")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Association(BaseModel):
    """The registry profile of an association or branch unit."""

    SCOPE = permissions.ASSOCIATION_SCOPE
    # Fields only the services may change (status through the workflow, names through renaming).
    WORKFLOW_FIELDS = ("status", "status_since", "name", "unit")
    # Fields a decision of the state sets: changed only by `association_state_decision` (home affairs, with the
    # deciding document), never through the profile (issue 10: forged values reached the public register).
    STATE_FIELDS = ("founding_decision_number", "founding_decision_date", "founding_decision_issuer", "scope_level",
                    "territory", "special_status", "managing_agency", "state_tasks")
    # Derived keys (search, sort) are not changes anyone made.
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "name_folded", "name_sort", "main_activity_folded")

    unit = models.OneToOneField("orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                                related_name="association")
    name = models.CharField(_("tên đầy đủ"), max_length=300)
    name_folded = models.CharField(max_length=300, editable=False, default="", db_index=True)
    # Vietnamese alphabetical order (collation.sort_key); lists sort on it.
    name_sort = models.CharField(max_length=KEY_LENGTH, editable=False, default="", db_index=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    english_name = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    field = models.ForeignKey(FieldOfActivity, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT,
                              related_name="associations")
    main_activity = models.CharField(_("lĩnh vực hoạt động chính"), max_length=300, blank=True,
                                     help_text=_("Mô tả ngắn, dùng để kiểm tra trùng lĩnh vực trong cùng phạm vi."))
    main_activity_folded = models.CharField(max_length=300, editable=False, default="", db_index=True)
    is_economic = models.BooleanField(_("hiệp hội của tổ chức kinh tế"), default=False)
    scope_level = models.CharField(_("phạm vi hoạt động"), max_length=20, choices=ScopeLevel.choices)
    territory = models.ForeignKey("orgs.AdminUnit", verbose_name=_("địa bàn"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="associations")
    head_office = models.CharField(_("trụ sở"), max_length=300, blank=True)
    managing_agency = models.ForeignKey("orgs.Unit", verbose_name=_("cơ quan quản lý nhà nước về lĩnh vực"),
                                        null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    founding_decision_number = models.CharField(_("số quyết định thành lập"), max_length=60, blank=True)
    founding_decision_date = models.DateField(_("ngày quyết định thành lập"), null=True, blank=True)
    founding_decision_issuer = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    special_status = models.BooleanField(_("hội có tính chất đặc thù"), default=False)
    state_tasks = models.TextField(_("nhiệm vụ Đảng, Nhà nước giao"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang thông tin"), blank=True)
    status = models.CharField(_("tình trạng"), max_length=30, choices=Status.choices, default=Status.OPERATING)
    status_since = models.DateField(_("tình trạng từ ngày"), null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(_("nhiệm kỳ theo điều lệ (năm)"), null=True, blank=True,
                                                  help_text=_("Để trống: dùng nhiệm kỳ trong bảng quy định."))
    members_individual = models.PositiveIntegerField(_("hội viên cá nhân (báo cáo)"), default=0)
    members_organisational = models.PositiveIntegerField(_("hội viên tổ chức (báo cáo)"), default=0)
    members_honorary = models.PositiveIntegerField(_("hội viên danh dự (báo cáo)"), default=0)
    members_reported_on = models.DateField(_("số liệu hội viên tính đến ngày"), null=True, blank=True)
    branches_reported = models.PositiveIntegerField(_("số chi hội, hội cơ sở (báo cáo)"), default=0)

    class Meta:
        verbose_name = _("hội")
        verbose_name_plural = _("hội")
        ordering = ["name_sort"]
        indexes = [
            models.Index(fields=["status", "scope_level"], name="assoc_status_scope_idx"),
            models.Index(fields=["field", "status"], name="assoc_field_status_idx"),
            models.Index(fields=["scope_level", "territory"], name="assoc_scope_territory_idx"),
            models.Index(fields=["special_status"], name="assoc_special_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.fill_derived()
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "name_folded", "name_sort", "main_activity_folded"}
        super().save(*args, **kwargs)

    def fill_derived(self) -> None:
        """The search and sort keys; call it before bulk_create/bulk_update, which skip save()."""
        self.name_folded = fold(self.name)
        self.name_sort = sort_key(self.name)
        self.main_activity_folded = fold(self.main_activity)

    @property
    def is_branch(self) -> bool:
        return self.unit.kind == UnitKind.BRANCH

    @property
    def has_ended(self) -> bool:
        return self.status in ENDED

    @property
    def reported_total(self) -> int:
        return self.members_individual + self.members_organisational + self.members_honorary


class AssociationTransition(models.Model):
    """One status change with the document that decided it. Append-only: the lifecycle's own ledger."""

    SCOPE = permissions.CHILD_SCOPE

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("sự kiện"), max_length=30, choices=Action.choices)
    from_status = models.CharField(_("từ tình trạng"), max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(_("sang tình trạng"), max_length=30, choices=Status.choices)
    decision_number = models.CharField(_("số văn bản quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày văn bản"))
    decision_issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    note = models.TextField(_("ghi chú, lý do"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("người ghi"))
    at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("sự kiện tổ chức của hội")
        verbose_name_plural = _("sự kiện tổ chức của hội")
        ordering = ["-decision_date", "-id"]
        indexes = [models.Index(fields=["association", "-decision_date"], name="assoc_transition_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.decision_number})"


class LineageEvent(models.Model):
    """Which record became which: one row per (predecessor -> successor) of a reorganisation."""

    SCOPE = permissions.LINEAGE_SCOPE

    transition = models.ForeignKey(AssociationTransition, on_delete=models.CASCADE, related_name="lineage")
    kind = models.CharField(_("hình thức"), max_length=30, choices=Action.choices)
    predecessor = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="lineage_out")
    successor = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="lineage_in")
    on = models.DateField(_("ngày"))

    class Meta:
        verbose_name = _("quan hệ kế thừa")
        verbose_name_plural = _("quan hệ kế thừa")
        ordering = ["-on"]
        constraints = [models.UniqueConstraint(fields=["transition", "predecessor", "successor"],
                                               name="lineage_once")]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
