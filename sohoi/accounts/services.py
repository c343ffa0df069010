from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import allowed, require

from .choices import Role
from .models import User, UserRole


@transaction.atomic
def user_create(*, actor: Any, username: str, password: str, full_name: str, unit: Any, roles: list[str],
                email: str = "", position: str = "", check_password: bool = True) -> User:
    unknown = [r for r in roles if r not in Role.values]
    if unknown:
        raise ValidationError({"roles": _("Vai trò không tồn tại: %(unknown)s. Chọn trong danh sách vai trò.")
                                        % {"unknown": ', '.join(unknown)}})
    if not roles:
        raise ValidationError({"roles": _("Người dùng phải có ít nhất một vai trò.")})
    if unit is None and Role.ADMIN not in roles:
        raise ValidationError({"unit": _("Chọn đơn vị mà người dùng làm việc cho.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Tên đăng nhập “%(username)s” đã có người dùng. Chọn tên khác.")
                                           % {"username": username}})
    user = User(username=username, full_name=full_name, unit=unit, email=email, position=position)
    if check_password:
        validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    UserRole.objects.bulk_create([UserRole(user=user, role=r) for r in roles])
    audit.record(actor=actor, action="accounts.user.created", target=user,
                 changes={"username": [None, username], "unit": [None, str(unit) if unit else None],
                          "roles": [None, sorted(roles)]})
    return user


@transaction.atomic
def user_set_roles(*, actor: Any, user: User, roles: list[str]) -> User:
    if not roles or any(r not in Role.values for r in roles):
        raise ValidationError({"roles": _("Chọn ít nhất một vai trò trong danh sách vai trò.")})
    before = sorted(user.role_codes)
    UserRole.objects.filter(user=user).exclude(role__in=roles).delete()
    UserRole.objects.bulk_create([UserRole(user=user, role=r) for r in roles], ignore_conflicts=True)
    user.__dict__.pop("role_codes", None)
    audit.record(actor=actor, action="accounts.user.roles_changed", target=user, changes={"roles": [before, sorted(roles)]})
    return user


@transaction.atomic
def api_token_create(*, actor: Any, user: User, name: str) -> tuple[Any, str]:
    """Returns (row, token); the plain token exists only in this return value."""
    import hashlib
    import secrets

    from .models import ApiToken

    _require_token_owner_or_admin(actor, user)
    if not name.strip():
        raise ValidationError({"name": _("Đặt tên cho mã truy cập (ví dụ: tên hệ thống dùng nó).")})
    if len(name.strip()) > 100:
        raise ValidationError({"name": _("Tên mã truy cập dài quá 100 ký tự; đặt tên ngắn hơn.")})
    token = secrets.token_urlsafe(32)
    row = ApiToken.objects.create(user=user, name=name.strip(), prefix=token[:8],
                                  key_hash=hashlib.sha256(token.encode()).hexdigest())
    audit.record(actor=actor, action="accounts.api_token.created", target=row, changes={"user": [None, str(user)]})
    return row, token


def _require_token_owner_or_admin(actor: Any, user: User) -> None:
    """A token acts with its owner's rights: only the owner or an administrator creates or revokes one.
    `actor=None` is the `sohoi apitoken` command, run by whoever holds the server."""
    require(actor, "accounts.manage_token", user)


def api_token_manages_all(user: Any) -> bool:
    return allowed(user, "accounts.manage_all_tokens")


def api_tokens_managed_by(user: Any) -> Any:
    """The tokens `user` may see and revoke (the page lists exactly these)."""
    from .models import ApiToken

    return ApiToken.objects.all() if api_token_manages_all(user) else ApiToken.objects.filter(user_id=user.pk)


@transaction.atomic
def api_token_revoke(*, actor: Any, token: Any) -> Any:
    """Revoke a token now (it stops working at once); revoking twice is refused with a clear message."""
    from django.utils import timezone

    from .models import ApiToken

    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    _require_token_owner_or_admin(actor, token.user)
    if token.revoked_at is not None:
        raise ValidationError({"token": (_("Mã truy cập “%(token)s” đã bị thu hồi lúc %(revoked_at)s.")
                                         % {"token": token, "revoked_at": format(timezone.localtime(token.revoked_at), '%H:%M %d/%m/%Y')})})
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(actor=actor, action="accounts.api_token.revoked", target=token,
                 changes={"revoked_at": [None, token.revoked_at], "user": [None, str(token.user)]})
    return token
