"""API tokens page (/tai-khoan/token/): a user creates, lists and revokes their own tokens; an administrator
sees and revokes everyone's. The token itself is shown once, right after creation (only its hash is kept)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core.params import int_param

from . import services
from .models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên mã truy cập (hệ thống sẽ dùng nó)"), max_length=100)


def _visible(user: Any) -> QuerySet[ApiToken]:
    return services.api_tokens_managed_by(user).select_related("user").order_by("-created_at")


def api_tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST if request.POST.get("action") == "create" else None)
    new_token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            pk = int_param(request.POST.get("token"))
            token = _visible(request.user).filter(pk=pk).first() if pk else None
            if token is None:
                messages.error(request, _("Không tìm thấy mã truy cập cần thu hồi; tải lại trang rồi thử lại."))
            else:
                try:
                    services.api_token_revoke(actor=request.user, token=token)
                except (ValidationError, PermissionDenied) as exc:
                    messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
                else:
                    messages.success(request, _("Đã thu hồi mã truy cập %(name)s.") % {"name": token})
                    return redirect("accounts:api_tokens")
        elif form.is_valid():
            try:
                row, new_token = services.api_token_create(actor=request.user, user=request.user,
                                                           name=form.cleaned_data["name"])
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error("name", message)
            else:
                messages.success(request, _("Đã tạo mã truy cập %(name)s. Chép mã ngay: nó chỉ hiện một lần.")
                                 % {"name": row})
                form = TokenForm()
    return render(request, "accounts/api_tokens.html", {
        "form": form, "new_token": new_token, "tokens": _visible(request.user)[:200],
        "is_admin": services.api_token_manages_all(request.user)})
