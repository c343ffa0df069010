from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response (Django 5.2 has no CSP of its own)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/v1/docs"):
            # Swagger UI (served from this host) sets inline style attributes; scripts stay 'self' only.
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY.replace(
                "style-src 'self'", "style-src 'self' 'unsafe-inline'"))
        else:
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class RejectNulMiddleware:
    """A NUL character in a query or form value is never meaningful, and PostgreSQL refuses to store or
    compare it: answer 400 with a clear message instead of a server error deep in the database driver."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", "") \
                or self._form_has_nul(request):
            message = "Dữ liệu gửi lên có ký tự rỗng (NUL) không hợp lệ: xóa ký tự đó rồi gửi lại."
            if request.path.startswith("/api/"):
                from django.http import JsonResponse

                return JsonResponse({"code": "invalid", "message": message, "fields": {}}, status=400)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _form_has_nul(request: HttpRequest) -> bool:
        if request.method != "POST" or not request.content_type.startswith(("application/x-www-form-urlencoded",
                                                                             "multipart/form-data")):
            return False
        return any("\x00" in v for values in request.POST.lists() for v in values[1])
