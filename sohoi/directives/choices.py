from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class System(models.TextChoices):
    PARTY = "party", _("Văn bản Đảng")
    STATE = "state", _("Văn bản nhà nước")


class DocType(models.TextChoices):
    CONG_VAN = "cong_van", _("Công văn")
    CHI_THI = "chi_thi", _("Chỉ thị")
    KE_HOACH = "ke_hoach", _("Kế hoạch")
    HUONG_DAN = "huong_dan", _("Hướng dẫn")
    QUYET_DINH = "quyet_dinh", _("Quyết định")
    QUY_DINH = "quy_dinh", _("Quy định")
    QUY_CHE = "quy_che", _("Quy chế")
    THONG_BAO = "thong_bao", _("Thông báo")
    NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
    KET_LUAN = "ket_luan", _("Kết luận")
    BAO_CAO = "bao_cao", _("Báo cáo")
    NGHI_DINH = "nghi_dinh", _("Nghị định")
    THONG_TU = "thong_tu", _("Thông tư")
    TO_TRINH = "to_trinh", _("Tờ trình")
    CHUONG_TRINH = "chuong_trinh", _("Chương trình")
    OTHER = "other", _("Khác")


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Văn bản đến")
    OUTGOING = "outgoing", _("Văn bản đi")
    INTERNAL = "internal", _("Văn bản nội bộ")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Thường")
    URGENT = "urgent", _("Khẩn")
    VERY_URGENT = "very_urgent", _("Thượng khẩn")
    FLASH = "flash", _("Hỏa tốc")


class Secrecy(models.TextChoices):
    NORMAL = "normal", _("Thường")
    CONFIDENTIAL = "confidential", _("Mật")
    SECRET = "secret", _("Tối mật")
    TOP_SECRET = "top_secret", _("Tuyệt mật")


class Recurrence(models.TextChoices):
    NONE = "", _("Không định kỳ")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng một lần")
    YEARLY = "yearly", _("Hằng năm")
    PERIODIC = "periodic", _("Định kỳ")


# Months per report period. "Định kỳ" without a stated interval means half-yearly by default; a task may
# override it (Task.period_months), because the letter leaves it to practice, not to law.
RECURRENCE_MONTHS = {
    Recurrence.MONTHLY: 1, Recurrence.QUARTERLY: 3, Recurrence.HALF_YEARLY: 6, Recurrence.YEARLY: 12,
    Recurrence.PERIODIC: 6,
}


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ xem xét")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", pgettext_lazy("trạng thái báo cáo", "Trả lại")
