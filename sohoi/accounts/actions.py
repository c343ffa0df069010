"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "accounts.api_token.created": _("Tạo khóa API"),
    "accounts.api_token.revoked": _("Thu hồi khóa API"),
    "accounts.user.created": _("Tạo tài khoản"),
    "accounts.user.password_changed": _("Đổi mật khẩu"),
    "accounts.user.roles_changed": _("Đổi vai trò"),
    "accounts.user.second_factor_disabled": _("Tắt xác thực hai bước"),
    "accounts.user.second_factor_enabled": _("Bật xác thực hai bước"),
    "accounts.user.second_factor_passed": _("Qua bước xác thực thứ hai"),
}
