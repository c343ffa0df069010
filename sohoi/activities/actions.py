"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "activities.exchange.recorded": _("Ghi đoàn ra, đoàn vào"),
    "activities.exchange.reported": _("Báo cáo kết quả đoàn ra, đoàn vào"),
    "activities.finance.corrected": _("Sửa báo cáo tài chính năm"),
    "activities.finance.reported": _("Báo cáo tài chính năm"),
    "activities.foreign_project.recorded": _("Ghi dự án có vốn nước ngoài"),
    "activities.good_model.evidence_added": _("Thêm minh chứng mô hình hay"),
    "activities.good_model.recorded": _("Ghi mô hình hay, cách làm tốt"),
    "activities.member_case.recorded": _("Ghi vụ việc của hội viên"),
    "activities.replication.recorded": _("Ghi việc nhân rộng mô hình"),
    "activities.review.recorded": _("Ghi sơ kết, tổng kết"),
    "activities.state_support.recorded": _("Ghi kinh phí Nhà nước hỗ trợ"),
    "activities.state_task.recorded": _("Ghi nhiệm vụ Nhà nước giao"),
    "activities.yearly_report.accept": _("Chấp nhận báo cáo năm"),
    "activities.yearly_report.filed": _("Nộp báo cáo năm"),
    "activities.yearly_report.return": _("Trả lại báo cáo năm"),
    "activities.yearly_report.resubmit": _("Nộp lại báo cáo năm"),
}
