"""Vietnamese labels of this app's audit action codes (core/audit_labels.py); an unlabelled code reads as its verb
and model name."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "reports.dashboard.exported": _("Xuất số liệu bảng điều hành"),
    "reports.job.created": _("Yêu cầu lập báo cáo định kỳ"),
    "reports.plan.registered": _("Vào sổ kế hoạch thực hiện văn bản cấp trên"),
    "reports.book.incoming_registered": _("Vào sổ văn bản đến của đơn vị"),
    "reports.book.outgoing_registered": _("Vào sổ văn bản đi của đơn vị"),
    "reports.book.exported": _("Xuất sổ văn bản của đơn vị ra Excel"),
}
