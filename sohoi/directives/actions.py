"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "directives.assignment.opened": _("Giao nhiệm vụ cho đơn vị"),
    "directives.assignment.urged": _("Đôn đốc đơn vị"),
    "directives.deadline_rule.created": _("Thêm dòng thời hạn mặc định của nhiệm vụ"),
    "directives.deadline_rule.updated": _("Sửa dòng thời hạn mặc định của nhiệm vụ"),
    "directives.dissemination.recorded": _("Ghi buổi quán triệt"),
    "directives.dissemination.updated": _("Sửa buổi quán triệt"),
    "directives.dissemination.urged": _("Đôn đốc quán triệt"),
    "directives.dissemination.remind": _("Nhắc quán triệt"),
    "directives.document.registered": _("Vào sổ văn bản"),
    "directives.document.review_saved": _("Lưu bản duyệt nhiệm vụ"),
    "directives.document.stub_created": _("Ghi văn bản được dẫn chiếu (chưa có nội dung)"),
    "directives.document.stub_filled": _("Bổ sung nội dung văn bản"),
    "directives.document.tasks_confirmed": _("Xác nhận nhiệm vụ và giao việc"),
    "directives.document.updated": _("Sửa văn bản"),
    "directives.document.board_exported": _("Xuất bảng theo dõi ra Excel"),
    "directives.reminders.sent": _("Gửi nhắc hạn"),
    "directives.remind": _("Nhắc hạn"),
    "directives.urge": _("Đôn đốc"),
    "directives.report.accepted": _("Chấp nhận báo cáo"),
    "directives.report.returned": _("Trả lại báo cáo"),
    "directives.report.submitted": _("Gửi báo cáo tiến độ"),
    "directives.task.created": _("Tạo nhiệm vụ"),
}
