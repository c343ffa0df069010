"""Who may manage accounts: named actions of the accounts app (see core/permissions.py).

Users are scoped by `User.SCOPE` (a unit sees its subtree's users; read-all roles see everyone; only
administrators change them)."""

from __future__ import annotations

from sohoi.core.permissions import declare, is_admin

declare("accounts.create_user", is_admin, label="Thêm người dùng",
        refusal="Chỉ quản trị hệ thống được thêm người dùng.")
declare("accounts.second_factor", is_admin, label="Bật xác thực hai lớp",
        refusal="Xác thực hai lớp hiện dành cho quản trị hệ thống.")
