"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "associations:association_create": "POST /api/v1/associations",
    "associations:association_edit": "PATCH /api/v1/associations/{pk}",
    "associations:association_transition": "POST /api/v1/associations/{pk}/transitions",
    "associations:association_state_decision": "POST /api/v1/associations/{pk}/state-decisions",
    "associations:dossier": "PATCH /api/v1/associations/dossiers/{dossier_id}",
    "associations:leader_add": "POST /api/v1/associations/{pk}/leaders",
    "associations:leader_action": ("POST /api/v1/associations/leaders/{pk}/end",
                                   "POST /api/v1/associations/leaders/{pk}/reported"),
    "associations:congress_add": "POST /api/v1/associations/{pk}/congresses",
    "associations:charter_add": "POST /api/v1/associations/{pk}/charters",
    "associations:member_import": ("POST /api/v1/associations/{pk}/member-imports",
                                   "POST /api/v1/associations/{pk}/member-imports/{job_id}/confirm",
                                   "POST /api/v1/associations/{pk}/member-imports/{job_id}/retry"),
    "associations:officer_assign": "POST /api/v1/associations/assignments",
    "associations:log_add": "POST /api/v1/associations/{pk}/monitoring-log",
    "associations:log_close": "POST /api/v1/associations/monitoring-log/{pk}/close",
    "associations:legal_rule_add": "POST /api/v1/associations/legal-rules",
    "associations:legal_rule_edit": "PATCH /api/v1/associations/legal-rules/{rule_id}",
    "associations:register_import": ("POST /api/v1/associations/register-imports",
                                     "POST /api/v1/associations/register-imports/{job_id}/confirm"),
    "associations:register_import_retry": "POST /api/v1/associations/register-imports/{job_id}/retry",
}
EXEMPT: dict[str, str] = {}
