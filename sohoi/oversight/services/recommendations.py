"""Findings and recommendations: each recommendation to ONE unit with a response deadline (a dated rule row
by default, overridable, never before the conclusion date); the addressed unit answers and later reports
what it did; an inspection's finding becomes a task of the inspected unit through the directives services."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import audit, deadlines
from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import Answer, Kind, State
from ..models import Activity, Finding, Recommendation
from ..rules import default_due
from .activities import store_file

OPEN_STATES = (State.IN_PROGRESS, State.CONCLUDED)


@transaction.atomic
def finding_add(*, actor: Any, activity: Activity, text: str, unit: Any = None) -> Finding:
    require(actor, "oversight.recommend", activity)
    errors: dict[str, str] = {}
    if not (text or "").strip():
        errors["text"] = _("Nhập nội dung phát hiện.")
    if activity.state not in OPEN_STATES:
        errors["text"] = _("Chỉ ghi phát hiện khi hoạt động đang tiến hành hoặc đã kết luận.")
    if unit is not None and not activity.examined.filter(pk=unit.pk).exists():
        errors["unit"] = _("Đơn vị liên quan phải là một đơn vị được giám sát, kiểm tra trong hoạt động này.")
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=Finding, data={"activity": activity, "text": text.strip(), "unit": unit},
                         action="oversight.finding.added")


@transaction.atomic
def recommendation_add(*, actor: Any, activity: Activity, text: str, addressee: Any, due: datetime.date | None = None,
                       finding: Finding | None = None, on: datetime.date | None = None) -> Recommendation:
    """A recommendation to one unit. Without `due` the deadline is the rule row's default counted from the
    conclusion date (today while the activity is still under way)."""
    require(actor, "oversight.recommend", activity)
    base = activity.concluded_on or on or deadlines.today()
    errors: dict[str, str] = {}
    if not (text or "").strip():
        errors["text"] = _("Nhập nội dung kiến nghị.")
    if addressee is None:
        errors["addressee"] = _("Kiến nghị phải gửi một đơn vị: chọn ô “đơn vị nhận kiến nghị”.")
    if activity.state not in OPEN_STATES:
        errors["text"] = _("Chỉ ghi kiến nghị khi hoạt động đang tiến hành hoặc đã kết luận.")
    if finding is not None and finding.activity_id != activity.pk:
        errors["finding"] = _("Phát hiện này thuộc hoạt động khác; chọn một phát hiện của hoạt động này.")
    rule = None
    if due is None:
        due, rule = default_due(activity.kind, base)
    elif due < base:
        errors["due"] = (_("Hạn trả lời (%(due)s) không thể trước ngày kết luận (%(base)s). Chọn một ngày từ "
                           "ngày kết luận trở đi, hoặc để trống để lấy hạn theo quy định.") % {"due": format(due, '%d/%m/%Y'), "base": format(base, '%d/%m/%Y')})
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=Recommendation, data={
        "activity": activity, "text": text.strip(), "addressee": addressee, "due": due, "due_rule": rule,
        "finding": finding}, action="oversight.recommendation.added")


@transaction.atomic
def recommendation_answer(*, actor: Any, recommendation: Recommendation, answer: str, text: str = "",
                          on: datetime.date | None = None) -> Recommendation:
    """The addressed unit answers: accepted, partly (with reasons) or not accepted (with reasons)."""
    require(actor, "oversight.answer", recommendation)
    errors: dict[str, str] = {}
    text = (text or "").strip()
    if answer not in Answer.values:
        errors["answer"] = _("Chọn trả lời: tiếp thu, tiếp thu một phần hoặc không tiếp thu.")
    elif answer != Answer.ACCEPTED and not text:
        errors["answer_text"] = _("Tiếp thu một phần hoặc không tiếp thu phải nêu lý do; nhập lý do vào ô "
                                  "trả lời.")
    if recommendation.answered_on is not None:
        errors["answer"] = (_("Kiến nghị đã được trả lời ngày %(answered_on)s; báo cáo kết quả thực hiện "
                              "thay vì trả lời lại.") % {"answered_on": format(recommendation.answered_on, '%d/%m/%Y')})
    if errors:
        raise ValidationError(errors)
    return object_update(actor=actor, obj=recommendation, data={
        "answer": answer, "answer_text": text, "answered_on": on or deadlines.today()},
        action="oversight.recommendation.answered")


@transaction.atomic
def recommendation_report(*, actor: Any, recommendation: Recommendation, text: str,
                          evidence: tuple[str, bytes] | None = None,
                          on: datetime.date | None = None) -> Recommendation:
    """The addressed unit reports what it did, with evidence (any file: a photo is evidence too)."""
    require(actor, "oversight.answer", recommendation)
    errors: dict[str, str] = {}
    if recommendation.answered_on is None:
        errors["action_text"] = _("Trả lời kiến nghị trước (tiếp thu hay không), rồi mới báo cáo kết quả "
                                  "thực hiện.")
    if not (text or "").strip():
        errors["action_text"] = _("Nhập kết quả thực hiện: đã làm gì, khi nào.")
    data: dict[str, Any] = {"action_text": (text or "").strip(), "action_on": on or deadlines.today()}
    if evidence is not None:
        name, content = evidence
        if not content:
            errors["evidence"] = _("Tệp minh chứng “%(name)s” trống; chọn lại tệp.") % {"name": name}
        elif len(content) > settings.SOHOI_MAX_UPLOAD_BYTES:
            errors["evidence"] = (_("Tệp minh chứng “%(name)s” quá lớn; giới hạn %(limit)s MB.") % {"name": name, "limit": settings.SOHOI_MAX_UPLOAD_BYTES // (1024 * 1024)})
        else:
            data.update(evidence=store_file(content, name), evidence_name=name[:255])
    if errors:
        raise ValidationError(errors)
    return object_update(actor=actor, obj=recommendation, data=data, action="oversight.recommendation.reported")


@transaction.atomic
def finding_to_task(*, actor: Any, finding: Finding, due: datetime.date | None = None,
                    on: datetime.date | None = None):
    """Turn an inspection finding into a task of the inspected unit: a follow-up document of the inspected
    directive (thông báo kết luận kiểm tra), confirmed through the directives services, so the task is on the
    tracking board, reported on and urged like every other. Returns the Task."""
    from sohoi.directives.choices import Direction, DocType, System
    from sohoi.directives.services import document_confirm, document_create
    from sohoi.reports.books.models import Book
    from sohoi.reports.books.services import book_entry_issue, next_number
    from sohoi.reports.documents.official import is_party, symbol

    require(actor, "oversight.task_from_finding", finding)
    activity = finding.activity
    on = on or deadlines.today()
    errors: dict[str, str] = {}
    if activity.kind != Kind.INSPECTION:
        errors["finding"] = _("Chỉ phát hiện của cuộc kiểm tra mới giao thành nhiệm vụ.")
    if finding.unit is None:
        errors["unit"] = _("Phát hiện chưa ghi đơn vị được kiểm tra liên quan; ghi đơn vị trước khi giao "
                           "nhiệm vụ.")
    if finding.task_id:
        errors["finding"] = _("Phát hiện này đã được giao thành nhiệm vụ.")
    due = due or on + datetime.timedelta(days=60)
    if due < on:
        errors["due"] = _("Hạn hoàn thành không thể trước hôm nay. Chọn một ngày sau hôm nay.")
    if errors:
        raise ValidationError(errors)
    issuer = activity.lead_unit
    unit = finding.unit
    # The notice is numbered from the issuing unit's outgoing book, as an implementing plan is
    # (reports.services.plan_register): the number the book would give now, corrected below if another
    # document took it meanwhile (the book's unique constraint decides).
    party = is_party(issuer)
    sym = symbol(issuer, "TB")

    def code(n: int) -> str:
        return f"{n}-{sym}" if party else f"{n}/{sym}"

    number = next_number(unit=issuer, book=Book.OUTGOING, year=on.year)
    # i18n: data (the text of an official document, always Vietnamese)
    document = document_create(actor=actor, fields={
        "system": System.PARTY if party else System.STATE, "doc_type": DocType.THONG_BAO, "issuer": issuer,
        "issuer_name": issuer.name, "number": str(number), "symbol": sym, "code": code(number),
        "date": on, "place": "Cần Thơ",
        "subject": f"Thông báo kết luận kiểm tra việc thực hiện {activity.document} tại {unit} (phát hiện #{finding.pk})",
        "direction": Direction.OUTGOING, "parent": activity.document, "recipients": [unit.name],
        "proposal": {"source": "oversight.finding", "finding": finding.pk, "activity": activity.pk,
                     "tasks": [{"no": "1", "text": f"Khắc phục hạn chế qua kiểm tra: {finding.text}", "include": True,
                                "deadline": due.isoformat(), "recurrence": "",
                                "leads": [{"name": unit.name, "choice": f"unit:{unit.pk}"}], "coordinators": []}]}})
    entry = book_entry_issue(actor=actor, document=document, on=on)
    if entry.number != number:
        document.number, document.code = str(entry.number), code(entry.number)
        document.save(update_fields=["number", "code", "updated_at"])
    task = document_confirm(actor=actor, document=document)[0]
    Finding.objects.filter(pk=finding.pk).update(task=task, version=finding.version + 1)
    audit.record(actor=actor, action="oversight.finding.task_created", target=finding,
                 changes={"task": [None, str(task)], "unit": [None, str(unit)], "due": [None, due]})
    finding.task = task
    return task
