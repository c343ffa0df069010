"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "core.backup.restored": _("Khôi phục bản sao lưu"),
    "core.holiday.created": _("Thêm ngày nghỉ lễ"),
    "core.holiday.updated": _("Sửa ngày nghỉ lễ"),
    "core.holiday.deleted": _("Xóa ngày nghỉ lễ"),
}
