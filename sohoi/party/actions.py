"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "party.counts.sensitive_viewed": _("Xem số đảng viên (dữ liệu nhạy cảm)"),
    "party.eligibility.task_created": _("Giao việc thành lập tổ chức đảng"),
    "party.member_count.reported": _("Báo cáo số đảng viên"),
    "party.member_count.updated": _("Sửa số đảng viên"),
    "party.organisation.created": _("Thành lập tổ chức đảng"),
    "party.organisation.dissolved": _("Giải thể tổ chức đảng"),
    "party.organisation.merged": _("Hợp nhất tổ chức đảng"),
    "party.organisation.secretary_set": _("Ghi bí thư"),
    "party.organisation.sensitive_viewed": _("Xem dữ liệu nhạy cảm của tổ chức đảng"),
    "party.organisation.updated": _("Sửa tổ chức đảng"),
    "party.rating.recorded": _("Ghi xếp loại chất lượng"),
    "party.rating.updated": _("Sửa xếp loại chất lượng"),
    "party.rule.created": _("Thêm quy định của Đảng"),
    "party.rule.updated": _("Sửa quy định của Đảng"),
}
