"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "orgs.group.created": _("Tạo nhóm đơn vị"),
    "orgs.unit.alias_added": _("Dạy tên gọi khác của đơn vị"),
    "orgs.unit.closed": _("Kết thúc đơn vị"),
    "orgs.unit.created": _("Tạo đơn vị"),
    "orgs.unit.successors_set": _("Ghi đơn vị kế thừa"),
    "orgs.unit.updated": _("Sửa đơn vị"),
}
