from .activities import (
    activity_add,
    activity_detail,
    activity_edit,
    activity_list,
    activity_step,
    attachment_add,
    attachment_file,
    conclusion,
    conclusion_file,
    draft_file,
    finding_add,
    point_add,
    recommendation_add,
    team_add,
)
from .follow import (
    comment_add,
    draft_upload,
    evidence_file,
    finding_task,
    inspected_unit,
    point_mark,
    programme_add,
    programme_detail,
    programme_list,
    programme_result,
    recommendation_answer,
    recommendation_list,
    recommendation_report,
    unit_recommendations,
)
from .rules import rule_add, rule_edit, rule_list

__all__ = [
    "activity_add", "activity_detail", "activity_edit", "activity_list", "activity_step", "attachment_add",
    "attachment_file", "comment_add", "conclusion", "draft_upload", "finding_add", "finding_task", "inspected_unit",
    "point_add", "point_mark", "programme_add", "programme_detail", "programme_list", "programme_result",
    "recommendation_add", "recommendation_answer", "recommendation_list", "recommendation_report", "team_add",
    "unit_recommendations", "conclusion_file", "draft_file", "evidence_file", "rule_add", "rule_edit", "rule_list",
]
