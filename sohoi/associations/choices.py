"""Closed lists of the association registry (domain.md §3). Open lists (fields of activity) are a model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScopeLevel(models.TextChoices):
    NATIONWIDE = "nationwide", _("Toàn quốc, liên tỉnh")
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Quận, huyện (trước 01/7/2025)")
    COMMUNE = "commune", _("Xã, phường")


class Status(models.TextChoices):
    COMMITTEE_RECOGNISED = "committee_recognised", _("Đã công nhận ban vận động")
    DOSSIER_FILED = "dossier_filed", _("Đã nộp hồ sơ thành lập")
    PERMITTED = "permitted", _("Đã được cho phép thành lập")
    FIRST_CONGRESS_HELD = "first_congress_held", _("Đã tổ chức đại hội lần đầu")
    OPERATING = "operating", _("Đang hoạt động")
    SUSPENDED = "suspended", _("Bị đình chỉ hoạt động")
    DISSOLVED = "dissolved", _("Đã giải thể")
    DIVIDED = "divided", _("Đã chia thành hội mới")
    MERGED = "merged", _("Đã sáp nhập vào hội khác")
    CONSOLIDATED = "consolidated", _("Đã hợp nhất thành hội mới")


# States in which the association no longer exists as such (kept for lineage and history).
ENDED = frozenset({Status.DISSOLVED, Status.DIVIDED, Status.MERGED, Status.CONSOLIDATED})
FOUNDING = frozenset({Status.COMMITTEE_RECOGNISED, Status.DOSSIER_FILED, Status.PERMITTED, Status.FIRST_CONGRESS_HELD})
STATUS_CSS = {Status.OPERATING: "ok", Status.SUSPENDED: "warn", Status.DISSOLVED: "bad", Status.MERGED: "",
              Status.CONSOLIDATED: "", Status.DIVIDED: ""}


class Action(models.TextChoices):
    FILE_DOSSIER = "file_dossier", _("Nộp hồ sơ thành lập")
    RETURN_DOSSIER = "return_dossier", _("Trả lại hồ sơ / từ chối (có lý do)")
    PERMIT = "permit", _("Quyết định cho phép thành lập")
    HOLD_FIRST_CONGRESS = "hold_first_congress", _("Tổ chức đại hội lần đầu")
    LAPSE = "lapse", _("Quyết định cho phép hết hiệu lực (quá hạn đại hội)")
    APPROVE_CHARTER = "approve_charter", _("Phê duyệt điều lệ, bắt đầu hoạt động")
    SUSPEND = "suspend", _("Đình chỉ hoạt động")
    RESUME = "resume", _("Cho hoạt động trở lại")
    DISSOLVE = "dissolve", _("Giải thể")
    RENAME = "rename", _("Đổi tên")
    DIVIDE = "divide", _("Chia hội")
    SEPARATE = "separate", _("Tách hội")
    MERGE = "merge", _("Sáp nhập vào hội khác")
    CONSOLIDATE = "consolidate", _("Hợp nhất thành hội mới")
    # Not a status change: a decision of the state on the fields it sets (Association.STATE_FIELDS).
    STATE_DECISION = "state_decision", _("Quyết định của Nhà nước (thành lập, phạm vi, địa bàn, hội đặc thù...)")


class Position(models.TextChoices):
    PRESIDENT = "president", _("Chủ tịch")
    VICE_PRESIDENT = "vice_president", _("Phó Chủ tịch")
    GENERAL_SECRETARY = "general_secretary", _("Tổng thư ký")
    STANDING = "standing", _("Ủy viên Ban Thường vụ")
    EXECUTIVE = "executive", _("Ủy viên Ban Chấp hành")
    INSPECTION_HEAD = "inspection_head", _("Trưởng Ban Kiểm tra")
    INSPECTION = "inspection", _("Ủy viên Ban Kiểm tra")


# Changes of these positions must be reported to the authority (domain.md §3 "changes to report").
REPORTABLE_POSITIONS = frozenset({Position.PRESIDENT, Position.VICE_PRESIDENT, Position.GENERAL_SECRETARY})


class CongressKind(models.TextChoices):
    FOUNDING = "founding", _("Đại hội thành lập (lần đầu)")
    TERM = "term", _("Đại hội nhiệm kỳ")
    EXTRAORDINARY = "extraordinary", _("Đại hội bất thường")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")
    OTHER = "other", _("Khác")


class MemberKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Hội viên cá nhân")
    ORGANISATIONAL = "organisational", _("Hội viên tổ chức")
    HONORARY = "honorary", _("Hội viên danh dự")


class LogKind(models.TextChoices):
    VISIT = "visit", _("Đến làm việc")
    CALL = "call", _("Gọi điện, trao đổi")
    DOCUMENT = "document", _("Nhận văn bản")
    ISSUE = "issue", _("Phát hiện vấn đề")
    FOLLOW_UP = "follow_up", _("Theo dõi, đôn đốc")


class DossierItem(models.TextChoices):
    APPLICATION = "application", _("Đơn đề nghị thành lập hội")
    CHARTER = "charter", _("Dự thảo điều lệ")
    COMMITTEE_LIST = "committee_list", _("Danh sách ban vận động thành lập hội")
    CRIMINAL_RECORD = "criminal_record", _("Phiếu lý lịch tư pháp của trưởng ban vận động")
    HEAD_OFFICE = "head_office", _("Văn bản xác nhận nơi dự kiến đặt trụ sở")
    ASSETS = "assets", _("Bản kê khai tài sản (nếu có)")


class RuleUnit(models.TextChoices):
    PEOPLE = "people", _("người / tổ chức")
    DAYS = "days", _("ngày")
    WORKING_DAYS = "working_days", _("ngày làm việc")
    YEARS = "years", _("năm")
    DAY_MONTH = "day_month", _("ngày/tháng")
    ITEMS = "items", _("danh mục giấy tờ")


class RuleCode(models.TextChoices):
    FOUNDING_MEMBERS = "founding_members", _("Số hội viên tối thiểu khi thành lập")
    FOUNDING_MEMBERS_ECONOMIC = "founding_members_economic", _("Số pháp nhân tối thiểu (hiệp hội kinh tế)")
    FOUNDING_PROVINCES = "founding_provinces", _("Số tỉnh tối thiểu có người đăng ký (phạm vi toàn quốc)")
    COMMITTEE_SIZE = "committee_size", _("Số thành viên tối thiểu của ban vận động")
    COMMITTEE_SIZE_ECONOMIC = "committee_size_economic", _("Số thành viên tối thiểu của ban vận động (hiệp hội)")
    DOSSIER_ITEMS = "dossier_items", _("Thành phần hồ sơ thành lập bắt buộc")
    DECISION_DEADLINE = "decision_deadline", _("Thời hạn quyết định cho phép thành lập")
    FIRST_CONGRESS = "first_congress", _("Thời hạn đại hội lần đầu kể từ ngày được phép")
    EXTENSION_REQUEST = "extension_request", _("Thời hạn đề nghị gia hạn đại hội sau khi hết hạn")
    EXTENSION_MAX = "extension_max", _("Thời gian gia hạn tối đa")
    TERM_YEARS = "term_years", _("Nhiệm kỳ đại hội")
    YEARLY_REPORT = "yearly_report", _("Hạn báo cáo tình hình tổ chức, hoạt động hằng năm")
    LEADERSHIP_REPORT = "leadership_report", _("Hạn báo cáo thay đổi lãnh đạo hội")
