"""Shared model base and the one audit trail."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .scoping import ADMIN_ONLY, ScopePolicy


class DatedRowQuerySet(models.QuerySet):
    """Rule tables whose rows carry `valid_from` / `valid_to` (None = open): legal thresholds are data, and a
    change in the law is a new row (design.md §6). One filter for every such table."""

    def valid_on(self, day: datetime.date) -> DatedRowQuerySet:
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class BaseModel(models.Model):
    """Timestamps, author and a version counter for optimistic locking."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tạo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    # Fields never shown in the audit diff.
    AUDIT_EXCLUDE: tuple[str, ...] = ("created_at", "updated_at", "version")

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """One row per write (and per read of sensitive personal data). Append-only."""

    SCOPE = ScopePolicy(unit_field=None, view_all=ADMIN_ONLY, change_all=frozenset())

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị thực hiện"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    action = models.CharField(_("hành động"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("loại đối tượng"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    target_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-at"], name="audit_target_idx"),
                   models.Index(fields=["actor", "-at"], name="audit_actor_idx")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied(gettext("Nhật ký thay đổi không thể sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(gettext("Nhật ký thay đổi không thể xóa."))


class Notification(models.Model):
    """In-app notice to a user; `key` makes each reminder idempotent (never sent twice per period)."""

    SCOPE = ScopePolicy(unit_field=None, view_all=frozenset(), change_all=frozenset(),
                        also=lambda user, action: models.Q(user_id=user.pk))

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(_("loại"), max_length=50)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    key = models.CharField(max_length=200, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], condition=~models.Q(key=""), name="notification_once_per_key")
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.title


class Holiday(models.Model):
    """A public holiday or compensatory day off; deadlines counted in working days skip these."""

    SCOPE = ScopePolicy(unit_field=None, everyone_views=True)

    day = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày nghỉ"), max_length=200)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.name}"
