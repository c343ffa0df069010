"""Point 5: the association's yearly report (filed, then accepted or returned by its officer) and the reviews
(sơ kết, tổng kết) a unit holds of a directive or programme."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.concurrency import lock
from sohoi.core.deadlines import today
from sohoi.core.notify import notify
from sohoi.core.permissions import require
from sohoi.core.services import object_create

from ..choices import ReportStatus, ReviewKind
from ..models import Review, YearlyReport
from ..workflows import REPORT_TRANSITIONS, RESUBMIT_ACTIONS, REVIEW_ACTIONS
from ..yearly import founded_year, state
from .common import count, ordered, text, year_of
from .files import check_file, store_file
from .funding import _document


def _attachment(file: tuple[str, bytes] | None, errors: dict[str, str], field: str = "attachment") -> tuple[str, bytes] | None:
    if file is None:
        return None
    name, data = file
    try:
        check_file(data, name, field)
    except ValidationError as exc:
        errors.update({k: " ".join(v) for k, v in exc.message_dict.items()})
        return None
    return name, data


def _duplicate(association: Any, year: int) -> str:
    return (_("Hội đã nộp báo cáo năm %(year)s. Mỗi năm chỉ một báo cáo: mở báo cáo đã nộp để xem; nếu bị "
              "trả lại thì bổ sung và nộp lại trên báo cáo đó.") % {"year": year})


@transaction.atomic
def yearly_report_file(*, actor: Any, association: Any, data: dict[str, Any],
                       file: tuple[str, bytes] | None = None, on: datetime.date | None = None) -> YearlyReport:
    """The association files its report on one year. Refused: a year before it existed or in the future, a
    second report for the same year, an attachment that is not PDF/DOCX/XLSX/image by content or too large."""
    require(actor, "activities.file_yearly_report", association)
    on = on or today()
    errors: dict[str, str] = {}
    year = year_of(data, "year", errors, founded=founded_year(association), label=_("năm báo cáo"))
    activities = text(data, "activities", _("kết quả hoạt động chính trong năm"), errors)
    members = count(data, "members", _("số hội viên"), errors)
    branches = count(data, "branches", _("số chi hội"), errors)
    checked = _attachment(file, errors)
    if year is not None and "year" not in errors:
        lock(association)
        if YearlyReport.objects.filter(association=association, year=year).exists():
            errors["year"] = _duplicate(association, year)
    if errors:
        raise ValidationError(errors)
    values = {"association": association, "year": year, "submitted_on": on, "members": members,
              "branches": branches, "activities": activities,
              **{k: (data.get(k) or "").strip() for k in ("organisation", "difficulties", "proposals")}}
    if checked:
        values |= {"attachment": store_file(checked[1], checked[0]), "attachment_name": checked[0][:255]}
    try:
        with transaction.atomic():
            report = object_create(actor=actor, model=YearlyReport, data=values, action="activities.yearly_report.filed")
    except (IntegrityError, ValidationError) as exc:
        if isinstance(exc, ValidationError) and "__all__" not in getattr(exc, "message_dict", {}):
            raise
        raise ValidationError({"year": _duplicate(association, year)}) from None
    return report


def _association_users(association: Any) -> list[Any]:
    from sohoi.accounts.models import User

    return list(User.objects.filter(unit__path__startswith=association.unit.path, is_active=True)[:50])


@transaction.atomic
def yearly_report_transition(*, actor: Any, report: YearlyReport, action: str, comment: str = "",
                             data: dict[str, Any] | None = None, file: tuple[str, bytes] | None = None,
                             on: datetime.date | None = None) -> YearlyReport:
    """The one way a report changes status (workflows.py): the officer accepts or returns it with a comment (the
    association is notified); the association resubmits a returned one, corrected."""
    REPORT_TRANSITIONS.known(action)
    report = YearlyReport.objects.select_for_update(of=("self",)).select_related("association__unit").get(pk=report.pk)
    if action == "resubmit":
        require(actor, "activities.file_yearly_report", report.association)
    else:
        require(actor, "activities.review_yearly_report", report.association)
    transition = REPORT_TRANSITIONS.transition(action, report.status,
                                               RESUBMIT_ACTIONS if action == "resubmit" else REVIEW_ACTIONS)
    comment = (comment or "").strip()
    errors: dict[str, str] = {}
    if transition.needs_comment and not comment:
        errors["comment"] = _("Ghi rõ lý do trả lại để hội biết cần bổ sung gì.")
    before = audit.snapshot(report)
    if action == "resubmit":
        data = data or {}
        for name in ("activities", "organisation", "difficulties", "proposals"):
            if name in data:
                setattr(report, name, (data.get(name) or "").strip())
        if not report.activities:
            errors["activities"] = _("Nhập kết quả hoạt động chính trong năm.")
        checked = _attachment(file, errors)
        if checked and not errors:
            report.attachment, report.attachment_name = store_file(checked[1], checked[0]), checked[0][:255]
    if errors:
        raise ValidationError(errors)
    report.status = transition.target
    if action != "resubmit":
        report.reviewed_by, report.reviewed_on, report.review_comment = actor, on or today(), comment
    report.version += 1
    report.save()
    audit.record(actor=actor, action=f"activities.yearly_report.{action}", target=report,
                 changes=audit.diff(before, audit.snapshot(report)))
    if action != "resubmit":
        # The notification is stored and e-mailed to others: it stays in the source language, whatever the UI's.
        # i18n: data (a stored notification, written once in the source language)
        verb = "đã được chấp nhận" if action == "accept" else "bị trả lại để bổ sung"
        # i18n: data (a stored notification, written once in the source language)
        notify(users=_association_users(report.association), kind="activities.yearly_report",
               title=f"Báo cáo năm {report.year} của {report.association} {verb}",
               body=comment, url=reverse("activities:report_detail", args=[report.pk]),
               key=f"activities.yearly_report.{report.pk}.{action}.{report.version}")
    return report


@transaction.atomic
def review_record(*, actor: Any, unit: Any, data: dict[str, Any], file: tuple[str, bytes] | None = None) -> Review:
    """A unit records its review (sơ kết, tổng kết) of a registered document or a programme."""
    require(actor, "activities.record_review", unit)
    if unit is None:
        raise ValidationError({"unit": _("Tài khoản của bạn không gắn với đơn vị nào; sơ kết, tổng kết phải "
                                         "ghi cho một đơn vị. Nhờ quản trị hệ thống gắn đơn vị cho "
                                         "tài khoản.")})
    errors: dict[str, str] = {}
    document = None
    try:
        document = _document(actor, data.get("document"))
    except ValidationError as exc:
        errors.update({k: " ".join(v) for k, v in exc.message_dict.items()})
    programme = (data.get("programme") or "").strip()
    if document is None and not programme and "document" not in errors:
        errors["document"] = _("Chọn văn bản được sơ kết, tổng kết trong sổ văn bản, hoặc ghi tên chương "
                               "trình.")
    kind = data.get("kind") or ""
    if kind not in ReviewKind.values:
        errors["kind"] = _("Chọn sơ kết hoặc tổng kết.")
    for name, label in (("held_on", _("ngày tổ chức")), ("period_from", _("ngày bắt đầu giai đoạn")),
                        ("period_to", _("ngày kết thúc giai đoạn"))):
        if not isinstance(data.get(name), datetime.date):
            errors[name] = _("Nhập %(label)s (ngày/tháng/năm).") % {"label": label}
    ordered(data.get("period_from"), data.get("period_to"), "period_to", errors,
            _("Giai đoạn kết thúc không thể trước khi bắt đầu. Sửa lại ngày."))
    if isinstance(data.get("held_on"), datetime.date) and data["held_on"] > today():
        errors["held_on"] = _("Ngày tổ chức sơ kết, tổng kết không thể sau hôm nay.")
    findings = text(data, "findings", _("kết quả đạt được"), errors)
    checked = _attachment(file, errors)
    if errors:
        raise ValidationError(errors)
    if document is not None and not programme:
        programme = (document.code or str(document))[:300]  # the record still names what it reviewed
    values = {"unit": unit, "document": document, "programme": programme, "kind": kind, "held_on": data["held_on"],
              "period_from": data["period_from"], "period_to": data["period_to"], "findings": findings,
              **{k: (data.get(k) or "").strip() for k in ("strengths", "weaknesses", "proposals")}}
    if checked:
        values |= {"attachment": store_file(checked[1], checked[0]), "attachment_name": checked[0][:255]}
    return object_create(actor=actor, model=Review, data=values, action="activities.review.recorded")


def report_filing_state(report: YearlyReport, on: datetime.date | None = None):
    return state(report.year, report.submitted_on, on=on)


__all__ = ["ReportStatus", "report_filing_state", "review_record", "yearly_report_file", "yearly_report_transition"]
