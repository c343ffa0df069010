"""Closed lists of what associations report and what the state funds (letter 752-CV/TU, points 2 and 5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BudgetSource(models.TextChoices):
    CITY = "city", _("Ngân sách thành phố")
    COMMUNE = "commune", _("Ngân sách xã, phường")
    CENTRAL = "central", _("Ngân sách trung ương")
    PROGRAMME = "programme", _("Chương trình mục tiêu")
    OTHER = "other", _("Nguồn khác của Nhà nước")


# Revenue lines of a year's finances: field name -> label (the order of the form and of every message).
REVENUE_LINES = {
    "rev_dues": _("hội phí"),
    "rev_donations": _("tài trợ, ủng hộ"),
    "rev_services": _("thu từ dịch vụ, hoạt động"),
    "rev_state": _("hỗ trợ của Nhà nước"),
    "rev_foreign": _("tài trợ nước ngoài"),
    "rev_other": _("thu khác"),
}
EXPENSE_LINES = {
    "exp_programmes": _("chi hoạt động, chương trình"),
    "exp_staff": _("chi lương, phụ cấp"),
    "exp_office": _("chi hành chính, văn phòng"),
    "exp_assets": _("chi mua sắm tài sản"),
    "exp_other": _("chi khác"),
}


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp, chờ xem xét")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại để bổ sung")


class FilingState(models.TextChoices):
    """A year's report, computed from dates (yearly.py), never typed."""

    NOT_DUE = "not_due", _("Chưa đến kỳ")
    DUE = "due", _("Đến kỳ, chưa nộp")
    ON_TIME = "on_time", _("Nộp đúng hạn")
    LATE = "late", _("Nộp muộn")
    MISSING = "missing", _("Không nộp (quá hạn)")


FILING_CSS = {FilingState.NOT_DUE: "", FilingState.DUE: "info", FilingState.ON_TIME: "ok",
              FilingState.LATE: "warn", FilingState.MISSING: "bad"}


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Sơ kết")
    FINAL = "final", _("Tổng kết")


class ReplicationResult(models.TextChoices):
    ONGOING = "ongoing", _("Đang triển khai")
    EFFECTIVE = "effective", _("Hiệu quả")
    LIMITED = "limited", _("Hiệu quả hạn chế")
    STOPPED = "stopped", _("Đã dừng")


class Direction(models.TextChoices):
    OUTGOING = "out", _("Đoàn ra")
    INCOMING = "in", _("Đoàn vào")


class CaseKind(models.TextChoices):
    NEED = "need", _("Nhu cầu, nguyện vọng")
    COMPLAINT = "complaint", _("Khiếu nại, phản ánh")
    RIGHTS = "rights", _("Bảo vệ quyền, lợi ích hợp pháp")


class CaseOutcome(models.TextChoices):
    OPEN = "open", _("Đang giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    REFERRED = "referred", _("Đã chuyển cơ quan có thẩm quyền")
    CLOSED = "closed", _("Đóng, không giải quyết được")
