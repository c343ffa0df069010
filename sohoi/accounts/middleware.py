from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

SESSION_KEY = "sohoi_second_factor_required"


@receiver(user_logged_in)
def _remember_second_factor(sender, request, user, **kwargs) -> None:
    """Decide once, at login, whether this session must pass the second factor (no query per request)."""
    from django_otp import user_has_device

    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = user_has_device(user, confirmed=True)


class SecondFactorMiddleware:
    """A user with a confirmed TOTP device reaches nothing but the code page until the code is given."""

    ALLOWED = ("accounts:otp_verify", "accounts:logout", "set_language")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and request.session.get(SESSION_KEY)
                and not user.is_verified() and not request.path.startswith("/static/")
                and request.path not in {reverse(name) for name in self.ALLOWED}):
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "second_factor_required", "fields": {},
                                     "message": _("Cần nhập mã xác thực hai lớp trên trang đăng nhập trước.")}, status=401)
            return redirect(f"{reverse('accounts:otp_verify')}?next={request.get_full_path()}")
        return self.get_response(request)
