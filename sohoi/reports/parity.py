"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "reports:report_new": "POST /api/v1/reports/periodic",
}
EXEMPT: dict[str, str] = {}
