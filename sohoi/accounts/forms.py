from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sohoi.core.lookup import searchable


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại (mật khẩu phân biệt chữ hoa, chữ thường). "
            "Sau 5 lần sai, tài khoản bị tạm khóa 15 phút."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Liên hệ quản trị hệ thống."),
    }
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label=_("Mật khẩu"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    unit = forms.ModelChoiceField(label=_("Đơn vị công tác"), queryset=None, required=False)
    roles = forms.MultipleChoiceField(label=_("Vai trò"), choices=(), widget=forms.CheckboxSelectMultiple)
    password = forms.CharField(label=_("Mật khẩu ban đầu"), strip=False, widget=forms.PasswordInput,
                               help_text=_("Ít nhất 10 ký tự, không toàn số, không quá phổ biến."))

    def __init__(self, *args, **kwargs):
        from sohoi.orgs.models import Unit

        from .choices import Role

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.valid_on().order_by("path")
        searchable(self, "unit", "units")  # hundreds of units: search as you type (core.lookup)
        self.fields["roles"].choices = Role.choices


class UserRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(label=_("Vai trò"), choices=(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        from .choices import Role

        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = Role.choices
