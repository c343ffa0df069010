"""Choices of the oversight app: the three kinds of work, their forms, states, answers and rule codes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SUPERVISION = "supervision", _("Giám sát")
    CRITICISM = "criticism", _("Phản biện xã hội")
    INSPECTION = "inspection", _("Kiểm tra")


class Form(models.TextChoices):
    """The form of a supervision (domain.md §7); criticism and inspection leave it empty."""

    THEMATIC = "thematic", _("Giám sát chuyên đề")
    REGULAR = "regular", _("Giám sát thường xuyên")
    CONFERENCE = "conference", _("Giám sát qua hội nghị, đối thoại")


class State(models.TextChoices):
    PLANNED = "planned", _("Đã lập kế hoạch")
    IN_PROGRESS = "in_progress", _("Đang tiến hành")
    CONCLUDED = "concluded", _("Đã kết luận")
    CLOSED = "closed", _("Đã kết thúc")


STATE_CSS = {State.PLANNED: "", State.IN_PROGRESS: "info", State.CONCLUDED: "warn", State.CLOSED: "ok"}


class Step(models.TextChoices):
    START = "start", _("Bắt đầu tiến hành")
    CONCLUDE = "conclude", _("Kết luận")
    REOPEN = "reopen", _("Mở lại để bổ sung")
    CLOSE = "close", _("Kết thúc")


class TeamRole(models.TextChoices):
    HEAD = "head", _("Trưởng đoàn")
    DEPUTY = "deputy", _("Phó trưởng đoàn")
    MEMBER = "member", _("Thành viên")
    SECRETARY = "secretary", _("Thư ký")


class AttachmentKind(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    DECISION = "decision", _("Quyết định thành lập đoàn")
    MINUTES = "minutes", _("Biên bản")
    CONCLUSION = "conclusion", _("Kết luận, thông báo kết luận")
    OTHER = "other", _("Khác")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("Tiếp thu")
    PARTLY = "partly", _("Tiếp thu một phần")
    NOT_ACCEPTED = "not_accepted", _("Không tiếp thu")


class Outcome(models.TextChoices):
    TAKEN_UP = "taken_up", _("Đã tiếp thu")
    NOT_TAKEN_UP = "not_taken_up", _("Không tiếp thu")


class RuleCode(models.TextChoices):
    SUPERVISION_ANSWER_DAYS = "supervision_answer_days", _("Hạn trả lời kiến nghị giám sát (ngày)")
    CRITICISM_ANSWER_DAYS = "criticism_answer_days", _("Hạn trả lời ý kiến phản biện xã hội (ngày)")
    INSPECTION_ANSWER_DAYS = "inspection_answer_days", _("Hạn báo cáo khắc phục sau kiểm tra (ngày)")


ANSWER_RULE = {Kind.SUPERVISION: RuleCode.SUPERVISION_ANSWER_DAYS, Kind.CRITICISM: RuleCode.CRITICISM_ANSWER_DAYS,
               Kind.INSPECTION: RuleCode.INSPECTION_ANSWER_DAYS}
