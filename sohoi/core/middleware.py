from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _


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
            message = _("Dữ liệu gửi lên có ký tự rỗng (NUL) không hợp lệ: xóa ký tự đó rồi gửi lại.")
            if request.path.startswith("/api/"):
                from django.http import JsonResponse

                return JsonResponse({"code": "invalid", "message": message, "fields": {}}, status=400)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        fields = self._json_nul_fields(request)
        if fields:
            from django.http import JsonResponse

            names = ", ".join(f for f in fields if f != "__all__")
            message = _("Dữ liệu JSON gửi lên có ký tự rỗng (NUL, \\u0000) không hợp lệ%(where)s: xóa ký tự đó "
                        "rồi gửi lại.") % {"where": _(" ở trường %(names)s")
                                                    % {"names": names} if names else ""}
            return JsonResponse({"code": "invalid", "message": message,
                                 "fields": {f: [_("Có ký tự rỗng (NUL); xóa ký tự đó.")] for f in fields}},
                                status=400)
        return self.get_response(request)


    @staticmethod
    def _json_nul_fields(request: HttpRequest) -> list[str] | None:
        """Names of the JSON fields holding a NUL (escaped as \\u0000 or raw), or None when there is none. The
        body is parsed only when the raw bytes could hold one, so ordinary requests pay a substring search."""
        if request.method not in ("POST", "PUT", "PATCH") or "json" not in (request.content_type or ""):
            return None
        body = request.body
        if b"\x00" not in body and b"\\u0000" not in body:
            return None
        import json

        try:
            data = json.loads(body)
        except ValueError:
            return ["__all__"] if b"\x00" in body else None  # malformed JSON: the API answers 422 itself
        found: list[str] = []

        def walk(value: object, where: str) -> None:
            if isinstance(value, str):
                if "\x00" in value:
                    found.append(where or "__all__")
            elif isinstance(value, dict):
                for key, item in value.items():
                    if "\x00" in str(key):
                        found.append(where or "__all__")
                    walk(item, f"{where}.{key}" if where else str(key))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    walk(item, f"{where}.{i}" if where else str(i))

        walk(data, "")
        return found or None

    @staticmethod
    def _form_has_nul(request: HttpRequest) -> bool:
        if request.method != "POST" or not request.content_type.startswith(("application/x-www-form-urlencoded",
                                                                             "multipart/form-data")):
            return False
        return any("\x00" in v for values in request.POST.lists() for v in values[1])


class PrivateCacheMiddleware:
    """Pages and API answers for a signed-in user carry ID numbers, party membership and internal documents:
    `Cache-Control: private, no-store` keeps them out of shared proxies and the browser's disk cache (the
    back button after logout shows nothing). Views that set their own Cache-Control keep it. HTML answers
    also vary on HX-Request, because the same URL serves the whole page or, to htmx, only its partial; a
    cache keyed on the URL alone would serve one for the other."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = (user is not None and user.is_authenticated) or "Authorization" in request.headers
        if signed_in and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("HX-Request",))
        return response
