"""Tracking: assignments, report periods one after another, progress reports and their review.

Assignment.due_on / done_on / has_report are derived data kept here and nowhere else; the state shown
everywhere is computed from them by `sohoi.core.deadlines` (never typed in).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core import audit, deadlines
from sohoi.core.concurrency import refuse_duplicate
from sohoi.core.notify import notify
from sohoi.core.permissions import require

from ..choices import RECURRENCE_MONTHS, ReportStatus
from ..models import Assignment, ProgressReport, ReportAttachment, ReportPeriod, Task
from ..workflows import REPORT_TRANSITIONS
from .files import store_content

PENDING_REPORT_EXISTS = (gettext_lazy("Đơn vị đã có một báo cáo đang chờ xem xét; hãy chờ ý kiến trước khi "
                                      "gửi báo cáo mới."))
PERIOD_MONTHS_ALLOWED = (1, 2, 3, 4, 6, 12)  # divisors of 12, so periods line up with calendar years


def period_months(task: Task) -> int | None:
    if not task.recurrence:
        return None
    return task.period_months or RECURRENCE_MONTHS[task.recurrence]


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(start: datetime.date, months: int) -> tuple[datetime.date, datetime.date]:
    """From `start` to the end of the calendar period (month, quarter, half-year, year) containing it."""
    first_month = ((start.month - 1) // months) * months + 1
    return start, _month_end(start.year, first_month + months - 1)


def _open_period(assignment: Assignment, start: datetime.date, seq: int) -> ReportPeriod:
    months = period_months(assignment.task) or 6
    begin, end = period_bounds(start, months)
    return ReportPeriod.objects.create(assignment=assignment, seq=seq, start=begin, end=end, due=end)


def sync_assignment(assignment: Assignment) -> Assignment:
    """Recompute the dates the state is classified from (for a recurring task: the current period,
    i.e. the oldest one not yet closed, else the latest)."""
    if assignment.task.recurrence:
        periods = list(assignment.periods.order_by("seq"))
        current = next((p for p in periods if p.done_on is None), periods[-1] if periods else None)
        if current is not None:
            assignment.due_on, assignment.done_on = current.due, current.done_on
            assignment.has_report = current.reports.exists()
    else:
        assignment.due_on = assignment.task.due
        assignment.has_report = assignment.reports.exists()
    assignment.save(update_fields=["due_on", "done_on", "has_report", "updated_at"])
    return assignment


@transaction.atomic
def assignment_open(*, actor: Any, task: Task, unit: Any, via_group: Any = None,
                    audit_rows: list[tuple[Assignment, dict[str, Any]]] | None = None) -> Assignment:
    """Open `unit`'s share of `task` (idempotent). A fan-out passes `audit_rows` to collect the audit row of
    each opened assignment and write them all at once with `audit.record_many` (one INSERT, not one per unit)."""
    assignment, created = Assignment.objects.get_or_create(
        task=task, unit=unit,
        defaults={"via_group": via_group, "due_on": task.due,
                  "created_by": actor if getattr(actor, "is_authenticated", False) else None})
    if created:
        if task.recurrence:
            _open_period(assignment, task.document.date or timezone.localdate(), seq=1)
            sync_assignment(assignment)
        changes = {"unit": [None, str(unit)], "via_group": [None, str(via_group) if via_group else None],
                   "due_on": [None, assignment.due_on]}
        if audit_rows is not None:
            audit_rows.append((assignment, changes))
        else:
            audit.record(actor=actor, action="directives.assignment.opened", target=assignment, changes=changes)
    return assignment


def current_period(assignment: Assignment) -> ReportPeriod | None:
    if not assignment.task.recurrence:
        return None
    return assignment.periods.filter(done_on__isnull=True).order_by("seq").first()


def _unit_users(unit_id: int, document: Any) -> list[Any]:
    """Who hears about an assignment: the unit's active users; for a secret document only those of them
    who may read it (nobody else learns even that the work exists)."""
    from sohoi.accounts.models import User

    users = User.objects.filter(unit_id=unit_id, is_active=True)
    if document.is_secret:
        reader_ids = set(document.readers.values_list("pk", flat=True)) | {document.created_by_id}
        users = users.filter(pk__in=reader_ids)
    return list(users)


@transaction.atomic
def progress_report_submit(*, actor: Any, assignment: Assignment, text: str, percent: int | None = None,
                           milestone: str = "", is_final: bool = False,
                           files: Iterable[tuple[str, bytes]] = (), on: datetime.date | None = None,
                           done_on: datetime.date | None = None) -> ProgressReport:
    """The assigned unit reports progress. `on` is the report date (today unless a test moves the clock);
    `done_on` the day the work was actually done (the conference, the inspection): once the report is
    accepted, on time or late is judged on that day, not on the day of the report or of its acceptance."""
    require(actor, "directives.report", assignment)
    on = on or deadlines.today()
    errors: dict[str, str] = {}
    if done_on is not None and done_on > on:
        errors["done_on"] = (_("Ngày thực hiện xong (%(done_on)s) không được sau ngày báo cáo (%(on)s); nhập "
                               "ngày việc đã thực sự làm xong.") % {"done_on": format(done_on, '%d/%m/%Y'), "on": format(on, '%d/%m/%Y')})
    text = (text or "").strip()
    if not text:
        errors["text"] = _("Nhập nội dung báo cáo: đã làm gì, kết quả ra sao.")
    if percent is not None and not 0 <= percent <= 100:
        errors["percent"] = _("Tiến độ là số phần trăm từ 0 đến 100.")
    if not assignment.task.recurrence and assignment.done_on is not None:
        errors["__all__"] = _("Nhiệm vụ này đã được ghi nhận hoàn thành; không cần báo cáo thêm.")
    if assignment.reports.filter(status=ReportStatus.SUBMITTED).exists():
        errors["__all__"] = PENDING_REPORT_EXISTS
    files = list(files)
    for name, data in files:
        if not data:
            errors["files"] = _("Tệp đính kèm “%(name)s” trống; chọn lại tệp.") % {"name": name}
        elif len(data) > settings.SOHOI_MAX_UPLOAD_BYTES:
            errors["files"] = (_("Tệp đính kèm “%(name)s” quá lớn; giới hạn %(limit)s MB.") % {"name": name, "limit": settings.SOHOI_MAX_UPLOAD_BYTES // (1024 * 1024)})
    if errors:
        raise ValidationError(errors)
    if percent == 100:
        is_final = True
    # The check above gives the message; the partial unique constraint (one_pending_report) decides when two
    # submissions race past it, and its refusal gets the same message instead of a 500 or a duplicate.
    with refuse_duplicate({"__all__": PENDING_REPORT_EXISTS}):
        report = ProgressReport.objects.create(
            assignment=assignment, period=current_period(assignment), submitted_on=on, done_on=done_on, text=text, percent=percent,
            milestone=(milestone or "").strip()[:300], is_final=is_final,
            created_by=actor if getattr(actor, "is_authenticated", False) else None)
    for name, data in files:
        ReportAttachment.objects.create(report=report, name=name[:255], file=store_content(data, name, "attachments"))
    sync_assignment(assignment)
    audit.record(actor=actor, action="directives.report.submitted", target=report,
                 changes={"percent": [None, percent], "milestone": [None, report.milestone], "done_on": [None, done_on],
                          "is_final": [None, is_final], "attachments": [None, len(files)]})
    return report


@transaction.atomic
def progress_report_transition(*, actor: Any, report: ProgressReport, action: str, comment: str = "",
                               on: datetime.date | None = None) -> ProgressReport:
    """The one way a report changes status (table in workflows.py): accept, or return with a comment."""
    REPORT_TRANSITIONS.known(action)
    report = ProgressReport.objects.select_for_update(of=("self",)).select_related(
        "assignment__task__document", "period").get(pk=report.pk)
    assignment = report.assignment
    require(actor, "directives.review_report", report)
    transition = REPORT_TRANSITIONS.transition(action, report.status)
    comment = (comment or "").strip()
    if transition.needs_comment and not comment:
        raise ValidationError({"comment": _("Ghi rõ lý do trả lại để đơn vị biết cần bổ sung gì.")})
    before = report.status
    report.status = transition.target
    report.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    report.reviewed_at = timezone.now()
    report.review_comment = comment
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    if report.status == ReportStatus.ACCEPTED:
        _close_on_accept(report)
    sync_assignment(assignment)
    audit.record(actor=actor, action=f"directives.report.{transition.target}", target=report,
                 changes={"status": [before, report.status], "comment": [None, comment or None]})
    document = assignment.task.document
    # i18n: data (a stored notification, written once in the source language)
    title = (f"Báo cáo {assignment.task} đã được chấp nhận" if report.status == ReportStatus.ACCEPTED
             else f"Báo cáo {assignment.task} bị trả lại: cần bổ sung")
    notify(users=[u for u in _unit_users(assignment.unit_id, document) if u.pk != getattr(actor, "pk", None)],
           kind="directives.report", title=title, body=comment, url=assignment.get_absolute_url(),
           key=f"directives.report:{report.pk}:{report.status}")
    return report


def _close_on_accept(report: ProgressReport) -> None:
    """An accepted report closes its period (and opens the next one), or, when final, the assignment."""
    assignment = report.assignment
    if assignment.task.recurrence:
        period = report.period or current_period(assignment)
        if period is not None and period.done_on is None:
            period.done_on = report.done_on or report.submitted_on
            period.save(update_fields=["done_on"])
            if not assignment.periods.filter(seq=period.seq + 1).exists():
                _open_period(assignment, period.end + datetime.timedelta(days=1), seq=period.seq + 1)
    elif report.is_final:
        assignment.done_on = report.done_on or report.submitted_on
        assignment.save(update_fields=["done_on", "updated_at"])
