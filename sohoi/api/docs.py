"""The OpenAPI schema and the docs page need a login in production (DEBUG=0).

The schema lists every operation and field of the API, which helps an attacker map it; staff and the systems
that integrate hold a session or a token anyway. `API_DOCS_PUBLIC` (settings; environment, default: DEBUG)
keeps them open in development. Read per request, so a test or a deployment switches by settings alone."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_active:
        return True
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        from .auth import TokenAuth

        return TokenAuth().authenticate(request, header[7:].strip()) is not None
    return False


def docs_behind_login(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if getattr(settings, "API_DOCS_PUBLIC", False) or _signed_in(request):
            return view(request, *args, **kwargs)
        if request.path.endswith(".json"):
            return JsonResponse({"code": "unauthenticated", "fields": {}, "message": _(
                "Cần đăng nhập để xem mô tả API: gửi phiên đăng nhập hoặc mã truy cập "
                "(Authorization: Bearer <token>).")}, status=401)
        return redirect_to_login(request.get_full_path())
    return wrapper
