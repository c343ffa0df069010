"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "oversight:activity_add": "POST /api/v1/oversight/activities",
    "oversight:activity_edit": "PATCH /api/v1/oversight/activities/{activity_id}",
    "oversight:activity_step": "POST /api/v1/oversight/activities/{activity_id}/transitions",
    "oversight:team_add": "POST /api/v1/oversight/activities/{activity_id}/team",
    "oversight:attachment_add": "POST /api/v1/oversight/activities/{activity_id}/attachments",
    "oversight:conclusion": "POST /api/v1/oversight/activities/{activity_id}/conclusion",
    "oversight:finding_add": "POST /api/v1/oversight/activities/{activity_id}/findings",
    "oversight:recommendation_add": "POST /api/v1/oversight/activities/{activity_id}/recommendations",
    "oversight:point_add": "POST /api/v1/oversight/activities/{activity_id}/points",
    "oversight:draft_upload": "POST /api/v1/oversight/activities/{activity_id}/draft",
    "oversight:comment_add": "POST /api/v1/oversight/activities/{activity_id}/comments",
    "oversight:point_mark": "POST /api/v1/oversight/points/{point_id}/mark",
    "oversight:finding_task": "POST /api/v1/oversight/findings/{finding_id}/task",
    "oversight:recommendation_answer": "POST /api/v1/oversight/recommendations/{recommendation_id}/answer",
    "oversight:recommendation_report": "POST /api/v1/oversight/recommendations/{recommendation_id}/report",
    "oversight:programme_add": "POST /api/v1/oversight/programmes",
    "oversight:programme_result": "POST /api/v1/oversight/programmes/{programme_id}/results",
    "oversight:rule_add": "POST /api/v1/oversight/rules",
    "oversight:rule_edit": "PATCH /api/v1/oversight/rules/{rule_id}",
}
EXEMPT: dict[str, str] = {}
