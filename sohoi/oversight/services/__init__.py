"""Every write of the oversight app (design.md convention 1): keyword-only, atomic, validating, audited; who
may do each write is asked with `require()` (permissions.py) before anything is read or validated."""

from .activities import (
    activity_create,
    activity_transition,
    activity_update,
    attachment_add,
    conclusion_save,
    team_member_add,
)
from .criticism import comment_add, draft_upload, point_add, point_mark
from .programmes import programme_create, programme_result_record
from .recommendations import (
    finding_add,
    finding_to_task,
    recommendation_add,
    recommendation_answer,
    recommendation_report,
)
from .rules import rule_create, rule_update

__all__ = [
    "activity_create", "activity_transition", "activity_update", "attachment_add", "comment_add", "conclusion_save",
    "draft_upload", "finding_add", "finding_to_task", "point_add", "point_mark", "programme_create",
    "programme_result_record", "recommendation_add", "recommendation_answer", "recommendation_report",
    "rule_create", "rule_update", "team_member_add",
]
