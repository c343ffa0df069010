"""Who may manage accounts: named actions of the accounts app (see core/permissions.py).

Users are scoped by `User.SCOPE` (a unit sees its subtree's users; read-all roles see everyone; only
administrators change them)."""

from __future__ import annotations

import rules

from sohoi.core.permissions import declare, is_admin


@rules.predicate
def is_owner(user, owner) -> bool:
    return owner is not None and user.pk == owner.pk


declare("accounts.create_user", is_admin, label="Thêm người dùng",
        refusal="Chỉ quản trị hệ thống được thêm người dùng.")
declare("accounts.second_factor", is_admin, label="Bật xác thực hai lớp",
        refusal="Xác thực hai lớp hiện dành cho quản trị hệ thống.")
declare("accounts.manage_token", is_owner | is_admin, label="Tạo, thu hồi mã truy cập API của một tài khoản",
        refusal="Chỉ chủ tài khoản hoặc quản trị hệ thống được tạo hay thu hồi mã truy cập của tài khoản này.")
declare("accounts.manage_all_tokens", is_admin, label="Xem và thu hồi mã truy cập của mọi tài khoản",
        refusal="Chỉ quản trị hệ thống xem được mã truy cập của người khác.")
