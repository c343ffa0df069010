from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from sohoi.core.scoping import ScopePolicy

from .choices import READ_ALL_ROLES, Role


class User(AbstractUser):
    """A person who acts for one unit with one or more roles."""

    SCOPE = ScopePolicy(unit_field="unit")

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị công tác"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="users")
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    # Django's own label is "địa chỉ email"; every other page says "thư điện tử" (issue 16: one term).
    email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    @cached_property
    def role_codes(self) -> frozenset[str]:
        codes = {r.role for r in self.role_links.all()}
        if self.is_superuser:
            codes.add(Role.ADMIN)
        return frozenset(codes)

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_codes.intersection(roles))

    @property
    def reads_everything(self) -> bool:
        return bool(self.role_codes & READ_ALL_ROLES)

    def role_labels(self) -> list[str]:
        return [str(Role(c).label) for c in sorted(self.role_codes)]


class UserRole(models.Model):
    SCOPE = ScopePolicy(unit_field="user__unit")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_links")
    role = models.CharField(_("vai trò"), max_length=40, choices=Role.choices)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="user_role_unique")]

    def __str__(self) -> str:
        return self.get_role_display()


class ApiToken(models.Model):
    """A machine's bearer token; only its SHA-256 is stored, the token is shown once at creation."""

    SCOPE = ScopePolicy(unit_field="user__unit")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
