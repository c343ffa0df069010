"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "core:holidays": "POST /api/v1/holidays",
    "core:notifications": ("POST /api/v1/notifications/read-all", "POST /api/v1/notifications/{notification_id}/read"),
}
EXEMPT = {
    "set_language": "the browser's display language, kept in a cookie; the API answers in Vietnamese (and "
                    "follows Accept-Language)",
}
