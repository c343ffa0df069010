"""Closed lists of the Party side (domain.md §2, §4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    CELL = "cell", _("Chi bộ cơ sở")
    GRASSROOTS_COMMITTEE = "grassroots_committee", _("Đảng bộ cơ sở")
    CAUCUS = "caucus", _("Đảng đoàn")
    CELL_UNDER_COMMITTEE = "cell_under_committee", _("Chi bộ trực thuộc đảng ủy cơ sở")


class OrgStatus(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    DISSOLVED = "dissolved", _("Đã giải thể")
    MERGED = "merged", _("Đã hợp nhất, sáp nhập")


class Grade(models.TextChoices):
    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
    FAILED = "failed", _("Không hoàn thành nhiệm vụ")


GRADE_ORDER = [Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.FAILED]
GRADE_CSS = {Grade.EXCELLENT: "ok", Grade.GOOD: "info", Grade.COMPLETED: "warn", Grade.FAILED: "bad"}
GRADE_COLOR = {Grade.EXCELLENT: "#1b7f3b", Grade.GOOD: "#2a6fb0", Grade.COMPLETED: "#c98a00", Grade.FAILED: "#b3261e"}


class RuleCode(models.TextChoices):
    MIN_MEMBERS = "min_members", _("Số đảng viên chính thức tối thiểu để lập tổ chức đảng")
    COMMITTEE_MEMBERS = "committee_members", _("Số đảng viên để lập đảng bộ cơ sở (thay vì chi bộ cơ sở)")
    SCORE_EXCELLENT = "score_excellent", _("Điểm tối thiểu xếp loại hoàn thành xuất sắc nhiệm vụ")
    SCORE_GOOD = "score_good", _("Điểm tối thiểu xếp loại hoàn thành tốt nhiệm vụ")
    SCORE_COMPLETED = "score_completed", _("Điểm tối thiểu xếp loại hoàn thành nhiệm vụ")
    DEFAULT_SUPERIOR = "default_superior", _("Cấp ủy cấp trên mặc định của hội không trực thuộc cấp ủy nào")


class RuleUnit(models.TextChoices):
    PEOPLE = "people", _("đảng viên")
    POINTS = "points", _("điểm")
    UNIT_CODE = "unit_code", _("ký hiệu cấp ủy")


NUMERIC_RULES = frozenset({RuleCode.MIN_MEMBERS, RuleCode.COMMITTEE_MEMBERS, RuleCode.SCORE_EXCELLENT,
                           RuleCode.SCORE_GOOD, RuleCode.SCORE_COMPLETED})
