"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

from .choices import Action

LABELS = {
    # the lifecycle steps, by their own labels (services.registry writes associations.association.<step>)
    **{f"associations.association.{value}": label for value, label in Action.choices},
    "associations.association.created": _("Đăng ký hội (ban vận động)"),
    "associations.association.updated": _("Sửa thông tin hội"),
    "associations.association.approve_charter": _("Phê duyệt điều lệ"),
    "associations.association.permit": _("Cho phép thành lập"),
    "associations.association.suspend": _("Đình chỉ hoạt động"),
    "associations.association.merge": _("Hợp nhất, sáp nhập"),
    "associations.association.file_dossier": _("Nộp hồ sơ thành lập"),
    "associations.association.state_decided": _("Ghi quyết định của Nhà nước"),
    "associations.association.leadership_reported": _("Báo cáo thay đổi lãnh đạo"),
    "associations.association.exported": _("Xuất danh sách hội"),
    "associations.association.imported": _("Nhập từ danh bạ"),
    "associations.association.import_updated": _("Cập nhật từ danh bạ"),
    "associations.charter.approved": _("Phê duyệt điều lệ"),
    "associations.congress.recorded": _("Ghi đại hội"),
    "associations.demo.synthetic_loaded": _("Nạp dữ liệu mẫu"),
    "associations.dossier.updated": _("Sửa hồ sơ thành lập"),
    "associations.field.created": _("Thêm lĩnh vực hoạt động"),
    "associations.leader.appointed": _("Ghi người lãnh đạo hội"),
    "associations.leader.ended": _("Kết thúc nhiệm vụ lãnh đạo"),
    "associations.leader.reported": _("Báo cáo lãnh đạo hội"),
    "associations.leader.sensitive_viewed": _("Xem dữ liệu nhạy cảm của lãnh đạo hội"),
    "associations.legalrule.created": _("Thêm quy định pháp lý"),
    "associations.legalrule.updated": _("Sửa quy định pháp lý"),
    "associations.member.imported": _("Nhập danh sách hội viên"),
    "associations.member.sensitive_viewed": _("Xem dữ liệu nhạy cảm của hội viên"),
    "associations.monitoring.followed_up": _("Theo dõi tiếp"),
    "associations.monitoring.logged": _("Ghi sổ theo dõi"),
    "associations.officer.assigned": _("Phân công cán bộ theo dõi"),
    "associations.officer.unassigned": _("Thôi phân công cán bộ theo dõi"),
    "associations.register.imported": _("Nhập danh bạ hội"),
}
