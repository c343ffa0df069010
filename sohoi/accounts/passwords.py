"""Django's password validators with messages written for Sổ Hội in Vietnamese (source strings, translated to
English in our own catalogue): Django's Vietnamese catalogue leaves "This password is too short..." in English.
The rules are Django's; only the wording is ours."""

from __future__ import annotations

from django.contrib.auth import password_validation as pv
from django.utils.translation import gettext as _


class MinimumLengthValidator(pv.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.") % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return _("Ít nhất %(min_length)d ký tự.") % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(pv.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu quá giống %(verbose_name)s; chọn mật khẩu khác hẳn.")

    def get_help_text(self) -> str:
        return _("Không giống tên đăng nhập, họ tên hay thư điện tử.")


class CommonPasswordValidator(pv.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu này quá phổ biến, dễ bị đoán; chọn mật khẩu khác.")

    def get_help_text(self) -> str:
        return _("Không phải mật khẩu phổ biến.")


class NumericPasswordValidator(pv.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu không được chỉ gồm chữ số; thêm chữ cái.")

    def get_help_text(self) -> str:
        return _("Không chỉ gồm chữ số.")
