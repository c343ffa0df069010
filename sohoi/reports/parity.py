"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "reports:report_new": "POST /api/v1/reports/periodic",
    "reports:book_register_incoming": "POST /api/v1/reports/books/incoming/{document_id}",
    "reports:book_register_outgoing": "POST /api/v1/reports/books/outgoing/{document_id}",
    # the page's other action, the .docx draft, changes nothing: GET /api/v1/reports/plans/{document_id}/draft
    "reports:plan_draft": "POST /api/v1/reports/plans/{document_id}",
}
EXEMPT: dict[str, str] = {}
