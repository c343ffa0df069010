"""Optional TOTP second factor for administrators (django-otp); QR code drawn by segno as inline SVG."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from sohoi.core import audit
from sohoi.core.permissions import require

from .middleware import SESSION_KEY


def otp_setup(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.second_factor")
    device = TOTPDevice.objects.filter(user=request.user).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Ứng dụng xác thực", confirmed=False)
    if request.method == "POST" and not device.confirmed:
        if device.verify_token(request.POST.get("token", "").strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[SESSION_KEY] = True
            audit.record(actor=request.user, action="accounts.user.second_factor_enabled", target=request.user)
            messages.success(request, _("Đã bật xác thực hai lớp: lần đăng nhập sau sẽ hỏi mã 6 số."))
            return redirect("accounts:otp_setup")
        messages.error(request, _("Mã không đúng hoặc đã hết hạn: nhập mã 6 số đang hiện trong ứng dụng xác thực."))
    secret = base64.b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1d1d1f")
    return render(request, "accounts/otp_setup.html", {"device": device, "secret": secret, "qr": qr})


def otp_verify(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    if request.user.is_verified():
        return redirect(next_url)
    if request.method == "POST":
        token = request.POST.get("token", "").strip()
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(token):
                otp_login(request, device)
                audit.record(actor=request.user, action="accounts.user.second_factor_passed", target=request.user)
                return redirect(next_url)
        messages.error(request, _("Mã không đúng hoặc đã hết hạn: nhập mã 6 số đang hiện trong ứng dụng xác thực. "
                                  "Nhập sai nhiều lần sẽ phải chờ lâu hơn."))
    return render(request, "accounts/otp_verify.html", {"next": next_url})


@require_POST
def otp_disable(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.second_factor")
    if not request.user.is_verified():
        raise PermissionDenied
    TOTPDevice.objects.filter(user=request.user).delete()
    request.session[SESSION_KEY] = False
    audit.record(actor=request.user, action="accounts.user.second_factor_disabled", target=request.user)
    messages.success(request, _("Đã tắt xác thực hai lớp."))
    return redirect("accounts:otp_setup")
