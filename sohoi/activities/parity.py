"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "activities:state_task_add": "POST /api/v1/activities/state-tasks",
    "activities:support_add": "POST /api/v1/activities/state-supports",
    "activities:finance_add": "POST /api/v1/activities/finances",
    "activities:report_file": "POST /api/v1/activities/yearly-reports",
    "activities:report_detail": "POST /api/v1/activities/yearly-reports/{report_id}/transition",
    "activities:review_add": "POST /api/v1/activities/reviews",
    "activities:good_model_add": "POST /api/v1/activities/good-models",
    "activities:replication_add": "POST /api/v1/activities/good-models/{model_id}/replications",
    "activities:exchange_add": "POST /api/v1/activities/exchanges",
    "activities:exchange_report": "POST /api/v1/activities/exchanges/{exchange_id}/report",
    "activities:project_add": "POST /api/v1/activities/foreign-projects",
    "activities:case_add": "POST /api/v1/activities/member-cases",
}
EXEMPT: dict[str, str] = {}
