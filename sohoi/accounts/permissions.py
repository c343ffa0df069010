"""Who may manage accounts: named actions of the accounts app (see core/permissions.py).

Users are scoped by `User.SCOPE` (a unit sees its subtree's users; read-all roles see everyone; only
administrators change them)."""

from __future__ import annotations

import rules
from django.utils.translation import gettext_lazy as _

from sohoi.core.permissions import declare, is_admin


@rules.predicate
def is_owner(user, owner) -> bool:
    return owner is not None and user.pk == owner.pk


declare("accounts.create_user", is_admin, label=_("Thêm người dùng"),
        refusal=_("Chỉ quản trị hệ thống được thêm người dùng."))
declare("accounts.second_factor", is_admin, label=_("Bật xác thực hai lớp"),
        refusal=_("Xác thực hai lớp hiện dành cho quản trị hệ thống."))
declare("accounts.manage_token", is_owner | is_admin, label=_("Tạo, thu hồi mã truy cập API của một tài khoản"),
        refusal=_("Chỉ chủ tài khoản hoặc quản trị hệ thống được tạo hay thu hồi mã truy cập của tài khoản này."))
declare("accounts.manage_all_tokens", is_admin, label=_("Xem và thu hồi mã truy cập của mọi tài khoản"),
        refusal=_("Chỉ quản trị hệ thống xem được mã truy cập của người khác."))
