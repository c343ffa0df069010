"""The single error shape: {"code", "message", "fields"} with Vietnamese messages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


def django_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {k: [str(m) for e in v for m in e.messages] for k, v in exc.error_dict.items()}
    return {"__all__": [str(m) for m in exc.messages]}


def _ninja_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for err in errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "query", "path", "payload", "form")]
        name = ".".join(loc) or "__all__"
        kind = err.get("type", "")
        if kind == "missing":
            msg = _("Thiếu trường bắt buộc này.")
        elif "int" in kind or "float" in kind or "decimal" in kind:
            msg = _("Phải là một số.")
        elif "date" in kind:
            msg = _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD.")
        elif "bool" in kind:
            msg = _("Phải là true hoặc false.")
        elif "enum" in kind or "literal" in kind:
            msg = _("Giá trị không nằm trong danh sách cho phép.")
        elif "too_long" in kind or "max_length" in kind:
            msg = _("Quá dài.")
        else:
            msg = _("Giá trị không hợp lệ.")
        fields.setdefault(name, []).append(msg)
    return fields


# English messages raised inside django-ninja, in the language of the users.
KNOWN_MESSAGES = {
    "CSRF check Failed": gettext_lazy("Thiếu mã chống giả mạo (CSRF): tải lại trang rồi thử lại; "
    "hệ thống khác hãy dùng mã truy cập (Authorization: Bearer)."),
    "Method not allowed": gettext_lazy("Phương thức này không được dùng cho địa chỉ này."),
}


def install(api: Any) -> None:
    def respond(request: HttpRequest, status: int, code: str, message: str, fields: dict | None = None) -> HttpResponse:
        return api.create_response(request, {"code": code, "message": message, "fields": fields or {}}, status=status)

    @api.exception_handler(NinjaValidationError)
    def on_schema_error(request, exc):
        fields = _ninja_fields(exc.errors)
        names = ", ".join(k for k in fields if k != "__all__")
        message = _("Dữ liệu gửi lên chưa hợp lệ ở: %(names)s. Sửa các trường này rồi gửi lại.") % {"names": names} if names else \
            _("Dữ liệu gửi lên chưa hợp lệ (cần JSON đúng cấu trúc).")
        return respond(request, 422, "invalid", message, fields)

    @api.exception_handler(DjangoValidationError)
    def on_validation_error(request, exc):
        fields = django_errors(exc)
        first = next(iter(fields.values()), [_("Dữ liệu không hợp lệ.")])[0]
        return respond(request, 400, "invalid", first, fields)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return respond(request, 404, "not_found", _("Không tìm thấy, hoặc nằm ngoài phạm vi dữ liệu của bạn."))

    @api.exception_handler(PermissionDenied)
    def on_forbidden(request, exc):
        return respond(request, 403, "forbidden", str(exc) or _("Vai trò của bạn không được làm việc này."))

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request, exc):
        return respond(request, 401, "unauthenticated",
                       _("Cần đăng nhập: gửi phiên đăng nhập hoặc mã truy cập (Authorization: Bearer <token>)."))

    @api.exception_handler(HttpError)
    def on_http_error(request, exc):
        code = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 409: "conflict", 413: "too_large", 429: "throttled"}.get(exc.status_code, "error")
        message = KNOWN_MESSAGES.get(str(exc.message), str(exc.message))
        return respond(request, exc.status_code, code, message)

    @api.exception_handler(OverflowError)
    def on_overflow(request, exc):
        # A number too large for the database (an id or a filter beyond 64 bits) is bad input, not a crash.
        return respond(request, 422, "invalid", _("Có số quá lớn trong yêu cầu: kiểm tra lại các mã số và bộ lọc."))

    @api.exception_handler(Exception)
    def on_unexpected(request, exc):
        import logging

        logging.getLogger("sohoi.api").exception("API error")
        return respond(request, 500, "server_error", _("Lỗi hệ thống; dữ liệu chưa bị thay đổi. Thử lại sau."))
