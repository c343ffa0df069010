"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "party:organisation_add": "POST /api/v1/party/organisations",
    "party:organisation_edit": "PATCH /api/v1/party/organisations/{organisation_id}",
    "party:organisation_end": "POST /api/v1/party/organisations/{organisation_id}/end",
    "party:rating_add": "POST /api/v1/party/ratings",
    "party:member_count": "POST /api/v1/party/associations/{association_id}/member-count",
    "party:eligibility": "POST /api/v1/party/eligibility/tasks",
    "party:rule_add": "POST /api/v1/party/rules",
    "party:rule_edit": "PATCH /api/v1/party/rules/{rule_id}",
}
EXEMPT: dict[str, str] = {}
