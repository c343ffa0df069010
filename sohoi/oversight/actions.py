"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

from .choices import Step

LABELS = {
    # the workflow steps by their own labels (services write oversight.activity.<step>)
    **{f"oversight.activity.{value}": label for value, label in Step.choices},
    "oversight.activity.created": _("Lập kế hoạch giám sát, kiểm tra"),
    "oversight.activity.updated": _("Sửa kế hoạch"),
    "oversight.activity.conclusion_saved": _("Ghi kết luận"),
    "oversight.activity.draft_uploaded": _("Tải lên dự thảo được phản biện"),
    "oversight.attachment.added": _("Đính kèm tệp"),
    "oversight.comment.added": _("Góp ý vào đoạn dự thảo"),
    "oversight.finding.added": _("Ghi phát hiện"),
    "oversight.finding.task_created": _("Giao nhiệm vụ từ phát hiện"),
    "oversight.point.added": _("Ghi ý kiến phản biện"),
    "oversight.point.marked": _("Ghi việc tiếp thu ý kiến phản biện"),
    "oversight.programme.created": _("Tạo chương trình phối hợp"),
    "oversight.programme_result.recorded": _("Ghi kết quả chương trình phối hợp"),
    "oversight.programme_result.updated": _("Sửa kết quả chương trình phối hợp"),
    "oversight.recommendation.added": _("Ghi kiến nghị"),
    "oversight.recommendation.answered": _("Trả lời kiến nghị"),
    "oversight.recommendation.reported": _("Báo cáo kết quả thực hiện kiến nghị"),
    "oversight.rule.created": _("Thêm dòng thời hạn trả lời kiến nghị"),
    "oversight.rule.updated": _("Sửa dòng thời hạn trả lời kiến nghị"),
    "oversight.team_member.added": _("Thêm thành viên đoàn"),
}
